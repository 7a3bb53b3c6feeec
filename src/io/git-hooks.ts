import { constants } from 'node:fs';
import { chmod, copyFile, lstat, readFile, readlink, realpath, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { gitCapture } from './git-run.js';
import { makeDirectory } from './make-directory.js';

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
      `a pre-commit hook already exists at ${path}; rerun with --force to replace it (it is kept as a numbered pre-commit.backup)`,
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

/** The pre-commit path is a symlink leading out of the hooks folder (or nowhere): never written through. */
export class HookSymlinkError extends Error {
  override readonly name = 'HookSymlinkError';
  constructor(path: string, target: string) {
    super(
      `${path} is a symbolic link to ${target}, outside the hooks folder; not writing through it (remove the link, then rerun)`,
    );
  }
}

/**
 * Writes a pre-commit hook (the caller supplies the script). Never overwrites a foreign hook
 * without force, never writes through a symlink that leads out of the hooks folder, and keeps
 * every earlier hook it replaces as a numbered backup (`pre-commit.backup`, `.backup.1`, …).
 */
export async function installPreCommitHook(
  cwd: string,
  script: HookScript,
  force = false,
): Promise<HookInstallResult> {
  const dir = await gitHooksDir(cwd);
  const path = join(dir, 'pre-commit');
  const existing = await readExistingHook(dir, path);
  let previous: HookInstallResult['previous'] = 'none';
  let backupPath: string | undefined;
  if (existing !== undefined) {
    if (existing.includes(script.marker)) previous = 'ours';
    else if (!force) throw new HookExistsError(path);
    else {
      backupPath = await freeBackupPath(path);
      await copyFile(path, backupPath, constants.COPYFILE_EXCL);
      previous = 'backed-up';
    }
  }
  makeDirectory(dir);
  // A fresh file renamed over the hook: replaces a link inside the folder instead of following it.
  const fresh = `${path}.${process.pid}.tmp`;
  await writeFile(fresh, script.text, { mode: 0o755, flag: 'wx' });
  await chmod(fresh, 0o755);
  await rename(fresh, path);
  return { path, previous, ...(backupPath ? { backupPath } : {}) };
}

/** The hook there now (undefined: none); a symlink is followed only when it stays inside the hooks folder. */
async function readExistingHook(dir: string, path: string): Promise<string | undefined> {
  let stat: Awaited<ReturnType<typeof lstat>>;
  try {
    stat = await lstat(path);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) {
    const link = await readlink(path);
    const target = resolve(dir, link);
    let real: string | undefined;
    try {
      real = await realpath(path);
    } catch {
      real = undefined; // dangling
    }
    const hooks = await realpath(dir).catch(() => dir);
    const inside = (p: string) => p.startsWith(hooks + sep) || dirname(p) === hooks;
    if (real === undefined || !inside(real) || !inside(resolve(hooks, link))) {
      throw new HookSymlinkError(path, target);
    }
  }
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** `pre-commit.backup`, else the first free `pre-commit.backup.N`: an earlier backup is never overwritten. */
async function freeBackupPath(path: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? `${path}.backup` : `${path}.backup.${n}`;
    try {
      await lstat(candidate);
    } catch {
      return candidate;
    }
  }
}
