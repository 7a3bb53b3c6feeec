import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SharedJobQueue } from '../../src/scan/job-queue.js';
import { type FileJob, FileScanner } from '../../src/scan/read-files.js';
import { leakStandardKey, TempRepo } from './_repo.js';

describe('SharedJobQueue', () => {
  it('hands out every index once, records who took it, and stops when closed', () => {
    const queue = new SharedJobQueue(5);
    // A second view over the same memory, as a worker thread gets it.
    const other = new SharedJobQueue(5, queue.memory);
    assert.deepEqual([queue.claim(1), other.claim(2), queue.claim(1), other.claim(2)], [0, 1, 2, 3]);
    assert.deepEqual(queue.claimedBy(2), [1, 3]);
    queue.close();
    assert.equal(other.claim(2), -1);
    assert.equal(queue.claim(1), -1);
    assert.deepEqual(other.claimedBy(1), [0, 2]);
  });

  it('counts finished files and their size for progress across views', () => {
    const queue = new SharedJobQueue(3);
    const other = new SharedJobQueue(3, queue.memory);
    queue.done(2048);
    other.done(1024);
    other.done(0);
    assert.deepEqual(queue.progress(), { files: 3, bytes: 3072 });
  });

  it('works for an empty job list', () => {
    const queue = new SharedJobQueue(0);
    assert.equal(queue.claim(1), -1);
    assert.deepEqual(queue.claimedBy(1), []);
  });
});

describe('FileScanner.scanQueue', () => {
  it('two scanners sharing a queue scan every file exactly once, and the claims tell whose was whose', () => {
    const dir = new TempRepo(false);
    try {
      const jobs: FileJob[] = [];
      for (let i = 0; i < 20; i++) {
        const rel = `f${i}.txt`;
        writeFileSync(join(dir.dir, rel), i % 4 === 0 ? `k = "${leakStandardKey()}"\n` : 'plain\n');
        jobs.push({ rel, abs: join(dir.dir, rel), source: 'worktree' });
      }
      const queue = new SharedJobQueue(jobs.length);
      const a = new FileScanner(1024);
      const b = new FileScanner(1024);
      const files: string[] = [];
      let exhausted = false;
      while (!exhausted) {
        const first = a.scanQueue(jobs, queue, 1, 3);
        const second = b.scanQueue(jobs, queue, 2, 2);
        for (const part of [first.result, second.result]) files.push(...part.hits.map((h) => h.file));
        exhausted = first.exhausted || second.exhausted;
      }
      // drain whatever the last round left
      files.push(...a.scanQueue(jobs, queue, 1).result.hits.map((h) => h.file));
      assert.deepEqual(files.sort(), ['f0.txt', 'f12.txt', 'f16.txt', 'f4.txt', 'f8.txt']);
      assert.equal(queue.claimedBy(1).length + queue.claimedBy(2).length, jobs.length);
      assert.deepEqual(queue.progress().files, jobs.length);
      // What owner 2 claimed can be redone from the list alone (the failed-worker path).
      const redo = queue.claimedBy(2).map((index) => jobs[index]?.rel);
      assert.ok(redo.length > 0 && redo.every((rel) => rel !== undefined));
    } finally {
      dir.remove();
    }
  });
});
