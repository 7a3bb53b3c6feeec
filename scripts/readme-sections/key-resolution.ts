import { readFileSync } from 'node:fs';

/**
 * README section `key-resolution` (inside `emulator`): the client × env setup → key sent vs claimed
 * matrix, as committed in test/fixtures/conformance/key-resolution.md by
 * `npx tsx scripts/key-resolution-matrix.ts --write`; its test fails when that file no longer
 * matches what the real clients send.
 */
export default function keyResolutionSection(): string {
  const summary = readFileSync(
    new URL('../../test/fixtures/conformance/key-resolution.md', import.meta.url),
    'utf8',
  );
  return [
    'Which key does each client really send? Each real client runs as a small app (the key passed in code',
    'or left to the client; `.env` loaded by the app, by `node --env-file`, or not at all; nine env setups:',
    'one variable, the other, both, an empty one, padded values, `.env` only, `.env` under a stale shell',
    'value, nothing) against the emulator, which records the key it received; the doctor reads the same',
    'app as it reads any project and claims a key. `npm test` runs it;',
    '`npx tsx scripts/key-resolution-matrix.ts` prints every cell.',
    '',
    summary.trim(),
  ].join('\n');
}
