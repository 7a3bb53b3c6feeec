import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectRaw } from '../../src/core/key-detect/detect.js';
import { isPlaceholderTail } from '../../src/core/key-detect/placeholder.js';
import { scan } from '../../src/scan/scan.js';
import { TempRepo } from './_repo.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * `count` random-looking key tails of `length` characters, the same on every run (a seeded
 * generator: a chance hit must not make the suite flaky). The measured rate over millions of truly
 * random keys is bench/placeholder-false-negatives.ts's job.
 */
function* randomTails(count: number, length: number, seed: string): Generator<string> {
  const bytes = seededBytes(count * length, seed);
  for (let k = 0; k < count; k++) {
    let tail = '';
    for (let i = 0; i < length; i++) tail += ALPHABET[(bytes[k * length + i] ?? 0) & 63];
    yield tail;
  }
}

/** `size` bytes from mulberry32 seeded by the string: deterministic, and as good as random for this. */
function seededBytes(size: number, seed: string): Uint8Array {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x9e3779b1) >>> 0, 0x811c9dc5);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return bytes;
}

/** Issue 10, item 9: key-shaped placeholders are ignored and counted, real random keys still found. */
describe('key-shaped placeholders', () => {
  const placeholders = [
    'AIzaSyYOUR_GEMINI_API_KEY_HERE_________',
    'AIzaSyA1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6Q',
    'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_EXAMPLE123',
    'AIzaSyAbcdefghijklmnopqrstuvwxyz0123456',
    'AQ.Ab8RN6YOUR_AUTH_KEY_HERE_0000000000000000000000000',
  ];

  it('are reported as ignored placeholders, not findings (exit 0)', async () => {
    const repo = new TempRepo(false);
    try {
      repo.write('README.md', placeholders.map((p) => `export GEMINI_API_KEY=${p}\n`).join(''));
      const result = await scan({ cwd: repo.dir });
      assert.equal(result.findings.length, 0, JSON.stringify(result.findings));
      assert.equal(result.summary.placeholdersIgnored, placeholders.length);
    } finally {
      repo.remove();
    }
  });

  it('keeps random keys: no false negative in 200 000 generated standard and auth keys', () => {
    let missed = 0;
    for (const tail of randomTails(100_000, 35, 'standard')) if (isPlaceholderTail(tail)) missed++;
    for (const tail of randomTails(100_000, 50, 'auth')) if (isPlaceholderTail(tail)) missed++;
    assert.equal(missed, 0);
    const [one] = randomTails(1, 33, 'one');
    assert.equal(detectRaw(`k = "AIzaSy${one}"`).hits.length, 1);
  });
});
