import { readFileSync } from 'node:fs';

/**
 * README section `conformance` (inside `emulator`): the client × version × cause matrix, as committed in
 * test/fixtures/conformance/matrix.md by `npx tsx scripts/conformance-matrix.ts --write`; the conformance test
 * fails when that file no longer matches what the real clients do.
 */
export default function conformanceSection(): string {
  const matrix = readFileSync(new URL('../../test/fixtures/conformance/matrix.md', import.meta.url), 'utf8');
  return [
    'Every real client (dev dependencies, unmodified) against the emulator: for each magic key with a cause, the',
    'error the client throws goes through `explain()` (`npm test` runs it; `npx tsx scripts/conformance-matrix.ts`',
    'prints it). Each client also runs its happy path — generate, stream, countTokens, embed, JSON mode.',
    '',
    matrix.trim(),
  ].join('\n');
}
