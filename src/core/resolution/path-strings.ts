import path from 'node:path';

/**
 * Path arithmetic on strings only (no fs, no process.cwd()): the snapshot's paths are absolute,
 * and Windows paths use win32 rules whatever machine runs the core.
 */
export type PathApi = typeof path.posix;

export function pathApiFor(cwd: string, platform?: NodeJS.Platform): PathApi {
  if (platform === 'win32' || /^[A-Za-z]:[\\/]/.test(cwd) || cwd.startsWith('\\\\')) return path.win32;
  return path.posix;
}

/** `dir`, its parent, …, the filesystem root. */
export function selfAndAncestors(dir: string, api: PathApi): string[] {
  const out: string[] = [];
  let current = api.normalize(dir);
  for (let guard = 0; guard < 256; guard++) {
    out.push(current);
    const parent = api.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return out;
}

/**
 * How a file is named in a source label: relative to cwd inside it and for nearby parents
 * (`.env`, `../.env`), `~/…` for the home folder's own files (`~/.gemini/.env`), else absolute.
 */
export function pathLabel(file: string, cwd: string, home: string, api: PathApi): string {
  const posix = (p: string) => p.split(api.sep).join('/');
  const fromCwd = api.relative(cwd, file);
  if (isInside(cwd, file, api)) return posix(fromCwd);
  const fromHome = api.relative(home, file);
  const homeOwn =
    isInside(home, file, api) &&
    (api.dirname(file) === api.normalize(home) || fromHome.startsWith(`.gemini${api.sep}`));
  if (homeOwn) return `~/${posix(fromHome)}`;
  // `../.env`, `../../.gemini/.env`: a file in a nearby parent folder, not elsewhere in the tree.
  const parts = fromCwd.split(api.sep);
  const ups = parts.filter((part) => part === '..').length;
  if (!api.isAbsolute(fromCwd) && ups <= 3 && parts.length - ups <= 2) return posix(fromCwd);
  if (isInside(home, file, api)) return `~/${posix(fromHome)}`;
  return file;
}

function isInside(dir: string, file: string, api: PathApi): boolean {
  const rel = api.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !api.isAbsolute(rel);
}
