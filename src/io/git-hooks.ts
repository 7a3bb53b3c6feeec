import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gitCapture } from './git-run.js';

export interface HookInstallResult {
  path: string;
  /** What happened to a hook that was there: kept as a backup, replaced (ours), or none. */
  previous: 'none' | 'ours' | 'backed-up';
  backupPath?: string;
}

/** A hook is already there and is not ours: the CLI says so and exits 2 unless --force. */
export class HookExistsError extends Error {
  override readonly name = 'HookExistsError';
  readonly path: string;
  constructor(path: string) {
    super(
      `a pre-commit hook already exists at ${path}; rerun with --force to replace it (it is kept as pre-commit.backup)`,
    );
    this.path = path;
  }
}

/** Where git runs hooks from: `core.hooksPath` when set, else .git/hooks (worktree-aware). */
export async function gitHooksDir(cwd: string): Promise<string> {
  const { stdout } = await gitCapture(cwd, ['rev-parse', '--git-path', 'hooks']);
  return resolve(cwd, stdout.toString('utf8').trim());
}

/** The hook to write: its text, and the marker that says a hook there is already ours. */
export interface HookScript {
  text: string;
  marker: string;
}

/** Writes a pre-commit hook (the caller supplies the script). Never overwrites a foreign hook without force. */
export async function installPreCommitHook(
  cwd: string,
  script: HookScript,
  force = false,
): Promise<HookInstallResult> {
  const dir = await gitHooksDir(cwd);
  const path = join(dir, 'pre-commit');
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch {
    existing = undefined;
  }
  let previous: HookInstallResult['previous'] = 'none';
  let backupPath: string | undefined;
  if (existing !== undefined) {
    if (existing.includes(script.marker)) previous = 'ours';
    else if (!force) throw new HookExistsError(path);
    else {
      backupPath = `${path}.backup`;
      await rename(path, backupPath);
      previous = 'backed-up';
    }
  }
  await mkdir(dir, { recursive: true });
  await writeFile(path, script.text, { mode: 0o755 });
  await chmod(path, 0o755);
  return { path, previous, ...(backupPath ? { backupPath } : {}) };
}
