import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { detectRaw } from '../../src/core/key-detect/detect.js';
import { type FileJob, FileScanner, readAt } from '../../src/scan/read-files.js';
import { leakAuthKey, leakStandardKey, TempRepo } from './_repo.js';

/** The smallest chunk the reader accepts (it must hold the 8000-byte binary sniff). */
const CHUNK = 8000;
const MAX = 10 * 1024 * 1024;
const dir = new TempRepo(false);
after(() => dir.remove());

let counter = 0;
function fileWith(content: string | Buffer): FileJob {
  const rel = `f${counter++}.txt`;
  writeFileSync(join(dir.dir, rel), content);
  return { rel, abs: join(dir.dir, rel), source: 'worktree' };
}

const filler = (length: number) => 'x = 1;\n'.repeat(Math.ceil(length / 7)).slice(0, length);

describe('FileScanner (chunked reads through a small buffer)', () => {
  it('finds a key whose prefix is split by a chunk edge, with the line and column of a whole read', () => {
    for (const at of [CHUNK - 3, CHUNK - 2, CHUNK - 1, CHUNK, 2 * CHUNK - 2, 3 * CHUNK + 5]) {
      const key = leakStandardKey();
      const text = `${filler(at - 1)} ${key}\n${filler(5000)}`;
      const job = fileWith(text);
      const result = new FileScanner(MAX, { chunkSize: CHUNK }).scan([job]);
      assert.deepEqual(
        result.hits[0]?.hits,
        detectRaw(Buffer.from(text), { path: job.rel }).hits,
        `at ${at}`,
      );
      assert.equal(result.hits[0]?.hits[0]?.offset, at);
      assert.equal(result.bytes, text.length);
      assert.equal(result.files, 1);
    }
  });

  it('reads files of exactly one chunk, one byte more, and empty files', () => {
    const scanner = new FileScanner(MAX, { chunkSize: CHUNK });
    const key = leakAuthKey();
    for (const size of [0, CHUNK - 1, CHUNK, CHUNK + 1]) {
      const text = size === 0 ? '' : `${filler(size - key.length - 1)} ${key}`.slice(-size);
      const result = scanner.scan([fileWith(text)]);
      assert.equal(result.bytes, size);
      assert.equal(result.files, 1);
      assert.equal(result.hits.length, size === 0 ? 0 : 1, `size ${size}`);
    }
  });

  it('agrees with a whole-file read wherever keys and decoys sit (property)', () => {
    const scanner = new FileScanner(MAX, { chunkSize: CHUNK });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30_000 }),
            fc.constantFrom('standard', 'auth', 'short', 'embedded'),
          ),
          { maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 30_000 }),
        (plants, length) => {
          let text = filler(length);
          for (const [at, what] of plants) {
            const token =
              what === 'standard'
                ? leakStandardKey()
                : what === 'auth'
                  ? leakAuthKey()
                  : what === 'short'
                    ? leakStandardKey().slice(0, 30)
                    : `x${leakStandardKey()}`;
            const cut = Math.min(at, text.length);
            text = `${text.slice(0, cut)} ${token} ${text.slice(cut)}`;
          }
          const job = fileWith(text);
          const result = scanner.scan([job]);
          assert.deepEqual(
            result.hits.flatMap((h) => h.hits),
            detectRaw(Buffer.from(text), { path: job.rel }).hits,
          );
          assert.equal(result.bytes, text.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sniffs only the first 8000 bytes for NUL, as git does', () => {
    const scanner = new FileScanner(MAX, { chunkSize: CHUNK });
    const key = leakStandardKey();
    const late = fileWith(
      Buffer.concat([Buffer.from(filler(9000)), Buffer.from([0]), Buffer.from(` ${key}\n`)]),
    );
    const early = fileWith(Buffer.concat([Buffer.from('ab'), Buffer.from([0]), Buffer.from(` ${key}\n`)]));
    const result = scanner.scan([late, early]);
    assert.equal(result.hits.length, 1);
    assert.equal(result.hits[0]?.file, late.rel);
    assert.deepEqual(result.skipped, [{ file: early.rel, reason: 'binary', source: 'worktree' }]);
  });

  it('applies a size limit smaller than the chunk, exactly at the limit', () => {
    const scanner = new FileScanner(100, { chunkSize: CHUNK });
    const atLimit = fileWith(filler(100));
    const over = fileWith(filler(101));
    const result = scanner.scan([atLimit, over]);
    assert.equal(result.files, 1);
    assert.deepEqual(result.skipped, [
      { file: over.rel, reason: 'too-large', source: 'worktree', detail: '101 bytes' },
    ]);
  });

  it('skips a file over the limit found after the first chunk without reading it', () => {
    const result = new FileScanner(3 * CHUNK, { chunkSize: CHUNK }).scan([fileWith(filler(3 * CHUNK + 1))]);
    assert.equal(result.skipped[0]?.reason, 'too-large');
    assert.equal(result.bytes, 0);
  });

  it('reports a folder as not a file, and a missing file as unreadable, without throwing', () => {
    mkdirSync(join(dir.dir, 'sub'));
    const folder: FileJob = { rel: 'sub', abs: join(dir.dir, 'sub'), source: 'worktree' };
    const missing: FileJob = { rel: 'gone', abs: join(dir.dir, 'gone'), source: 'worktree' };
    const result = new FileScanner(MAX).scan([folder, missing]);
    assert.deepEqual(
      result.skipped.map((s) => [s.file, s.reason]),
      [
        ['sub', 'not-a-file'],
        ['gone', 'unreadable'],
      ],
    );
  });

  it('reuses its buffers across files of different sizes (no stale bytes leak into the next file)', () => {
    const scanner = new FileScanner(MAX, { chunkSize: CHUNK });
    const key = leakStandardKey();
    const big = fileWith(`${filler(5 * CHUNK)} ${key}\n`);
    const small = fileWith('short\n');
    const second = fileWith(`${filler(2 * CHUNK)}\n`);
    const result = scanner.scan([big, small, second, big]);
    assert.deepEqual(
      result.hits.map((h) => h.file),
      [big.rel, big.rel],
    );
  });
});

describe('readAt', () => {
  it('returns fewer bytes than asked when the file shrank after its size was taken', () => {
    const job = fileWith(filler(50_000));
    const fd = openSync(job.abs, 'r');
    try {
      truncateSync(job.abs, 20_000);
      const buffer = Buffer.alloc(60_000);
      assert.equal(readAt(fd, buffer, 0, 50_000, 0), 20_000);
      assert.equal(readAt(fd, buffer, 10, 50_000, 19_990), 10);
    } finally {
      closeSync(fd);
    }
  });
});
