import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { MAGIC_KEYS } from '../../src/emulator/magic-keys.js';
import { startEmulator } from '../../src/emulator/server.js';

/**
 * Every emulator magic key, put in GEMINI_API_KEY, diagnosed by the whole CLI (run()) against a
 * fresh emulator (sequences start from their first step): the doctor names the key's cause, or
 * passes every probe for the keys that work. The key itself never appears in any output.
 *
 * Some causes get byte-identical answers from the emulator, as from Google (a 401
 * ACCESS_TOKEN_TYPE_UNSUPPORTED for an unrestricted standard key and for a key sent as Bearer; a
 * 400 API_KEY_INVALID for a deleted key and for a retired standard key). No client can tell those
 * apart from the answer, so there the doctor must name the cause either as its verdict or among
 * the alternatives it reports (evidence.alternatives, shown as "could also be").
 */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-magic-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface JsonFinding {
  check: string;
  status: string;
  cause: string | null;
  evidence: { alternatives?: string[] };
}

/** Causes whose answer Google (and so the emulator) shares with another cause: named or among the alternatives. */
const SHARED_ANSWER: ReadonlySet<string> = new Set([
  'standard_key_rejected',
  'standard_key_unrestricted',
  'key_sent_as_bearer',
]);

describe('every emulator magic key → the doctor names its cause', () => {
  for (const magic of MAGIC_KEYS) {
    test(`${magic.key.slice(0, 24)}… → ${magic.cause ?? 'works'}`, async () => {
      const emulator = await startEmulator({ port: 0 });
      try {
        const args = ['--json', '--generate', '--base-url', emulator.url, '--cwd', dir, '--timeout', '1500'];
        const r = await run(args, { HOME: dir, GEMINI_API_KEY: magic.key });
        assert.ok(!r.stdout.includes(magic.key) && !r.stderr.includes(magic.key), 'key printed');
        const report = JSON.parse(r.stdout) as { ok: boolean; findings: JsonFinding[] };
        const probes = report.findings.filter((f) => f.check.startsWith('probe.'));
        assert.ok(probes.length > 0, 'the doctor ran no probe');
        if (magic.cause === null) {
          assert.ok(
            probes.every((f) => f.status === 'pass'),
            JSON.stringify(probes),
          );
          assert.equal(r.exitCode, 0, r.stdout);
        } else {
          const named = probes.map((f) => f.cause);
          const considered = probes.flatMap((f) => [f.cause, ...(f.evidence.alternatives ?? [])]);
          if (SHARED_ANSWER.has(magic.cause))
            assert.ok(considered.includes(magic.cause), `named ${named.join(', ')}`);
          else assert.ok(named.includes(magic.cause), `named ${named.join(', ')}`);
        }
      } finally {
        await emulator.close();
      }
    });
  }
});
