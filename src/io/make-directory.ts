import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(…, { recursive: true })` never returns for
 * some paths (`/proc/none/x` spins at full CPU), and these paths come from the user (a hooks path in
 * git's config, XDG_CACHE_HOME): here each missing level is made in turn, and an error is an error.
 */
export function makeDirectory(dir: string, mode?: number): void {
  const make = (path: string) => mkdirSync(path, mode === undefined ? {} : { mode });
  const missing: string[] = [];
  let at = resolve(dir);
  while (!madeOrThere(at, make, true)) {
    missing.push(at);
    if (dirname(at) === at) throw new Error(`cannot create ${dir}`);
    at = dirname(at);
  }
  for (const level of missing.reverse()) madeOrThere(level, make, false);
}

/** True when made or there already; false when its parent is missing (and that may be); else throws. */
function madeOrThere(path: string, make: (path: string) => void, parentMayBeMissing: boolean): boolean {
  try {
    make(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return true;
    if (code === 'ENOENT' && parentMayBeMissing) return false;
    throw error;
  }
}
