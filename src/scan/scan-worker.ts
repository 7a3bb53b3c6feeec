import { parentPort, workerData } from 'node:worker_threads';
import { SharedJobQueue, type SharedJobQueueMemory } from './job-queue.js';
import { type FileJob, FileScanner } from './read-files.js';

/** What a scan worker is sent: the whole job list and the queue it shares with the other threads. */
export interface ScanWorkerTask {
  jobs: readonly FileJob[];
  queue: SharedJobQueueMemory;
  owner: number;
}

/** Worker thread: claims jobs from the shared queue until none is left, then sends its result. */
const scanner = new FileScanner((workerData as { maxFileSize: number }).maxFileSize);
// `on`, not `once`: the open port keeps this thread alive until the main thread has the result and ends it.
parentPort?.on('message', (task: ScanWorkerTask) => {
  const queue = new SharedJobQueue(task.jobs.length, task.queue);
  parentPort?.postMessage(scanner.scanQueue(task.jobs, queue, task.owner).result);
});
