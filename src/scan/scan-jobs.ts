import { type BatchResult, type FileJob, FileScanner } from './read-files.js';

export interface ScanJobsOptions {
  maxFileSize: number;
  /** Worker threads; 0 or 1: scan in this thread. */
  workers?: number;
  onFile?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** Scans a list of files, in this thread (small trees) or across worker threads (large ones). */
export async function scanJobs(jobs: readonly FileJob[], options: ScanJobsOptions): Promise<BatchResult> {
  const scanner = new FileScanner(options.maxFileSize);
  const total: BatchResult = { hits: [], skipped: [], files: 0, bytes: 0, placeholders: 0 };
  // Slices keep the event loop breathing (progress, Ctrl-C) between batches.
  for (let start = 0; start < jobs.length; start += 512) {
    if (options.signal?.aborted) break;
    merge(total, scanner.scan(jobs.slice(start, start + 512), options.onFile));
    if (start + 512 < jobs.length) await new Promise((r) => setImmediate(r));
  }
  return total;
}

export function merge(into: BatchResult, part: BatchResult): void {
  into.hits.push(...part.hits);
  into.skipped.push(...part.skipped);
  into.files += part.files;
  into.bytes += part.bytes;
  into.placeholders += part.placeholders;
}
