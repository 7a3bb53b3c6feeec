import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.001 });
});
after(async () => {
  await emulator.close();
});

describe('ask', () => {
  test('prints the answer; GOOGLE_GEMINI_BASE_URL is honoured', async () => {
    const r = await run(['ask', 'Hello', 'world'], {
      GEMINI_API_KEY: workingMagicKey(),
      GOOGLE_GEMINI_BASE_URL: emulator.url,
    });
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /You said: "Hello world"/);
  });

  test('GOOGLE_API_KEY wins over GEMINI_API_KEY (the @google/genai order)', async () => {
    const r = await run(['ask', 'hi', '--base-url', emulator.url], {
      GOOGLE_API_KEY: fakeStandardKey(),
      GEMINI_API_KEY: workingMagicKey(),
    });
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /\[key_invalid\]/);
  });

  test('--key-env and --key-stdin', async () => {
    const env = await run(['ask', 'hi', '--base-url', emulator.url, '--key-env', 'MY_KEY'], {
      MY_KEY: workingMagicKey('standard'),
      GEMINI_API_KEY: fakeAuthKey(),
    });
    assert.equal(env.exitCode, 0, env.stderr);
    const stdin = await run(
      ['ask', 'hi', '--base-url', emulator.url, '--key-stdin'],
      { GEMINI_API_KEY: fakeAuthKey() },
      { readStdin: async () => `${workingMagicKey()}\n` },
    );
    assert.equal(stdin.exitCode, 0, stdin.stderr);
  });

  test('a failure prints the classified cause and its fix, exit 1, and never the key', async () => {
    const key = magicKeyFor('service_disabled')!;
    const r = await run(['ask', 'hi', '--base-url', emulator.url], { GEMINI_API_KEY: key });
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /\[service_disabled\]/);
    assert.match(r.stderr, /^ {2}1\. /m);
    assert.ok(!(r.stdout + r.stderr).includes(key));
  });

  test('--json: ok:false with cause, fix[] and masked evidence', async () => {
    const canary = fakeAuthKey();
    const r = await run(['ask', 'hi', '--json', '--base-url', emulator.url], { GEMINI_API_KEY: canary });
    assert.equal(r.exitCode, 1);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      cause: string;
      fix: string[];
      evidence: { maskedKey: string };
    };
    assert.equal(out.ok, false);
    assert.equal(out.cause, 'key_invalid');
    assert.ok(out.fix.length > 0);
    assert.ok(!r.stdout.includes(canary));
    assert.match(out.evidence.maskedKey, /^AQ\.…/);
  });

  test('--json success', async () => {
    const r = await run(['ask', 'hi', '--json', '--base-url', emulator.url], {
      GEMINI_API_KEY: workingMagicKey(),
    });
    const out = JSON.parse(r.stdout) as { ok: boolean; text: string; model: string };
    assert.deepEqual([out.ok, out.model], [true, 'gemini-2.5-flash']);
  });

  test('no key anywhere: key_missing, exit 1', async () => {
    const r = await run(['ask', 'hi', '--base-url', emulator.url], {});
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /\[key_missing\]/);
  });

  test('a base URL that is not Google (nor this machine) is pointed out', async () => {
    // No key, so nothing is sent: the warning comes before any request.
    const r = await run(['ask', 'hi'], { GOOGLE_GEMINI_BASE_URL: 'http://gemini-proxy.invalid' });
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /GOOGLE_GEMINI_BASE_URL sends this key to gemini-proxy\.invalid, not to Google/);
  });

  test('usage errors exit 2', async () => {
    for (const args of [
      ['ask'],
      ['ask', 'x', '--timeout', 'soon'],
      ['ask', 'x', '--base-url', 'ftp://x'],
      ['ask', 'x', '--base-url', 'http://['],
    ]) {
      const r = await run(args, { GEMINI_API_KEY: workingMagicKey() });
      assert.equal(r.exitCode, 2, args.join(' '));
    }
  });
});
