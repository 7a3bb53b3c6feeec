import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

/** Bad option values: one line on stderr, exit 2, no request sent, and never a key echoed. */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-options-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectUsageError(argv: string[], pattern: RegExp, env: Record<string, string> = {}) {
  const r = await run(argv, { HOME: dir, NO_COLOR: '1', ...env }, { cwd: dir });
  assert.equal(r.exitCode, 2, `${argv.join(' ')} → ${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '', argv.join(' '));
  assert.match(r.stderr, pattern, argv.join(' '));
  assert.equal(r.stderr.split('\n').filter(Boolean).length, 2, r.stderr);
  return r;
}

describe('bad option values', () => {
  for (const command of [['doctor'], ['ask', 'hi']]) {
    test(`${command[0]} --timeout: zero, negative, huge or not a plain integer`, async () => {
      for (const value of ['0', '-5', '99999999999', 'abc', '1e3', '0x10', '10.5', '']) {
        await expectUsageError([...command, '--timeout', value], /--timeout must be an integer from 1/);
      }
    });

    test(`${command[0]} --model: spaces, slashes, or a pasted key`, async () => {
      for (const value of ['a b', '../../v1/models', 'gemini?x=1', 'models/', 'x/y']) {
        await expectUsageError([...command, '--model', value], /--model: .* is not a model id/);
      }
      for (const key of [fakeStandardKey(), fakeAuthKey(), `models/${fakeStandardKey()}`]) {
        const r = await expectUsageError([...command, '--model', key], /looks like an API key/);
        assert.ok(!r.stderr.includes(key.slice(-20, -4)), r.stderr);
      }
    });

    test(`${command[0]} --base-url: garbage, other schemes, credentials`, async () => {
      await expectUsageError([...command, '--base-url', 'garbage'], /is not a URL/);
      await expectUsageError([...command, '--base-url', 'file:///etc/passwd'], /must be http\(s\)/);
      await expectUsageError([...command, '--base-url', 'ftp://example.com'], /must be http\(s\)/);
      const key = fakeStandardKey();
      const r = await expectUsageError(
        [...command, '--base-url', `https://u:pw@example.com/?key=${key}`],
        /must not carry credentials/,
      );
      assert.ok(!r.stderr.includes(key.slice(4)), r.stderr);
    });
  }

  test('a bare word is an unknown command with a suggestion, and a pasted key is masked', async () => {
    await expectUsageError(['expain', 'x'], /unknown command 'expain' — did you mean 'explain'\?/);
    await expectUsageError(['frobnicate'], /unknown command 'frobnicate' \(commands: doctor, explain/);
    const key = fakeAuthKey();
    const r = await expectUsageError([key], /unknown command 'AQ\.…/);
    assert.ok(!r.stderr.includes(key.slice(3, 30)), r.stderr);
  });

  test('--key-env naming an Object.prototype member is simply not set', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      await expectUsageError(['--offline', '--key-env', name], /--key-env: .* is not set/);
      const r = await run(['ask', 'hi', '--key-env', name], { HOME: dir }, { cwd: dir });
      assert.equal(r.exitCode, 1, r.stderr);
      assert.match(r.stderr, /\[key_missing\]/);
    }
  });

  test('a model id with the models/ prefix is fine', async () => {
    const r = await run(
      ['--offline', '--model', 'models/gemini-2.5-flash', '--json'],
      { HOME: dir },
      { cwd: dir },
    );
    assert.notEqual(r.exitCode, 2, r.stderr);
  });
});
