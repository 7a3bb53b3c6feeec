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
  const walker = new TreeWalker(root);
  try {
    const top = statSync(start);
    if (top.isDirectory()) walker.enter(start, new Set());
    else if (top.isFile()) walker.files.push({ rel: walker.relOf(start), abs: start });
    else walker.skipped.push({ rel: walker.relOf(start), reason: 'not-a-file' });
  } catch (error) {
    walker.skipUnreadable(start, error);
  }
  return { files: walker.files, skipped: walker.skipped };
}

/** One walk's state: what was found, what was skipped, and the real folders already walked. */
class TreeWalker {
  readonly files: WalkedFile[] = [];
  readonly skipped: WalkSkip[] = [];
  private readonly walked = new Set<string>();
  // Hot path: most paths are under the root, so slicing beats path.relative (which resolves both).
  private readonly prefix: string;

  constructor(private readonly root: string) {
    this.prefix = root.endsWith(sep) ? root : root + sep;
  }

  relOf(abs: string): string {
    return abs.startsWith(this.prefix) && sep === '/'
      ? abs.slice(this.prefix.length)
      : relative(this.root, abs).split(sep).join('/') || '.';
  }

  skipUnreadable(abs: string, error: unknown, detail?: string): void {
    const code = codeOf(error);
    this.skipped.push({
      rel: this.relOf(abs),
      reason: code === 'ELOOP' ? 'symlink-loop' : 'unreadable',
      detail: detail ?? code,
    });
  }

  /** A folder reached from the start or through a symlink: resolved, and refused when it loops. */
  enter(dir: string, ancestors: Set<string>): void {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      const loop = codeOf(error) === 'ELOOP';
      this.skipped.push({ rel: this.relOf(dir), reason: loop ? 'symlink-loop' : 'unreadable' });
      return;
    }
    if (ancestors.has(real)) {
      this.skipped.push({
        rel: this.relOf(dir),
        reason: 'symlink-loop',
        detail: 'points to a folder above it',
      });
      return;
    }
    if (this.walked.has(real)) {
      this.skipped.push({ rel: this.relOf(dir), reason: 'symlink', detail: 'folder already scanned' });
      return;
    }
    this.walked.add(real);
    this.visit(dir, real, new Set(ancestors).add(real));
  }

  /** `dir` is on disk at `real` (no symlink in it): its children's real paths are joins. */
  private visit(dir: string, real: string, ancestors: Set<string>): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.skipped.push({ rel: this.relOf(dir), reason: 'unreadable', detail: codeOf(error) });
      return;
    }
    // A name that is not UTF-8 decodes with U+FFFD: only then list the raw bytes to be sure.
    const raw = entries.some((entry) => entry.name.includes('\uFFFD')) ? rawNames(dir) : undefined;
    for (const entry of entries) {
      const abs = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
      if (raw !== undefined && !raw.has(entry.name)) {
        this.skipped.push({ rel: this.relOf(abs), reason: 'non-utf8-name' });
      } else if (entry.isDirectory()) {
        this.visitChildFolder(entry.name, abs, real, ancestors);
      } else if (entry.isFile()) {
        this.files.push({ rel: this.relOf(abs), abs });
      } else if (entry.isSymbolicLink()) {
        this.followLink(abs, ancestors);
      } else {
        this.skipped.push({ rel: this.relOf(abs), reason: 'not-a-file' });
      }
    }
  }

  private visitChildFolder(name: string, abs: string, parentReal: string, ancestors: Set<string>): void {
    if (SILENT_SKIP.has(name)) return;
    if (DEPENDENCY_FOLDERS.has(name)) {
      this.skipped.push({ rel: this.relOf(abs), reason: 'dependency-folder' });
      return;
    }
    const childReal = join(parentReal, name);
    if (this.walked.has(childReal)) return; // already walked through a symlink
    this.walked.add(childReal);
    this.visit(abs, childReal, new Set(ancestors).add(childReal));
  }

  private followLink(abs: string, ancestors: Set<string>): void {
    try {
      const target = statSync(abs);
      if (target.isDirectory()) this.enter(abs, ancestors);
      else if (target.isFile()) this.files.push({ rel: this.relOf(abs), abs });
      else this.skipped.push({ rel: this.relOf(abs), reason: 'not-a-file' });
    } catch (error) {
      this.skipUnreadable(abs, error, codeOf(error) === 'ENOENT' ? 'broken symlink' : undefined);
    }
  }
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
