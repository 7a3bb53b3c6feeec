import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { type Cell, MATRIX_SUMMARY_PATH, runMatrix, summaryMarkdown } from './key-resolution-matrix.js';

/**
 * Issue 9, "client × env setup → key sent vs claimed": the real clients (two @google/genai majors,
 * the legacy SDK, @ai-sdk/google, LangChain 2.3 and 2.2) run as small apps against the emulator,
 * which records the key each one sent; the doctor reads the same apps as it reads any project.
 * `npx tsx scripts/key-resolution-matrix.ts` prints the whole matrix.
 */
let emulator: RunningEmulator;
let cells: Cell[] = [];
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.01 });
  cells = await runMatrix(emulator);
});
after(async () => {
  await emulator.close();
});

const cell = (client: string, code: string, loader: string, setup: string) =>
  cells.find((c) => c.client === client && c.code === code && c.loader === loader && c.setup === setup);

test('every cell ran, and the key each real client sent is the key the doctor claims', () => {
  assert.ok(cells.length >= 140, `only ${cells.length} cells`);
  const notRun = cells.filter((c) => c.sent === 'no run');
  assert.deepEqual(notRun, []);
  const disagreements = cells.filter((c) => !c.agree);
  assert.deepEqual(disagreements, []);
});

test('the cells that tell versions and loaders apart are there (and not all "none")', () => {
  // LangChain reads GEMINI_API_KEY from 2.3.0 on, not in 2.2.0.
  assert.equal(cell('@langchain/google-genai 2.3.2', 'default', 'none', 'env: GEMINI_API_KEY')?.sent, 'A');
  assert.equal(cell('@langchain/google-genai 2.2.0', 'default', 'none', 'env: GEMINI_API_KEY')?.sent, 'none');
  // fetch trims: a padded value reaches Google as the key.
  assert.equal(cell('@ai-sdk/google 3.0.141', 'default', 'none', 'env: padded values')?.sent, 'A');
  // No override: the stale shell value beats .env for dotenv and --env-file alike.
  assert.equal(
    cell('@google/genai 2.32.0', 'explicit GEMINI_API_KEY', 'dotenv', '.env + stale env')?.sent,
    'stale',
  );
  assert.equal(
    cell('@google/genai 2.32.0', 'explicit GEMINI_API_KEY', 'node --env-file', '.env only')?.sent,
    'A',
  );
  // @google/genai with no key falls back to default credentials: no unkeyed request is sent.
  assert.equal(cell('@google/genai 2.32.0', 'default', 'none', 'nothing set')?.sent, 'none');
  // The legacy SDK sends the string "undefined" when the variable is unset.
  assert.equal(
    cell('@google/generative-ai 0.24.1', 'explicit GEMINI_API_KEY', 'none', 'nothing set')?.sent,
    '"undefined"',
  );
});

test('the committed summary the README shows is what the real clients do now', () => {
  assert.equal(
    readFileSync(MATRIX_SUMMARY_PATH, 'utf8'),
    summaryMarkdown(cells),
    'run npx tsx scripts/key-resolution-matrix.ts --write, then npm run readme',
  );
});
