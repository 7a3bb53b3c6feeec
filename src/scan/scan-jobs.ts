import type { Worker } from 'node:worker_threads';
import { SharedJobQueue } from './job-queue.js';
import { type BatchResult, emptyBatch, type FileJob, FileScanner } from './read-files.js';
import type { ScanWorkerTask } from './scan-worker.js';

export interface ScanJobsOptions {
  maxFileSize: number;
  /** Extra worker threads besides this one; default: see defaultWorkers. */
  workers?: number;
  /** Called with counts as files are done (files, bytes), for progress. */
  onProgress?: (files: number, bytes: number) => void;
  signal?: AbortSignal;
}

/** Below this many files a worker's start-up (~25 ms of a core) costs more than it saves. */
const WORKER_MIN_FILES = 400;
/** Files this thread scans between two turns of the event loop (abort signal, worker results). */
const YIELD_EVERY = 32;
/** This thread's owner id in the shared queue; workers are 2, 3… */
const MAIN = 1;

/**
 * Scans a list of files. This thread and, on a large list, worker threads claim files one by one
 * from a queue in shared memory: no per-batch messages, and a worker that starts late simply
 * takes fewer files. A worker that fails has its files redone here.
 */
export async function scanJobs(jobs: readonly FileJob[], options: ScanJobsOptions): Promise<BatchResult> {
  const total = emptyBatch();
  const extra = workerCount(jobs.length, options.workers);
  const scanner = new FileScanner(options.maxFileSize);
  const queue = new SharedJobQueue(jobs.length);
  let reported = { files: 0, bytes: 0 };
  const report = () => {
    if (!options.onProgress) return;
    const now = queue.progress();
    options.onProgress(now.files - reported.files, now.bytes - reported.bytes);
    reported = now;
  };

  const workers = extra > 0 ? await startWorkers(extra, options.maxFileSize) : [];
  const failed: number[] = [];
  const finished = workers.map(
    (worker, index) =>
      new Promise<void>((resolve) => {
        const owner = MAIN + 1 + index;
        let answered = false;
        worker.once('message', (part: BatchResult) => {
          answered = true;
          merge(total, part);
          resolve();
        });
        // A worker that cannot start or dies: its claimed files are redone by this thread.
        const lost = () => {
          if (answered) return;
          answered = true;
          failed.push(owner);
          resolve();
        };
        worker.once('error', lost);
        worker.once('exit', lost);
        const task: ScanWorkerTask = { jobs, queue: queue.memory, owner };
        worker.postMessage(task);
      }),
  );
  try {
    for (;;) {
      if (options.signal?.aborted) {
        queue.close();
        break;
      }
      const { result, exhausted } = scanner.scanQueue(jobs, queue, MAIN, YIELD_EVERY);
      merge(total, result);
      report();
      if (exhausted) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(finished);
    for (const owner of failed) {
      const redo = queue.claimedBy(owner).flatMap((index) => jobs[index] ?? []);
      merge(total, scanner.scan(redo));
    }
    report();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return total;
}

/**
 * Reading from the page cache is bound by syscalls and memory copies: on 2 cores a worker measured
 * no faster end to end (bench/scan.mjs: the two threads slow each other down as much as they share
 * the work), so workers start only with 4 cores or more, one per further core, at most 3.
 */
function defaultWorkers(files: number, cores: number): number {
  if (files < WORKER_MIN_FILES || cores < 4) return 0;
  return Math.min(cores - 1, 3);
}

/**
 * Extra threads for `files` files: never more than cores (each holds a read buffer and a V8
 * heap), nor than files. A small list needs no count of the cores (node:os, ~0.2 ms to load).
 */
function workerCount(files: number, asked: number | undefined): number {
  if ((asked === undefined && files < WORKER_MIN_FILES) || asked === 0) return 0;
  const cores = process.getBuiltinModule('node:os').availableParallelism();
  const cap = Math.min(cores - 1, Math.ceil(files / 2));
  return Math.max(0, Math.min(asked ?? defaultWorkers(files, cores), cap));
}

/** Inlined by the bundler (scripts/build.mjs); undefined when running from source or dist/. */
declare const __GKD_BUILD_ID__: string | undefined;

async function startWorkers(count: number, maxFileSize: number): Promise<Worker[]> {
  const { Worker } = await import('node:worker_threads'); // loaded only when workers are used
  const here = import.meta.url;
  let entry: URL;
  // The bundler inlines the build id, and drops this branch from the bundle.
  if (typeof __GKD_BUILD_ID__ !== 'string' && here.endsWith('.ts')) {
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
