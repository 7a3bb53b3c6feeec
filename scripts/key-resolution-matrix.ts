/**
 * Prints the key-resolution conformance matrix (issue 9): each real client, at each version, with
 * the key passed in code or not, with .env loaded by the app, by `node --env-file`, or not at all,
 * under each env setup — the key the doctor claims the app sends vs the key the emulator received.
 *
 *   npx tsx scripts/key-resolution-matrix.ts [--markdown] [--write]
 *
 * `--write` updates the committed summary (test/fixtures/conformance/key-resolution.md) that the
 * README shows; the conformance test fails when it no longer matches the real clients.
 */
import { writeFile } from 'node:fs/promises';
import { startEmulator } from '../src/emulator/server.js';
import {
  MATRIX_SUMMARY_PATH,
  runMatrix,
  summaryMarkdown,
} from '../test/conformance/key-resolution-matrix.js';

const emulator = await startEmulator({ retryDelaySeconds: 0.01 });
try {
  const cells = await runMatrix(emulator);
  const markdown = process.argv.includes('--markdown');
  if (markdown) {
    console.log('| client | key in code | .env loaded by | setup | doctor claims | client sent |');
    console.log('|---|---|---|---|---|---|');
  }
  for (const c of cells) {
    if (markdown)
      console.log(
        `| ${c.client} | ${c.code} | ${c.loader} | ${c.setup} | ${c.claimed} | ${c.sent}${c.agree ? '' : ' ✗'} |`,
      );
    else
      console.log(
        `${c.agree ? 'agree   ' : 'DISAGREE'} ${c.client.padEnd(30)} ${c.code.padEnd(24)} ${c.loader.padEnd(16)} ${c.setup.padEnd(34)} claims ${c.claimed.padEnd(6)} sent ${c.sent}`,
      );
  }
  if (process.argv.includes('--write')) await writeFile(MATRIX_SUMMARY_PATH, summaryMarkdown(cells));
  const disagreements = cells.filter((c) => !c.agree).length;
  console.log(
    `\n${cells.length} cells, ${disagreements} disagreements (A, B: two working keys; stale: a rejected one; none: no request or no key)`,
  );
  process.exitCode = disagreements === 0 ? 0 : 1;
} finally {
  await emulator.close();
}
