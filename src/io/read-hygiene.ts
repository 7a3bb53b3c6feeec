import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { AUTH_KEY_IN_TEXT, fingerprintOf, maskKey, STANDARD_KEY_IN_TEXT } from '../core/key-material.js';
import { readFileSnapshot } from './read-project.js';

/** Facts for the prevention advice: is `.env` kept out of git, and is a key hardcoded next to it. */
export interface HygieneFacts {
  /** For each `.env`-like file in the folder: git's view of it (null when not in a git work tree or git is missing). */
  envFiles: { file: string; ignored: boolean | null; tracked: boolean | null }[];
  /** Keys written into source files next to `.env` (masked). */
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

export async function readHygiene(cwd: string, envFiles: readonly string[]): Promise<HygieneFacts> {
  const [git, hardcoded] = await Promise.all([
    Promise.all(envFiles.map((file) => gitStatusOf(cwd, file))),
    findHardcodedKeys(cwd),
  ]);
  return { envFiles: git, hardcoded };
}

async function gitStatusOf(cwd: string, file: string): Promise<HygieneFacts['envFiles'][number]> {
  const name = relative(cwd, file) || file;
  // `check-ignore` exits 0 when ignored, 1 when not, 128 outside a work tree.
  const ignored = await git(cwd, ['check-ignore', '-q', '--', name]);
  const tracked = await git(cwd, ['ls-files', '--error-unmatch', '--', name]);
  return {
    file: name,
    ignored: ignored === 0 ? true : ignored === 1 ? false : null,
    tracked: tracked === 0 ? true : tracked === 1 ? false : null,
  };
}

/**
 * The doctor only reads: no optional index refresh (GIT_OPTIONAL_LOCKS=0), and no fsmonitor
 * hook, which a folder's own .git/config could point at any program.
 */
const READ_ONLY = ['-c', 'core.fsmonitor=false'];

function git(cwd: string, args: string[]): Promise<number | null> {
  return new Promise((done) => {
    const options = {
      cwd,
      timeout: GIT_TIMEOUT_MS,
      windowsHide: true,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    };
    execFile('git', [...READ_ONLY, ...args], options, (error) => {
      if (!error) return done(0);
      const code = (error as { code?: unknown }).code;
      done(typeof code === 'number' && code < 128 ? code : null);
    });
  });
}

async function findHardcodedKeys(cwd: string): Promise<HygieneFacts['hardcoded']> {
  const found: HygieneFacts['hardcoded'] = [];
  const files = await Promise.all(
    COMMON_SOURCE_FILES.map(async (file) => ({ file, snap: await readFileSnapshot(join(cwd, file)) })),
  );
  for (const { file, snap } of files) {
    if (snap.kind !== 'file') continue;
    const lines = new TextDecoder().decode(snap.bytes).split('\n');
    lines.forEach((text, index) => {
      for (const pattern of [STANDARD_KEY_IN_TEXT, AUTH_KEY_IN_TEXT]) {
        for (const match of text.matchAll(pattern)) {
          found.push({
            file,
            line: index + 1,
            masked: maskKey(match[0]),
            fingerprint: fingerprintOf(match[0]),
          });
        }
      }
    });
  }
  return found;
}
