import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { MATRIX_FILE, type MatrixCell, matrixMarkdown, runMatrix } from './client-cause-matrix.js';

/**
 * For every magic key that has a cause, each real client's thrown error goes through explain() and
 * must name that cause — or list it among the alternatives where the client dropped Google's body
 * (openai-node on the OpenAI-compatible route, the legacy SDK on a non-JSON body) or Google sends the
 * same body for several causes. The committed matrix (README `conformance` section) must be what the
 * clients do today.
 */
let emulator: RunningEmulator;
let cells: MatrixCell[] = [];
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.01 });
  cells = await runMatrix(emulator);
});
after(async () => {
  await emulator.close();
});

describe('client × version × cause', () => {
  test('covers seven client versions, every magic key with a cause', () => {
    assert.equal(new Set(cells.map((c) => `${c.client} ${c.version}`)).size, 7);
    assert.ok(new Set(cells.map((c) => c.scenario)).size >= 30);
  });

  test('every thrown error is explained as its cause (0 disagreements)', () => {
    const missed = cells.filter((c) => c.verdict === 'missed');
    assert.deepEqual(
      missed.map((c) => `${c.client} ${c.version} ${c.scenario}: ${c.explained}`),
      [],
    );
  });

  test('"listed" only where the body was dropped or is shared, never for a full native body of its own', () => {
    for (const c of cells.filter((x) => x.verdict === 'listed'))
      assert.ok(c.why, `${c.client} ${c.scenario}`);
    const google = cells.filter((c) => c.client === '@google/genai' && c.verdict === 'listed');
    for (const c of google) assert.doesNotMatch(c.why ?? '', /dropped/);
  });

  test('the committed matrix (README) is what the clients do now', () => {
    assert.equal(
      readFileSync(MATRIX_FILE, 'utf8'),
      matrixMarkdown(cells),
      'run npx tsx scripts/conformance-matrix.ts --write',
    );
  });
});
