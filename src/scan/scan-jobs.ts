import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type BatchResult, type FileJob, FileScanner } from './read-files.js';

export interface ScanJobsOptions {
  maxFileSize: number;
  /** Extra worker threads besides this one; default: see defaultWorkers. */
  workers?: number;
  /** Called with counts as files are done (files, bytes), for progress. */
  onProgress?: (files: number, bytes: number) => void;
  signal?: AbortSignal;
}

/** Below this many files a worker's start-up costs more than it saves. */
const WORKER_MIN_FILES = 400;
const BATCH = 48;
/** Batches a worker holds so it never waits for this thread between two. */
const PREFETCH = 3;

/**
 * Scans a list of files: this thread takes batches from a shared queue, and on a large list one
 * worker thread per further core takes batches too (dynamic, so uneven file sizes balance out).
 */
export async function scanJobs(jobs: readonly FileJob[], options: ScanJobsOptions): Promise<BatchResult> {
  const total: BatchResult = { hits: [], skipped: [], files: 0, bytes: 0, placeholders: 0 };
  const extra = options.workers ?? defaultWorkers(jobs.length);
  const scanner = new FileScanner(options.maxFileSize);
  let next = 0;
  /** Batches a failed worker held: done by this thread instead. */
  const requeued: FileJob[][] = [];
  const more = () => requeued.length > 0 || next < jobs.length;
  const take = () => {
    const again = requeued.pop();
    if (again) return again;
    const batch = jobs.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  const absorb = (part: BatchResult) => {
    merge(total, part);
    options.onProgress?.(part.files + part.skipped.length, part.bytes);
  };

  const workers = extra > 0 ? await startWorkers(extra, options.maxFileSize) : [];
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        const held: FileJob[][] = [];
        let failed = false;
        const feed = () => {
          while (!failed && held.length < PREFETCH && next < jobs.length && !options.signal?.aborted) {
            const batch = take();
            held.push(batch);
            worker.postMessage(batch);
          }
          if (held.length === 0) resolve();
        };
        worker.on('message', (part: BatchResult) => {
          held.shift();
          absorb(part);
          feed();
        });
        // A worker that cannot start or crashes hands its batches back; the scan goes on without it.
        worker.on('error', () => {
          failed = true;
          requeued.push(...held.splice(0));
          resolve();
        });
        feed();
      }),
  );
  // This thread works too, yielding between batches so workers' results and refills get through.
  const drain = async () => {
    while (more() && !options.signal?.aborted) {
      absorb(scanner.scan(take()));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await drain();
    await Promise.all(finished);
    await drain(); // whatever a failed worker handed back
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return total;
}

/**
 * Reading from the page cache is memory-bound: on 2 cores a worker measured at best ~4 % faster
 * and up to 50 % slower when the other core was busy (bench/scan.mjs), so workers start only
 * with 4 cores or more, one per further core, at most 3.
 */
function defaultWorkers(files: number): number {
  const cores = availableParallelism();
  if (files < WORKER_MIN_FILES || cores < 4) return 0;
  return Math.min(cores - 1, 3);
}

async function startWorkers(count: number, maxFileSize: number): Promise<Worker[]> {
  const { Worker } = await import('node:worker_threads'); // loaded only when workers are used
  const here = import.meta.url;
  let entry: URL;
  if (here.endsWith('.ts')) {
    // Running from source under tsx (tests): workers do not inherit its loader, so the worker
    // registers it before importing the TypeScript entry.
    const tsx = import.meta.resolve('tsx/esm/api');
    const worker = new URL('./scan-worker.ts', here).href;
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(worker)});`;
    entry = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  } else entry = new URL('./scan-worker.js', here);
  return Array.from({ length: count }, () => new Worker(entry, { workerData: { maxFileSize } }));
}

export function merge(into: BatchResult, part: BatchResult): void {
  into.hits.push(...part.hits);
  into.skipped.push(...part.skipped);
  into.files += part.files;
  into.bytes += part.bytes;
  into.placeholders += part.placeholders;
}
