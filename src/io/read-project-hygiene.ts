import { join, relative } from 'node:path';
import { detectRaw } from '../core/key-detect/detect.js';
import { fingerprintOf, maskKey } from '../core/key-material.js';
import { mayBeInGitWorkTree } from './git-dir-above.js';
import { gitCapture } from './git-run.js';
import { readFileSnapshot } from './read-project.js';

/** Facts for the doctor's prevention advice: is `.env` kept out of git, and is a key hardcoded next to it. */
export interface ProjectHygieneFacts {
  /** For each `.env`-like file in the folder: git's view of it (null when not in a git work tree or git is missing). */
  envFiles: { file: string; ignored: boolean | null; tracked: boolean | null }[];
  /** Keys written into source files next to `.env` (masked), found by the scanner's detector. */
  hardcoded: { file: string; line: number; masked: string; fingerprint: string }[];
}

/** The usual entry points where a key gets pasted "just to try". A shallow look, not a scan. */
const COMMON_SOURCE_FILES = [
  'index.js',
  'index.ts',
  'index.mjs',
  'main.js',
  'main.ts',
  'app.js',
  'app.ts',
  'server.js',
  'server.ts',
  'config.js',
  'config.ts',
  'main.py',
  'app.py',
  'config.py',
  'src/index.js',
  'src/index.ts',
  'src/main.ts',
  'src/app.ts',
  'src/config.ts',
];

const GIT_TIMEOUT_MS = 2000;

export async function readProjectHygiene(
  cwd: string,
  envFiles: readonly string[],
): Promise<ProjectHygieneFacts> {
  const [git, hardcoded] = await Promise.all([
    Promise.all(envFiles.map((file) => gitStatusOf(cwd, file))),
    findHardcodedKeys(cwd),
  ]);
  return { envFiles: git, hardcoded };
}

async function gitStatusOf(cwd: string, file: string): Promise<ProjectHygieneFacts['envFiles'][number]> {
  const name = relative(cwd, file) || file;
  // No repository here or above: git would answer 128 to both (two processes per file for nothing).
  if (!mayBeInGitWorkTree(cwd)) return { file: name, ignored: null, tracked: null };
  // `check-ignore` exits 0 when ignored, 1 when not, 128 outside a work tree.
  const ignored = await gitAnswer(cwd, ['check-ignore', '-q', '--', name]);
  const tracked = await gitAnswer(cwd, ['ls-files', '--error-unmatch', '--', name]);
  return {
    file: name,
    ignored: ignored === 0 ? true : ignored === 1 ? false : null,
    tracked: tracked === 0 ? true : tracked === 1 ? false : null,
  };
}

/** A yes/no question to git (through the one git runner, read-only, no fsmonitor): 0, 1, or null. */
async function gitAnswer(cwd: string, args: string[]): Promise<0 | 1 | null> {
  try {
    const { exitCode } = await gitCapture(cwd, args, { okExitCodes: [1], timeoutMs: GIT_TIMEOUT_MS });
    return exitCode === 0 ? 0 : 1;
  } catch {
    return null;
  }
}

/** The scanner's detector, so doctor and scan agree on what is a key, a placeholder and a test key. */
async function findHardcodedKeys(cwd: string): Promise<ProjectHygieneFacts['hardcoded']> {
  const files = await Promise.all(
    COMMON_SOURCE_FILES.map(async (file) => ({ file, snap: await readFileSnapshot(join(cwd, file)) })),
  );
  return files.flatMap(({ file, snap }) =>
    snap.kind !== 'file'
      ? []
      : detectRaw(snap.bytes, { path: file }).hits.map((hit) => ({
          file,
          line: hit.line,
          masked: maskKey(hit.key),
          fingerprint: fingerprintOf(hit.key),
        })),
  );
}
