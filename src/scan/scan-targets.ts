import { type Stats, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { displayPath } from '../core/display-path.js';
import { mayBeInGitWorkTree } from '../io/git-dir-above.js';
import { isFolder } from '../io/is-folder.js';
import type { ScanOptions } from './types.js';

/** A path that does not exist, or a mode that needs git outside a repository: exit 2 in the CLI. */
export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
}

/** What the scan reads: the paths named, their git work trees, and the root paths are relative to. */
export interface ScanTargets {
  cwd: string;
  targets: string[];
  /** Each target's work tree (null: not in one). */
  gitRoots: (string | null)[];
  /** The one work tree every target is in, or null. */
  gitRoot: string | null;
  root: string;
  /** git and child_process are loaded only when a repository can be there. */
  git: typeof import('../io/git-files.js') | undefined;
  relToRoot(abs: string): string;
}

export async function resolveTargets(options: ScanOptions): Promise<ScanTargets> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const targets = (options.paths?.length ? options.paths : ['.']).map((path) => resolve(cwd, path));
  for (const target of targets) checkTarget(cwd, target);
  const git = targets.some((target) => mayBeInGitWorkTree(folderOf(target)))
    ? await import('../io/git-files.js')
    : undefined;
  const gitRoots = await Promise.all(
    targets.map((target) => (git ? git.gitWorkTreeRoot(folderOf(target)) : null)),
  );
  const sameRoot = gitRoots.every((root) => root !== null && root === gitRoots[0]);
  const gitRoot = sameRoot ? (gitRoots[0] ?? null) : null;
  const single = targets.length === 1 ? targets[0] : undefined;
  const root = gitRoot ?? (single !== undefined && isFolder(single) ? single : cwd);
  if ((options.history || options.staged) && gitRoot === null) {
    throw new ScanInputError(
      `${options.staged ? '--staged' : '--history'} needs a git work tree (${targets.length > 1 ? 'all paths in one repository' : 'run it inside one'})`,
    );
  }
  const relToRoot = (abs: string) => relative(root, abs).split(sep).join('/') || '.';
  return { cwd, targets, gitRoots, gitRoot, root, git, relToRoot };
}

function checkTarget(cwd: string, target: string): void {
  const shown = () => displayPath(relative(cwd, target) || target);
  let stat: Stats;
  try {
    stat = statSync(target);
  } catch {
    throw new ScanInputError(`no such file or folder: ${shown()}`);
  }
  // Named explicitly, a FIFO, socket or device is an error, not a silent pass (reading one can block).
  if (!stat.isFile() && !stat.isDirectory()) {
    throw new ScanInputError(`${shown()} is ${kindOf(stat)}, not a file or folder`);
  }
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function folderOf(path: string): string {
  return isFolder(path) ? path : resolve(path, '..');
}
