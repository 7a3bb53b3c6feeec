// Helpers shared by the benchmarks (scripts/bench.sh skips files starting with `_`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI's path; exits 2 with one line when there is no build. */
export function requireBuild(benchName) {
  const bin = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
  if (!existsSync(bin)) {
    console.error(`bench/${benchName}: dist/cli/bin.js is missing; run npm run build first`);
    process.exit(2);
  }
  return bin;
}

/** The median: robust to the odd slow run on a shared machine. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A deterministic xorshift generator, so a generated corpus is the same on every machine. */
export function seededRandom(seed) {
  let state = seed;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  /** `n` characters of the key alphabet ([A-Za-z0-9_-]). */
  const keyTail = (n) => Array.from({ length: n }, () => KEY_ALPHABET[Math.floor(rand() * 64)]).join('');
  return { rand, keyTail };
}
