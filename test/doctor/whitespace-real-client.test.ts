import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { generateText } from 'ai';
import { workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';

/**
 * Why blanks at the ends of a key are a warning (key_whitespace's catalog severity), not a failure:
 * @ai-sdk/google passes the value on untrimmed, yet the request goes through fetch, which trims
 * header values, so the real client still authenticates. A blank inside the key breaks it.
 */
describe('a key with blanks, sent by a real client that does not trim it (@ai-sdk/google)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(() => emulator.close());

  const ask = (apiKey: string) =>
    generateText({
      model: createGoogleGenerativeAI({ apiKey, baseURL: `${emulator.url}/v1beta` })('gemini-2.5-flash'),
      prompt: 'hi',
      maxRetries: 0,
    });

  for (const [name, value] of [
    ['a trailing newline', `${workingMagicKey('auth')}\n`],
    ['a trailing carriage return', `${workingMagicKey('auth')}\r`],
    ['a leading space', ` ${workingMagicKey('auth')}`],
  ] as const) {
    test(`${name}: the request still authenticates`, async () => {
      const answer = await ask(value);
      assert.ok(answer.text.length > 0);
    });
  }

  test('a space inside the key: refused', async () => {
    const key = workingMagicKey('auth');
    await assert.rejects(ask(`${key.slice(0, 20)} ${key.slice(20)}`));
  });
});
