// The client × version × cause matrix: every real client (dev dependency) against the emulator, each
// magic key's thrown error through explain(). Exit 1 on any disagreement.
// Usage: npx tsx scripts/conformance-matrix.ts [--markdown | --write]
// --write refreshes test/fixtures/conformance/matrix.md (the README's `conformance` section; the conformance test
// fails when it no longer matches what the clients do).
import { writeFile } from 'node:fs/promises';
import { startEmulator } from '../src/emulator/server.js';
import {
  columns,
  MATRIX_FILE,
  type MatrixCell,
  mark,
  matrixMarkdown,
  matrixSummary,
  runMatrix,
} from '../test/conformance/client-cause-matrix.js';

const markdown = process.argv.includes('--markdown') || process.argv.includes('--write');
const emulator = await startEmulator({ retryDelaySeconds: 0.01 });
let cells: MatrixCell[];
try {
  cells = await runMatrix(emulator);
} finally {
  await emulator.close();
}
if (process.argv.includes('--write')) await writeFile(MATRIX_FILE, matrixMarkdown(cells));
process.stdout.write(markdown ? matrixMarkdown(cells) : renderText(cells));
process.exitCode = cells.some((c) => c.verdict === 'missed') ? 1 : 0;

function renderText(all: MatrixCell[]): string {
  const cols = columns(all);
  const lines = [`cause \\ client: ${cols.map((c, i) => `[${i + 1}] ${c}`).join('  ')}`];
  for (const scenario of [...new Set(all.map((c) => c.scenario))]) {
    const row = cols.map((col) =>
      mark(all.find((c) => c.scenario === scenario && `${c.client} ${c.version}` === col)),
    );
    lines.push(`${scenario.padEnd(32)} ${row.map((m) => m.padEnd(3)).join(' ')}`);
  }
  lines.push(matrixSummary(all), '');
  return lines.join('\n');
}
