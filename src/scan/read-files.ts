import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { detectRaw, mayContainKey, type RawHit } from './detect.js';
import type { ScanSource, SkippedFile } from './types.js';

/** One file for the reader: printable relative path and the path to open. */
export interface FileJob {
  rel: string;
  abs: string;
  source: ScanSource;
  /** In git mode a symlink is git's link, not content: report it instead of following it. */
  noFollow?: boolean;
}

export interface FileHits {
  file: string;
  source: ScanSource;
  hits: RawHit[];
}

export interface BatchResult {
  hits: FileHits[];
  skipped: SkippedFile[];
  files: number;
  bytes: number;
  placeholders: number;
}

/** Bytes git also looks at to call a file binary. */
const BINARY_SNIFF = 8000;

/**
 * Reads and scans files one by one with synchronous reads into one reused buffer: on a warm
 * cache this is bound by syscalls, and a prefilter on raw bytes keeps decoding off the hot path.
 * Never throws: an unreadable file becomes a skip with a reason.
 */
export class FileScanner {
  #buffer = Buffer.allocUnsafe(1 << 20);
  readonly #maxFileSize: number;

  constructor(maxFileSize: number) {
    this.#maxFileSize = maxFileSize;
  }

  scan(jobs: readonly FileJob[], onFile?: (bytes: number) => void): BatchResult {
    const result: BatchResult = { hits: [], skipped: [], files: 0, bytes: 0, placeholders: 0 };
    for (const job of jobs) {
      const size = this.#scanOne(job, result);
      onFile?.(size);
    }
    return result;
  }

  #scanOne(job: FileJob, result: BatchResult): number {
    const skip = (reason: SkippedFile['reason'], detail?: string) => {
      result.skipped.push({ file: job.rel, reason, source: job.source, ...(detail ? { detail } : {}) });
      return 0;
    };
    let fd: number;
    try {
      fd = openSync(job.abs, job.noFollow ? constants.O_RDONLY | constants.O_NOFOLLOW : constants.O_RDONLY);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT' && job.noFollow) return 0; // tracked but deleted in the work tree
      if (code === 'ELOOP') return job.noFollow ? skipLink(job, skip) : skip('symlink-loop');
      return skip('unreadable', code);
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return skip('not-a-file');
      if (stat.size > this.#maxFileSize) return skip('too-large', `${stat.size} bytes`);
      const length = this.#read(fd, stat.size);
      const bytes = this.#buffer.subarray(0, length);
      if (bytes.subarray(0, BINARY_SNIFF).indexOf(0) !== -1) return skip('binary');
      result.files++;
      result.bytes += length;
      if (mayContainKey(bytes)) {
        const found = detectRaw(bytes, { path: job.rel });
        result.placeholders += found.placeholders;
        if (found.hits.length > 0) result.hits.push({ file: job.rel, source: job.source, hits: found.hits });
      }
      return length;
    } catch (error) {
      return skip('unreadable', codeOf(error));
    } finally {
      closeSync(fd);
    }
  }

  /** Reads the size fstat gave (a file growing meanwhile is read as it was): no extra EOF read. */
  #read(fd: number, size: number): number {
    if (this.#buffer.length < size)
      this.#buffer = Buffer.allocUnsafe(Math.max(size, this.#buffer.length * 2));
    let total = 0;
    while (total < size) {
      const n = readSync(fd, this.#buffer, total, size - total, null);
      if (n === 0) break;
      total += n;
    }
    return total;
  }
}

function skipLink(job: FileJob, skip: (reason: SkippedFile['reason'], detail?: string) => number): number {
  try {
    statSync(job.abs);
    return skip('symlink', 'not followed in a git work tree; its target is scanned where it is tracked');
  } catch (error) {
    const code = codeOf(error);
    return code === 'ELOOP' ? skip('symlink-loop') : skip('symlink', code === 'ENOENT' ? 'broken' : code);
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}
