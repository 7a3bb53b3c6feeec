import type { CauseId } from '../../src/catalog/cause-id.js';
import { MAGIC_KEYS, type MagicKey } from '../../src/emulator/magic-keys.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { explain } from '../../src/explain/explain.js';
import { type ClientUnderTest, clientsFor } from './clients.js';

/**
 * Client × version × cause: each real client calls the emulator with each magic key that has a cause,
 * and the error the client throws goes through `explain()` as a user would paste it. The verdict is
 * `named` (explain's cause is the key's), `listed` (among the alternatives, where the client dropped
 * Google's body or Google sends the same body for several causes), or `missed`.
 */
export type Verdict = 'named' | 'listed' | 'missed';

export interface MatrixCell {
  client: string;
  version: string;
  scenario: string;
  expected: CauseId;
  explained: CauseId;
  verdict: Verdict;
  /** Why `listed` is acceptable here: the client dropped the body, or the body is shared. */
  why?: string;
}

/**
 * Scenarios whose body Google sends for other causes too (reference/auth-keys-2026.md §3): naming the
 * cause needs what only the doctor knows (the key's restrictions, how it travelled), so `listed` passes.
 */
export const SHARED_BODY: Readonly<Partial<Record<string, string>>> = {
  standard_key_rejected: 'same body as key_invalid (400 API_KEY_INVALID)',
  standard_key_unrestricted: 'same 401 as a rejected key; only the key restrictions tell',
  key_sent_as_bearer: 'same 401 as a rejected key; the body does not say how the key travelled',
  auth_key_service_account: 'no public payload; Google\'s usual "service account … disabled" wording',
};

/**
 * The magic keys the matrix runs: every key with a cause whose answer is a status and a body, plus a
 * reset connection. The other faults (a hang, a cut-off 200, a 10 MiB 502 page) test the clients'
 * timeouts and size limits, which depend on the machine's load; test/emulator/robustness.test.ts has them.
 */
export function matrixKeys(): MagicKey[] {
  return MAGIC_KEYS.filter(
    (k) =>
      (k.cause !== null && k.http >= 400 && k.scenario !== 'huge_body') || k.scenario === 'connection_reset',
  );
}

export async function cellFor(
  client: ClientUnderTest,
  magic: MagicKey,
  emulator: RunningEmulator,
): Promise<MatrixCell> {
  // sequences (`server_overloaded,ok`) keep their position per key: each client starts from the top
  emulator.reset();
  let thrown: unknown;
  try {
    await client.generate(magic.key);
  } catch (error) {
    thrown = error;
  }
  const expected = magic.cause as CauseId;
  const result = explain(thrown ?? 'no error was thrown');
  const base = { client: client.client, version: client.version, scenario: magic.scenario, expected };
  if (result.cause === expected) return { ...base, explained: result.cause, verdict: 'named' };
  const listed = result.alternatives.includes(expected);
  const why = result.missingBody
    ? `${result.missingBody.surface ?? 'the client'} dropped the body`
    : SHARED_BODY[magic.scenario];
  if (listed && why !== undefined) return { ...base, explained: result.cause, verdict: 'listed', why };
  return { ...base, explained: result.cause, verdict: 'missed' };
}

export async function runMatrix(emulator: RunningEmulator): Promise<MatrixCell[]> {
  const cells: MatrixCell[] = [];
  // the reset connection goes last: a pooled socket it killed must not fail the next key's request
  const keys = [...matrixKeys()].sort(
    (a, b) => Number(a.scenario === 'connection_reset') - Number(b.scenario === 'connection_reset'),
  );
  const clients = clientsFor(emulator.url);
  for (const magic of keys) for (const client of clients) cells.push(await cellFor(client, magic, emulator));
  return cells;
}

/** Where the matrix is kept; the README's `conformance` section is this file. */
export const MATRIX_FILE = new URL('../fixtures/conformance/matrix.md', import.meta.url);

export function columns(all: readonly MatrixCell[]): string[] {
  return [...new Set(all.map((c) => `${c.client} ${c.version}`))];
}

export function mark(cell: MatrixCell | undefined): string {
  if (cell === undefined) return '';
  return cell.verdict === 'named' ? '✓' : cell.verdict === 'listed' ? '~' : `✗ ${cell.explained}`;
}

export function matrixSummary(all: readonly MatrixCell[]): string {
  const n = (v: Verdict) => all.filter((c) => c.verdict === v).length;
  return `${all.length} cells: ${n('named')} named, ${n('listed')} listed among the alternatives, ${n('missed')} disagreements`;
}

export function matrixMarkdown(all: readonly MatrixCell[]): string {
  const cols = columns(all);
  const head = `| cause (magic key) | ${cols.join(' | ')} |\n|---|${cols.map(() => '---').join('|')}|`;
  const rows = [...new Set(all.map((c) => c.scenario))].map((scenario) => {
    const marks = cols.map((col) =>
      mark(all.find((c) => c.scenario === scenario && `${c.client} ${c.version}` === col)),
    );
    return `| \`${scenario}\` | ${marks.join(' | ')} |`;
  });
  return `${head}\n${rows.join('\n')}\n\n✓ named · ~ listed among the alternatives (the client dropped Google's body, or Google sends the same body for several causes) · ✗ disagreement. ${matrixSummary(all)}.\n`;
}
