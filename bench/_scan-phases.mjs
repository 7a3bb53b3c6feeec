// Not a benchmark (bench/_* are helpers): run by bench/scan.mjs in a fresh process, so that each
// phase is timed as the CLI runs it: cold (its code not yet compiled), the files in the page cache.
// Times listing the files (the walk, or `git ls-files` started from Node), reading every byte once
// through one 128 KiB buffer (the floor of any scan), and the scan's own reader over the same files
// (prefilter, decoding, detection of the files that hold a key). Prints the times as JSON.
//   node bench/_scan-phases.mjs DIR directory|git
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

const [dir, mode] = process.argv.slice(2);
const { FileScanner } = await import('../dist/scan/read-files.js');

let started = performance.now();
let paths;
if (mode === 'git') {
  const { listWorkTreeFiles } = await import('../dist/io/git-files.js');
  paths = (await listWorkTreeFiles(dir, [])).map((name) => join(dir, name.toString('utf8')));
} else {
  const { walkTree } = await import('../dist/io/walk-tree.js');
  paths = walkTree(dir, dir).files.map((file) => file.abs);
}
const listingMs = performance.now() - started;

started = performance.now();
const buffer = Buffer.allocUnsafe(128 * 1024);
for (const path of paths) {
  const fd = openSync(path, 'r');
  while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  closeSync(fd);
}
const readsMs = performance.now() - started;

started = performance.now();
const jobs = paths.map((abs) => ({ rel: abs.slice(dir.length + 1), abs, source: 'worktree' }));
const found = new FileScanner(10 * 1024 * 1024).scan(jobs);
const scanMs = performance.now() - started;

process.stdout.write(
  JSON.stringify({ files: paths.length, hits: found.hits.length, listingMs, readsMs, scanMs }),
);
