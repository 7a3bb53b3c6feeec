import { parentPort, workerData } from 'node:worker_threads';
import { type FileJob, FileScanner } from './read-files.js';

/** Worker thread: scans the batches of files the main thread sends, one result per batch. */
const scanner = new FileScanner((workerData as { maxFileSize: number }).maxFileSize);
parentPort?.on('message', (jobs: FileJob[]) => {
  parentPort?.postMessage(scanner.scan(jobs));
});
