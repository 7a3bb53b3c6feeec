/**
 * `npm run fuzz`: property-based fuzzing (fast-check) of the parts that read untrusted text:
 * explain(), the .env parser, the key lint, the key detector and the masking. Each target runs for
 * a bounded time (FUZZ_SECONDS, default 20 s each) on random, hostile and key-bearing input, and
 * must: never throw, never hang (a time limit per run), never print a planted key (no 12-character
 * run of it in any output), and keep its output within OUTPUT_FACTOR × the input + OUTPUT_SLACK.
 * The script runs with a 256 MiB heap (see package.json), so unbounded memory fails it.
 */
import fc from 'fast-check';
import { parseEnvFile } from '../src/core/dotenv/parse-env-file.js';
import { detectKeys, detectRaw } from '../src/core/key-detect/detect.js';
import { maskKeysInText } from '../src/core/key-material.js';
import { lintKey } from '../src/core/lint/lint-key.js';
import type { KeyCandidate } from '../src/core/project-snapshot.js';
import { SecretKey } from '../src/core/secret-key.js';
import { explain } from '../src/explain/explain.js';

const SECONDS = Number(process.env['FUZZ_SECONDS'] ?? 20);
/** Output size bound: a result may be this many times its input, plus this many characters. */
const OUTPUT_FACTOR = 4;
const OUTPUT_SLACK = 64 * 1024;
const LEAK_RUN = 12;

const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const keyChar = fc.constantFrom(...KEY_CHARS);
/** Random keys, real-looking (no FAKE marker): the outputs must not carry them. */
const plantedKey = fc.oneof(
  fc.array(keyChar, { minLength: 33, maxLength: 33 }).map((t) => `AIzaSy${t.join('')}`),
  fc.array(keyChar, { minLength: 50, maxLength: 50 }).map((t) => `AQ.${t.join('')}`),
);
/** How a key may be dressed in the text around it (issue 10, item 1). */
const dress = fc.constantFrom<(key: string) => string>(
  (k) => k,
  (k) => `${k[0]}\u200b${k.slice(1)}`,
  (k) => `${k.slice(0, 18)}\t${k.slice(18)}`,
  (k) => `${k.slice(0, 10)}\x1b[31m${k.slice(10)}\x1b[0m`,
  (k) => `\u0410${k.slice(1)}`,
  (k) => `%${k.charCodeAt(0).toString(16)}${k.slice(1)}`,
  (k) => `&#${k.charCodeAt(0)};${k.slice(1)}`,
  (k) => `\\u00${k.charCodeAt(0).toString(16)}${k.slice(1)}`,
  (k) => encodeURIComponent(k),
  (k) => JSON.stringify(k),
);
const noise = fc.oneof(
  // Now and then a long run (up to ~400 KB) of odd characters: memory must stay bounded.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1000, max: 50_000 }))
      .map(([s, n]) => s.repeat(n)),
  },
  { weight: 20, arbitrary: fc.string({ maxLength: 400 }) },
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      'API key not valid. Please pass a valid API key.',
      '{"error":{"code":400,"message":"API key expired. Please renew the API key.","status":"INVALID_ARGUMENT"}}',
      'GEMINI_API_KEY=',
      'export GOOGLE_API_KEY="',
      '\r\n',
      '\u0000\u0000',
    ),
  },
);
/** A text with a planted key somewhere in hostile noise. */
const textWithKey = fc
  .tuple(fc.array(noise, { maxLength: 6 }), plantedKey, dress, fc.nat())
  .map(([parts, key, disguise, at]) => {
    const pieces = [...parts];
    pieces.splice(at % (pieces.length + 1), 0, disguise(key));
    return { key, text: pieces.join(' ') };
  });

function leaked(output: string, key: string): string | undefined {
  for (let i = 0; i + LEAK_RUN <= key.length; i++) {
    if (output.includes(key.slice(i, i + LEAK_RUN))) return key.slice(i, i + LEAK_RUN);
  }
  return undefined;
}

function check(name: string, input: string, output: string, key: string): void {
  const run = leaked(output, key);
  if (run !== undefined) throw new Error(`${name}: a run of the planted key reached the output`);
  if (output.length > input.length * OUTPUT_FACTOR + OUTPUT_SLACK) {
    throw new Error(`${name}: ${output.length} characters out for ${input.length} in`);
  }
}

type Planted = { key: string; text: string };
const targets: Array<[string, (input: Planted) => void]> = [
  ['explain', ({ key, text }) => check('explain', text, JSON.stringify(explain(text)), key)],
  [
    '.env parser',
    ({ key, text }) => {
      const parsed = parseEnvFile(Buffer.from(`GEMINI_API_KEY=${text}\n`, 'utf8'));
      // The parse holds values and names by design (the lint prints only known variable names and
      // masked values): here it must not throw, and its size stays bounded by the input's.
      const size = JSON.stringify(parsed.assignments).length + JSON.stringify(parsed.divergentNames).length;
      check('.env parser', text, `${parsed.encoding} ${parsed.crlf}`, key);
      check('.env parser', text, ' '.repeat(Math.max(0, size - 4 * 1024)), key);
    },
  ],
  [
    'key lint',
    ({ key, text }) => {
      const candidate = {
        key: new SecretKey(text),
        sources: ['env:GEMINI_API_KEY'],
        usedBy: ['@google/genai'],
      };
      check('key lint', text, JSON.stringify(lintKey(candidate as unknown as KeyCandidate)), key);
    },
  ],
  [
    'detector',
    ({ key, text }) => {
      detectRaw(Buffer.from(text, 'utf8'));
      check('detector', text, JSON.stringify(detectKeys(text)), key);
    },
  ],
  ['masking', ({ key, text }) => check('masking', text, maskKeysInText(text), key)],
];

let failed = 0;
for (const [name, property] of targets) {
  const started = performance.now();
  let runs = 0;
  const counted = fc.property(textWithKey, (input) => {
    runs++;
    property(input);
  });
  const result = fc.check(counted, {
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: SECONDS * 1000,
    markInterruptAsFailure: false,
    timeout: 2000,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  if (result.failed) {
    failed++;
    console.log(`✗ ${name}: failed after ${runs} runs (${seconds} s): ${result.errorInstance}`);
    console.log(`  counterexample: ${JSON.stringify(result.counterexample).slice(0, 400)}`);
  } else
    console.log(
      `✓ ${name}: ${runs} runs in ${seconds} s, no throw, hang, leak or oversized output (RSS ${rss} MiB)`,
    );
}
process.exitCode = failed > 0 ? 1 : 0;
