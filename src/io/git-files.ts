import { mayBeInGitWorkTree } from './git-dir-above.js';
import { gitCapture, splitNul } from './git-run.js';

/** The work tree's top folder, or null when `cwd` is not inside a git work tree. */
export async function gitWorkTreeRoot(cwd: string): Promise<string | null> {
  // No `.git` in this folder or above (and no GIT_DIR): not a repository, no need to ask git.
  if (!mayBeInGitWorkTree(cwd)) return null;
  try {
    const { stdout } = await gitCapture(cwd, ['rev-parse', '--is-inside-work-tree', '--show-toplevel']);
    const [inside, top] = stdout.toString('utf8').split('\n');
    return inside === 'true' && top ? top : null;
  } catch {
    return null;
  }
}

/** A path as git printed it: raw bytes, since a name need not be UTF-8. */
export type GitPath = Buffer;

/**
 * Tracked files plus untracked files that are not ignored, under the given pathspecs
 * (relative to root; empty: the whole tree), as raw names relative to the root.
 */
export async function listWorkTreeFiles(root: string, pathspecs: readonly string[]): Promise<GitPath[]> {
  const { stdout } = await gitCapture(root, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    ...literal(pathspecs),
  ]);
  return splitNul(stdout);
}

/** Ignored files (not whole ignored folders, which git collapses to `dir/`). */
export async function listIgnoredFiles(root: string, pathspecs: readonly string[] = []): Promise<GitPath[]> {
  const { stdout } = await gitCapture(root, [
    'ls-files',
    '-z',
    '--others',
    '--ignored',
    '--exclude-standard',
    '--directory',
    '--no-empty-directory',
    '--',
    ...literal(pathspecs),
  ]);
  return splitNul(stdout).filter((name) => name[name.length - 1] !== 0x2f);
}

/** Tracked files only (for hygiene rules). */
export async function listTrackedFiles(root: string): Promise<string[]> {
  const { stdout } = await gitCapture(root, ['ls-files', '-z', '--cached']);
  return splitNul(stdout).map((name) => name.toString('utf8'));
}

/** Whether git ignores this path (`git check-ignore`; exit 1 means "not ignored"). */
export async function isGitIgnored(root: string, path: string): Promise<boolean> {
  const { exitCode } = await gitCapture(root, ['check-ignore', '-q', '--no-index', '--', path], {
    okExitCodes: [1],
  });
  return exitCode === 0;
}

export interface PathAddition {
  commit: string;
  date: string;
  path: string;
}

/** Every commit on any ref that added a file matching the globs (`.env`, `.env.*`): cheap, no diffs. */
export async function listAdditions(root: string, globs: readonly string[]): Promise<PathAddition[]> {
  const { stdout } = await gitCapture(root, [
    'log',
    '--all',
    '--no-renames',
    '--diff-filter=A',
    '--name-only',
    '--format=%x01%H %cI',
    '--',
    ...globs.map((glob) => `:(glob)${glob}`),
  ]);
  const additions: PathAddition[] = [];
  for (const block of stdout.toString('utf8').split('\x01')) {
    const [header, ...paths] = block.split('\n');
    const [commit, date] = (header ?? '').split(' ');
    if (!commit || !date) continue;
    for (const path of paths) if (path) additions.push({ commit, date, path });
  }
  return additions;
}

function literal(pathspecs: readonly string[]): string[] {
  return pathspecs.map((spec) => `:(literal)${spec}`);
}
