import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Whether `start` can be inside a git work tree: a `.git` in it or above, or GIT_DIR set. A cheap
 * check that spares starting git (and loading child_process) outside repositories.
 */
export function mayBeInGitWorkTree(start: string): boolean {
  if (process.env['GIT_DIR'] !== undefined) return true;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}
