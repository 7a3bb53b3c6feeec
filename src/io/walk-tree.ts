import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A file to scan: its path relative to the scan root (`/`-separated) and on disk. */
export interface WalkedFile {
  rel: string;
  abs: string;
}

export interface WalkSkip {
  rel: string;
  reason: 'symlink' | 'symlink-loop' | 'non-utf8-name' | 'dependency-folder' | 'unreadable' | 'not-a-file';
  detail?: string;
}

/** Folders never walked outside git: the repository database, and dependency trees (counted). */
const SILENT_SKIP = new Set(['.git', '.hg', '.svn']);
const DEPENDENCY_FOLDERS = new Set(['node_modules']);

/**
 * Every file under `start` (a folder or a file), outside git. Follows symlinks, but never into a
 * folder already on the current path (a loop) or already walked; names that are not UTF-8 are
 * reported, not opened. Synchronous: directory listing is syscall-bound and this is the hot path.
 */
export function walkTree(root: string, start: string): { files: WalkedFile[]; skipped: WalkSkip[] } {
  const files: WalkedFile[] = [];
  const skipped: WalkSkip[] = [];
  const walked = new Set<string>();
  // Hot path: most paths are under the root, so slicing beats path.relative (which resolves both).
  const prefix = root.endsWith(sep) ? root : root + sep;
  const relOf = (abs: string) =>
    abs.startsWith(prefix) && sep === '/'
      ? abs.slice(prefix.length)
      : relative(root, abs).split(sep).join('/') || '.';

  /** `dir` is on disk at `real` (no symlink in it): its children's real paths are joins. */
  const visit = (dir: string, real: string, ancestors: Set<string>): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ rel: relOf(dir), reason: 'unreadable', detail: codeOf(error) });
      return;
    }
    // A name that is not UTF-8 decodes with U+FFFD: only then list the raw bytes to be sure.
    const raw = entries.some((entry) => entry.name.includes('\uFFFD')) ? rawNames(dir) : undefined;
    for (const entry of entries) {
      const name = entry.name;
      const abs = dir.endsWith(sep) ? dir + name : dir + sep + name;
      if (raw !== undefined && !raw.has(name)) {
        skipped.push({ rel: relOf(abs), reason: 'non-utf8-name' });
        continue;
      }
      if (entry.isDirectory()) {
        if (SILENT_SKIP.has(name)) continue;
        if (DEPENDENCY_FOLDERS.has(name)) {
          skipped.push({ rel: relOf(abs), reason: 'dependency-folder' });
          continue;
        }
        const childReal = join(real, name);
        if (walked.has(childReal)) continue; // already walked through a symlink
        walked.add(childReal);
        visit(abs, childReal, new Set(ancestors).add(childReal));
      } else if (entry.isFile()) {
        files.push({ rel: relOf(abs), abs });
      } else if (entry.isSymbolicLink()) {
        followLink(abs, ancestors);
      } else {
        skipped.push({ rel: relOf(abs), reason: 'not-a-file' });
      }
    }
  };

  const enter = (dir: string, ancestors: Set<string>): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      skipped.push({ rel: relOf(dir), reason: codeOf(error) === 'ELOOP' ? 'symlink-loop' : 'unreadable' });
      return;
    }
    if (ancestors.has(real)) {
      skipped.push({ rel: relOf(dir), reason: 'symlink-loop', detail: 'points to a folder above it' });
      return;
    }
    if (walked.has(real)) {
      skipped.push({ rel: relOf(dir), reason: 'symlink', detail: 'folder already scanned' });
      return;
    }
    walked.add(real);
    visit(dir, real, new Set(ancestors).add(real));
  };

  const followLink = (abs: string, ancestors: Set<string>): void => {
    try {
      const target = statSync(abs);
      if (target.isDirectory()) enter(abs, ancestors);
      else if (target.isFile()) files.push({ rel: relOf(abs), abs });
      else skipped.push({ rel: relOf(abs), reason: 'not-a-file' });
    } catch (error) {
      const code = codeOf(error);
      skipped.push({
        rel: relOf(abs),
        reason: code === 'ELOOP' ? 'symlink-loop' : 'unreadable',
        detail: code === 'ENOENT' ? 'broken symlink' : code,
      });
    }
  };

  try {
    const top = statSync(start);
    if (top.isDirectory()) enter(start, new Set());
    else if (top.isFile()) files.push({ rel: relOf(start), abs: start });
    else skipped.push({ rel: relOf(start), reason: 'not-a-file' });
  } catch (error) {
    const code = codeOf(error);
    skipped.push({
      rel: relOf(start),
      reason: code === 'ELOOP' ? 'symlink-loop' : 'unreadable',
      detail: code,
    });
  }
  return { files, skipped };
}

/** Names in a folder that are valid UTF-8 (they survive a decode and re-encode unchanged). */
function rawNames(dir: string): Set<string> {
  const valid = new Set<string>();
  for (const name of readdirSync(dir, { encoding: 'buffer' })) {
    const text = name.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(name)) valid.add(text);
  }
  return valid;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}
