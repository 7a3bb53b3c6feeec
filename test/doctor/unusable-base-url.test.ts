import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey } from '../support/fake-keys.js';

/**
 * GOOGLE_GEMINI_BASE_URL that fetch cannot use: the probes used to crash ("The check probe.… could
 * not run: TypeError: Invalid URL") or report "could not connect … says nothing about your key".
 */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-base-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an unusable base URL from the environment', () => {
  for (const value of ['garbage', 'file:///etc/passwd', 'ftp://example.com/', 'http://[::1']) {
    test(`${value}: the lint explains it, the probes are skipped, nothing crashes`, async () => {
      const r = await run(['--json', '--cwd', dir, '--timeout', '2000'], {
        HOME: dir,
        GEMINI_API_KEY: fakeAuthKey(),
        GOOGLE_GEMINI_BASE_URL: value,
      });
      assert.notEqual(r.exitCode, 2, r.stderr);
      const report = JSON.parse(r.stdout) as {
        findings: { check: string; status: string; cause: string | null; title: string }[];
      };
      assert.ok(report.findings.some((f) => f.cause === 'base_url_override'));
      const probes = report.findings.filter((f) => f.check.startsWith('probe.'));
      assert.deepEqual(
        probes.map((f) => f.status),
        ['skip'],
        JSON.stringify(probes),
      );
      assert.match(probes[0]!.title, /not an http\(s\) URL/);
      assert.ok(!report.findings.some((f) => /could not run|network_/.test(`${f.title} ${f.cause}`)));
    });
  }
});
