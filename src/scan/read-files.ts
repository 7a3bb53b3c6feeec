import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import {
  detectRaw,
  mayContainKey,
  type RawDetection,
  type RawHit,
  utf16Width,
} from '../core/key-detect/detect.js';
import { sniffEncoding } from '../core/text-encoding.js';
import { detectFragment, mayContainUtf16Key } from './detect-fragment.js';
import type { SharedJobQueue } from './job-queue.js';
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

export interface FileScannerOptions {
  /** Bytes read at a time; small enough to stay in the CPU cache (tests make it tiny). */
  chunkSize?: number;
  /** Largest file searched in one piece; larger ones go window by window (tests make it tiny). */
  windowSize?: number;
}

/** 64 MiB: a window's worth of bytes and its line bookkeeping stay well below V8's string limits. */
export const DEFAULT_WINDOW = 64 * 1024 * 1024;
/** Longest key (`AQ.` + 72) plus the context a key's variable name is read from, with room to spare. */
const WINDOW_OVERLAP = 1024;
/** UTF-16/32 text and binaries searched for UTF-16 runs are decoded whole: up to this size. */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

export function emptyBatch(): BatchResult {
  return { hits: [], skipped: [], files: 0, bytes: 0, placeholders: 0 };
}

/** Bytes git also looks at to call a file binary. */
const BINARY_SNIFF = 8000;
/**
 * 128 KiB: the copy from the page cache lands in L2 and the prefilter reads it from there;
 * measured ~15 % faster than reading whole files into a large buffer (bench/scan.mjs).
 */
const DEFAULT_CHUNK = 128 * 1024;
/** The longest prefix (`AIza`, 8 bytes in UTF-16) minus one: carried over so a prefix split by a chunk edge is seen. */
const CARRY = 7;

/**
 * Reads and scans files one by one with synchronous reads (on a warm cache this is bound by
 * syscalls and memory copies, not by waiting). Each file streams through one small reused buffer
 * where a raw-byte prefilter looks for the two key prefixes; only a file where one shows up is
 * read whole and decoded. Small files need no fstat: a short first read is the whole file.
 * Never throws: an unreadable file becomes a skip with a reason.
 */
export class FileScanner {
  readonly #chunkSize: number;
  readonly #chunk: Buffer;
  /** Whole-file buffer for the rare file that passes the prefilter; grows as needed. */
  #whole = Buffer.allocUnsafe(0);
  readonly #maxFileSize: number;
  readonly #windowSize: number;

  constructor(maxFileSize: number, options: FileScannerOptions = {}) {
    this.#maxFileSize = maxFileSize;
    this.#windowSize = Math.max(4 * WINDOW_OVERLAP, options.windowSize ?? DEFAULT_WINDOW);
    this.#chunkSize = Math.max(BINARY_SNIFF, options.chunkSize ?? DEFAULT_CHUNK);
    this.#chunk = Buffer.allocUnsafe(CARRY + this.#chunkSize);
  }

  scan(jobs: readonly FileJob[], onFile?: (bytes: number) => void): BatchResult {
    const result = emptyBatch();
    for (const job of jobs) {
      const size = this.#scanOne(job, result);
      onFile?.(size);
    }
    return result;
  }

