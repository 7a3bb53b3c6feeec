import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { detectKeys } from '../../src/core/key-detect/detect.js';
import { probeKey } from '../../src/doctor/probe-key.js';
import { MAGIC_KEYS } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/types.js';
import { fakeStandardKey } from '../support/fake-keys.js';
import { leakAuthKey, leakStandardKey, TempRepo } from './_repo.js';

describe('scan --verify against the emulator', () => {
  const live = leakAuthKey();
  const leaked = leakStandardKey();
  const repo = new TempRepo();
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ keys: { [live]: 'ok', [leaked]: 'key_leaked' } });
    repo.write('a.ts', `const GEMINI_API_KEY = "${live}";\nconst OTHER = "${live}";\n`);
    repo.write('b.py', `API_KEY = "${leaked}"\n`);
    repo.write('c.ts', `const T = "${fakeStandardKey()}";\n`);
  });
  after(async () => {
    await emulator.close();
    repo.remove();
  });

  it('probes each distinct real key once and attaches live / rejected with the cause', async () => {
    const result = await scan({ cwd: repo.dir, verify: { probe: probeKey, baseUrl: emulator.url } });
    const byFile = (file: string) => result.findings.filter((f) => f.file === file);
    assert.deepEqual(
      byFile('a.ts').map((f) => f.verification?.verdict),
      ['live', 'live'],
    );
    assert.equal(byFile('b.py')[0]?.verification?.verdict, 'rejected');
    assert.equal(byFile('b.py')[0]?.verification?.cause, 'key_leaked');
    assert.equal(byFile('c.ts')[0]?.verification, undefined, 'test keys are never sent');
    assert.equal(emulator.requests.length, 2);
  });

  it('takes the base URL from GOOGLE_GEMINI_BASE_URL, says it sends keys, never prints them', async () => {
    emulator.reset();
    const out = await run(
      ['scan', '--verify', '--json'],
      { GOOGLE_GEMINI_BASE_URL: emulator.url },
      { cwd: repo.dir },
    );
    assert.equal(out.exitCode, 1);
    assert.match(out.stderr, /will be sent once/);
    const report = JSON.parse(out.stdout) as ScanResult;
    assert.ok(report.findings.some((f) => f.verification?.verdict === 'live'));
    for (const key of [live, leaked]) assert.ok(!(out.stdout + out.stderr).includes(key.slice(4, 30)));
    assert.equal(emulator.requests.length, 2);
  });
});

describe('scan --verify triages Firebase keys', () => {
  it('a Firebase key that cannot reach Gemini stops failing; one that can keeps failing', async () => {
    const blocked = leakStandardKey();
    const open = leakStandardKey();
    const emulator = await startEmulator({ keys: { [blocked]: 'service_disabled', [open]: 'ok' } });
    const repo = new TempRepo();
    try {
      const config = (key: string) =>
        `const firebaseConfig = { apiKey: "${key}", authDomain: "demo.firebaseapp.com" };\n`;
      repo.write('web/a.js', config(blocked));
      repo.write('web/b.js', config(open));
      const result = await scan({ cwd: repo.dir, verify: { probe: probeKey, baseUrl: emulator.url } });
      const byFile = Object.fromEntries(result.findings.map((f) => [f.file, f]));
      assert.equal(byFile['web/a.js']?.kind, 'firebase-key');
      assert.equal(byFile['web/a.js']?.verification?.cause, 'service_disabled');
      assert.equal(byFile['web/a.js']?.failing, false);
      assert.equal(byFile['web/b.js']?.verification?.verdict, 'live');
      assert.equal(byFile['web/b.js']?.failing, true);
    } finally {
      await emulator.close();
      repo.remove();
    }
  });
});

describe('test keys', () => {
  it('treats every emulator magic key as a documented test key', () => {
    for (const magic of MAGIC_KEYS) {
      const [hit] = detectKeys(`k = "${magic.key}"`);
      assert.equal(hit?.testKey, true, magic.key.slice(0, 20));
    }
  });
});
