import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { createClient } from '../../src/client/client.js';
import { SecretKey } from '../../src/core/secret-key.js';
import { workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { fakeStandardKey } from '../support/fake-keys.js';

/** Secrets written into a base URL (userinfo, `?key=`) are neither printed nor sent in a URL. */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator.close();
});

describe('ask and the client with a secret-carrying base URL', () => {
  test('the request goes out without userinfo or query, and nothing prints them', async () => {
    const keyInUrl = fakeStandardKey();
    const withSecrets = emulator.url.replace('http://', 'http://bob:s3cret-pw@');
    for (const env of [
      { GOOGLE_GEMINI_BASE_URL: `${withSecrets}/?key=${keyInUrl}` },
      { GOOGLE_GEMINI_BASE_URL: `${emulator.url}?key=${keyInUrl}#x` },
    ]) {
      for (const json of [[], ['--json']]) {
        await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
        const r = await run(['ask', 'hi', ...json], { GEMINI_API_KEY: workingMagicKey(), ...env });
        const output = r.stdout + r.stderr;
        assert.equal(r.exitCode, 0, output);
        for (const secret of ['s3cret-pw', keyInUrl.slice(4)]) assert.ok(!output.includes(secret), output);
        for (const logged of emulator.requests) assert.doesNotMatch(logged.path, /key=/);
      }
    }
  });

  test('a failure names the host without the password', async () => {
    const r = await run(['ask', 'hi', '--json', '--timeout', '2000'], {
      GEMINI_API_KEY: fakeStandardKey(),
      GOOGLE_GEMINI_BASE_URL: 'http://bob:s3cret-pw@127.0.0.1:9/',
    });
    assert.equal(r.exitCode, 1);
    assert.equal(JSON.parse(r.stdout).cause, 'network_connect');
    assert.ok(!r.stdout.includes('s3cret-pw'), r.stdout);
  });

  test("createClient's baseUrl is the cleaned one", () => {
    const client = createClient({
      key: new SecretKey(fakeStandardKey()),
      baseUrl: 'https://u:p@example.test/prefix/?key=x',
    });
    assert.equal(client.baseUrl, 'https://example.test/prefix/');
  });
});

describe('a key pasted into the base URL host name (lower-cased by URL parsing)', () => {
  test('doctor and ask hide it in every format', async () => {
    const key = fakeStandardKey();
    const env = {
      GEMINI_API_KEY: key,
      GOOGLE_GEMINI_BASE_URL: `http://${key}.invalid/`,
      HOME: '/nonexistent',
    };
    const tail = key.slice(8, 30).toLowerCase();
    // An empty folder: the doctor reads no project here (this checkout's would cost a second a run).
    const cwd = mkdtempSync(join(tmpdir(), 'gkd-host-'));
    try {
      for (const argv of [
        ['--json', '--timeout', '3000'],
        ['--verbose', '--timeout', '3000'],
        ['--html', '--timeout', '3000'],
        ['ask', 'hi', '--json', '--timeout', '3000'],
        ['ask', 'hi', '--timeout', '3000'],
      ]) {
        const r = await run(argv, env, { cwd });
        assert.notEqual(r.exitCode, 2, r.stderr);
        assert.ok(!(r.stdout + r.stderr).toLowerCase().includes(tail), `${argv.join(' ')} printed the key`);
      }
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
