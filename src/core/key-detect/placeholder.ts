/**
 * Key-shaped placeholders found in real setup docs and templates (`AIzaSyYOUR_GEMINI_API_KEY_HERE___`,
 * `AIzaSyA1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6Q`, `AIzaSyXXXXXXXX…`): reported as ignored placeholders,
 * not as leaks. Each rule is one a random key almost never meets; test/scan/placeholder.test.ts
 * measures the false negatives on generated keys (0 in a million, see README "Limits").
 */

/** Fewer distinct characters than this in the tail: `AIzaSyXXXX…`. */
const MIN_DISTINCT = 8;
/** One character this many times in a row: `________`, `XXXXXX`. Random: ~3e-8 per key. */
const SAME_RUN = 6;
/** Successive characters (`abcdef`, `123456`) this long, or interleaved (`A1B2C3D4…`). */
const SEQUENCE_RUN = 6;
const INTERLEAVED_RUN = 8;
/**
 * Words of templates, as templates write them (all upper, all lower or capitalised, not any mix:
 * a case-blind `your_` is in ~1 random key in a million, an exact one in ~1 in ten million).
 */
const WORDS = [
  'your_',
  '_here',
  'example',
  'placeholder',
  'replace_me',
  'replaceme',
  'insert_',
  'changeme',
  'change_me',
  'dummy_',
  'sample_',
  'fake_key',
  'api_key_',
];
/**
 * A word shorter than this stands apart in a template (`YOUR_KEY`, `KEY_HERE_`): it begins the tail
 * or follows a separator at its open end. Unbounded, `_HERE` alone hid ~1 random key in 4 million.
 */
const BOUNDED_BELOW = 7;
const WORDS_PATTERN = new RegExp(
  WORDS.flatMap((word) =>
    [word, word.toUpperCase(), word.replace(/[a-z]/, (c) => c.toUpperCase())].map((form) => {
      if (word.length >= BOUNDED_BELOW) return form;
      if (word.startsWith('_')) return `${form}(?![A-Za-z0-9])`;
      return `(?<![A-Za-z0-9])${form}`;
    }),
  ).join('|'),
);

export function isPlaceholderTail(tail: string): boolean {
  if (new Set(tail).size < MIN_DISTINCT) return true;
  if (WORDS_PATTERN.test(tail)) return true;
  return (
    longestRun(tail, 1, (a, b) => a === b) + 1 >= SAME_RUN ||
    longestRun(tail, 1, isSuccessor) + 1 >= SEQUENCE_RUN ||
    longestRun(tail, 2, isSuccessor) >= INTERLEAVED_RUN
  );
}

/** Longest stretch of positions i where related(tail[i], tail[i + step]) holds. */
function longestRun(tail: string, step: number, related: (a: number, b: number) => boolean): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i + step < tail.length; i++) {
    run = related(tail.charCodeAt(i), tail.charCodeAt(i + step)) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** b follows a in the alphabet or the digits (`9` → `0` wraps, as in `…I9J0K1…`). */
function isSuccessor(a: number, b: number): boolean {
  if (a === 0x39) return b === 0x30;
  if (b !== a + 1) return false;
  return (a >= 0x30 && a < 0x39) || (a >= 0x41 && a < 0x5a) || (a >= 0x61 && a < 0x7a);
}
