import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { detectRaw } from '../../src/core/key-detect/detect.js';
import { FileScanner } from '../../src/scan/read-files.js';
import { leakAuthKey, leakStandardKey, randomKeyChars, TempRepo } from './_repo.js';

/** Issue 10, item 8: a file larger than a window is searched window by window, and nothing is lost. */
const WINDOW = 4096;
const dir = new TempRepo(false);
after(() => dir.remove());

describe('large files, window by window', () => {
  it('finds every key wherever windows split the file, with the lines and columns of a whole read', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40_000), fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (spots, oneLine) => {
          // A long text (one line, or many), keys planted at random offsets.
          let text = oneLine ? `${'ab c;'.repeat(9000)}é` : `${'ab c;\n'.repeat(7500)}€`;
          const sorted = [...spots].sort((a, b) => b[0] - a[0]);
          for (const [at, auth] of sorted) {
            const key = auth ? leakAuthKey() : leakStandardKey();
            const i = Math.min(at, text.length);
            text = `${text.slice(0, i)} ${key} ${text.slice(i)}`;
          }
          const rel = `big${n++}.txt`;
          writeFileSync(join(dir.dir, rel), text);
          const scanner = new FileScanner(10 * 1024 * 1024, { chunkSize: 8000, windowSize: WINDOW });
          const result = scanner.scan([{ rel, abs: join(dir.dir, rel), source: 'worktree' }]);
          const expected = detectRaw(Buffer.from(text), { path: rel }).hits.map(
            ({ context: _, ...hit }) => hit,
          );
          const got = result.hits.flatMap((h) => h.hits).map(({ context: _, ...hit }) => hit);
          assert.deepEqual(got, expected);
          assert.equal(got.length, spots.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a key straddling every window edge in turn is found once', () => {
    for (let edge = WINDOW - 80; edge <= WINDOW + 2; edge += 7) {
      const key = leakStandardKey();
      const text = `${'y'.repeat(edge)} ${key} ${randomKeyChars(0)}${'z;'.repeat(5000)}`;
      const rel = `edge${edge}.txt`;
      writeFileSync(join(dir.dir, rel), text);
      const result = new FileScanner(1 << 24, { windowSize: WINDOW }).scan([
        { rel, abs: join(dir.dir, rel), source: 'worktree' },
      ]);
      assert.equal(result.hits.flatMap((h) => h.hits).length, 1, `edge ${edge}`);
    }
  });
});