  /** Claims and scans up to `limit` jobs from a queue shared with other threads. */
  scanQueue(
    jobs: readonly FileJob[],
    queue: SharedJobQueue,
    owner: number,
    limit = Number.POSITIVE_INFINITY,
  ): { result: BatchResult; exhausted: boolean } {
    const result = emptyBatch();
    for (let n = 0; n < limit; n++) {
      const index = queue.claim(owner);
      if (index === -1) return { result, exhausted: true };
      const job = jobs[index];
      if (job) queue.done(this.#scanOne(job, result));
    }
    return { result, exhausted: false };
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
      const chunk = this.#chunk;
      // One byte over the limit tells a file over it from one exactly at it.
      const first = Math.min(this.#chunkSize, this.#maxFileSize + 1);
      const length = readAt(fd, chunk, CARRY, first, 0);
      let size = length;
      if (length === first) {
        // Not known to be whole yet: ask for the size, and read no further than it (a file that
        // grows meanwhile is read as it was).
        const stat = fstatSync(fd);
        if (!stat.isFile()) return skip('not-a-file');
        if (stat.size > this.#maxFileSize) return skip('too-large', `${stat.size} bytes`);
        size = stat.size;
      }
      const head = chunk.subarray(CARRY, CARRY + length);
      const sniffed = sniffEncoding(head);
      if (sniffed === null) return this.#scanBinary(fd, head, size, job, result, skip);
      if (sniffed.encoding !== 'utf8') {
        // UTF-16/32 text (a PowerShell `.env`) is decoded whole.
        if (size > MAX_DECODED_BYTES)
          return skip('too-large', `${sniffed.encoding} text over ${MAX_DECODED_BYTES} bytes`);
        const whole = this.#readWhole(fd, head, size);
        this.#add(result, job, detectFragment(whole, job.rel, sniffed));
        result.files++;
        result.bytes += whole.length;
        return whole.length;
      }
      const total = this.#scanUtf8(fd, head, size, job, result);
      result.files++;
      result.bytes += total;
      return total;
    } catch (error) {
      const code = codeOf(error);
      return code === 'EISDIR' ? skip('not-a-file') : skip('unreadable', code);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * A raw-byte prefilter streams through the file; only a file where a key prefix shows up is
   * searched, whole when it fits one window, else window by window (so size never makes a key
   * unreadable).
   */
  #scanUtf8(fd: number, head: Buffer, size: number, job: FileJob, result: BatchResult): number {
    const chunk = this.#chunk;
    let length = head.length;
    let candidate = mayContainKey(head);
    let total = length;
    while (!candidate && total < size) {
      chunk.copy(chunk, 0, length, length + CARRY); // the last CARRY bytes of the previous chunk
      length = readAt(fd, chunk, CARRY, Math.min(this.#chunkSize, size - total), total);
      if (length === 0) break; // shrank meanwhile
      total += length;
      candidate = mayContainKey(chunk.subarray(0, CARRY + length));
    }
    if (!candidate) return total;
    if (size > this.#windowSize) return detectInWindows(fd, size, this.#windowSize, job, result);
    const whole = total === size && total === head.length ? head : this.#readWhole(fd, head, size);
    this.#add(result, job, detectFragment(whole, job.rel, { encoding: 'utf8', bom: 0 }));
    return whole.length;
  }

  /** A binary is skipped as text, but searched for UTF-16 key runs (as ripgrep finds them). */
  #scanBinary(
    fd: number,
    head: Buffer,
    size: number,
    job: FileJob,
    result: BatchResult,
    skip: (reason: SkippedFile['reason'], detail?: string) => number,
  ): number {
    const chunk = this.#chunk;
    let length = head.length;
    let total = length;
    let candidate = mayContainUtf16Key(head);
    while (!candidate && total < size) {
      chunk.copy(chunk, 0, length, length + CARRY); // the last CARRY bytes of the previous chunk
      length = readAt(fd, chunk, CARRY, Math.min(this.#chunkSize, size - total), total);
      if (length === 0) break;
      total += length;
      candidate = mayContainUtf16Key(chunk.subarray(0, CARRY + length));
    }
    if (candidate && size <= MAX_DECODED_BYTES) {
      const found = detectFragment(this.#readWhole(fd, head, size), job.rel, null);
      this.#add(result, job, found);
      if (found.hits.length > 0) return skip('binary', 'searched for UTF-16 keys only');
    }
    return skip('binary');
  }

  #readWhole(fd: number, head: Buffer, size: number): Buffer {
    if (head.length === size) return head;
    if (this.#whole.length < size) this.#whole = Buffer.allocUnsafe(Math.max(size, this.#whole.length * 2));
    return this.#whole.subarray(0, readAt(fd, this.#whole, 0, size, 0));
  }

  #add(result: BatchResult, job: FileJob, found: RawDetection): void {
    result.placeholders += found.placeholders;
    if (found.hits.length > 0) result.hits.push({ file: job.rel, source: job.source, hits: found.hits });
  }
}

/**
 * Searches a large file in windows that overlap by more than the longest key: each key belongs to
 * the one window it starts in (away from that window's edges), and lines and columns carry over
 * from window to window.
 */
function detectInWindows(
  fd: number,
  size: number,
  window: number,
  job: FileJob,
  result: BatchResult,
): number {
  const buffer = Buffer.allocUnsafe(window + 2 * WINDOW_OVERLAP);
  let lines = 0; // newlines before `from`
  let column = 0; // UTF-16 units between the last newline before `from` and `from`
  let from = 0;
  for (let own = 0; own < size; own += window) {
    const length = readAt(fd, buffer, 0, Math.min(size, own + window + WINDOW_OVERLAP) - from, from);
    const view = buffer.subarray(0, length);
    const found = detectRaw(view, { path: job.rel });
    const hits = found.hits
      .filter((hit) => from + hit.offset >= own && from + hit.offset < own + window)
      .map((hit) => ({
        ...hit,
        offset: from + hit.offset,
        line: lines + hit.line,
        column: hit.line === 1 ? column + hit.column : hit.column,
      }));
    result.placeholders += found.placeholders;
    if (hits.length > 0) result.hits.push({ file: job.rel, source: job.source, hits });
    const next = Math.max(0, own + window - WINDOW_OVERLAP);
    const consumed = view.subarray(0, Math.max(0, next - from));
    const lastNewline = consumed.lastIndexOf(10);
    for (let at = consumed.indexOf(10); at !== -1; at = consumed.indexOf(10, at + 1)) lines++;
    column =
      lastNewline === -1
        ? column + utf16Width(consumed, 0, consumed.length)
        : utf16Width(consumed, lastNewline + 1, consumed.length);
    from = next;
  }
  return size;
}

/**
 * Reads up to `length` bytes at file `position` into `buffer` at `offset`, looping over short
 * reads; returns fewer only at end of file (a file that shrank while being read).
 */
export function readAt(fd: number, buffer: Buffer, offset: number, length: number, position: number): number {
  let total = 0;
  while (total < length) {
    const n = readSync(fd, buffer, offset + total, length - total, position + total);
    if (n === 0) break;
    total += n;
  }
  return total;
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
