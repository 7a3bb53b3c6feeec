/**
 * How often the placeholder rule (src/core/key-detect/placeholder.ts) would hide a real key:
 * runs it over a million random standard tails (35) and a million auth tails (50).
 * Run: npx tsx bench/placeholder-false-negatives.ts [count]
 */
import { randomBytes } from 'node:crypto';
import { isPlaceholderTail } from '../src/core/key-detect/placeholder.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const count = Number(process.argv[2] ?? 1_000_000);
for (const length of [35, 50]) {
  let missed = 0;
  const examples: string[] = [];
  for (let done = 0; done < count; done += 10_000) {
    const bytes = randomBytes(10_000 * length);
    for (let k = 0; k < 10_000; k++) {
      let tail = '';
      for (let i = 0; i < length; i++) tail += ALPHABET[(bytes[k * length + i] ?? 0) & 63];
      if (isPlaceholderTail(tail)) {
        missed++;
        if (examples.length < 3) examples.push(process.env['SHOW'] ? tail : tail.replace(/^(.{6}).*/, '$1…'));
      }
    }
  }
  console.log(
    `tail ${length}: ${missed} of ${count} random keys taken for placeholders ${examples.join(' ')}`,
  );
}
