import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { MAGIC_KEYS, magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';

/**
 * Conformance: the unmodified openai package (6.x) against the emulator's OpenAI-compatible layer
 * (`/v1beta/openai/`), configured the way Google's docs say (apiKey + baseURL). Retries are off so
 * each test sees the first answer.
 */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.01 });
});
after(async () => {
  await emulator.close();
});

const client = (apiKey: string, extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ apiKey, baseURL: `${emulator.url}/v1beta/openai/`, maxRetries: 0, ...extra });

describe('openai: success', () => {
  test('chat.completions.create', async () => {
    const completion = await client(workingMagicKey('auth')).chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Explain to me how AI works' },
      ],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
    assert.match(completion.choices[0]?.message.content ?? '', /Explain to me how AI works/);
    assert.ok((completion.usage?.total_tokens ?? 0) > 0);
  });

  test('chat.completions.create with stream: true', async () => {
    const stream = await client(workingMagicKey('standard')).chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
    });
    let text = '';
    let last: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      last = chunk.choices[0]?.finish_reason;
    }
    assert.match(text, /stream please/);
    assert.equal(last, 'stop');
  });

  test('models.list and models.retrieve', async () => {
    const ai = client(workingMagicKey());
    const ids: string[] = [];
    for await (const model of ai.models.list()) ids.push(model.id);
    assert.ok(ids.includes('models/gemini-2.5-flash'));
    const one = await ai.models.retrieve('models/gemini-2.5-flash');
    assert.equal(one.owned_by, 'google');
  });
});

describe('openai: failures as Google sends them on this layer', () => {
  test('each failing magic key gives the right status and error class', async () => {
    const failing = MAGIC_KEYS.filter((k) => k.cause !== null && k.http >= 400 && !k.scenario.includes(','));
    for (const magic of failing) {
      const fresh = await startEmulator({ retryDelaySeconds: 0.01 });
      try {
        const ai = new OpenAI({ apiKey: magic.key, baseURL: `${fresh.url}/v1beta/openai/`, maxRetries: 0 });
        const error = await ai.chat.completions
          .create({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        assert.ok(error instanceof OpenAI.APIError, `${magic.scenario}: ${String(error)}`);
        assert.equal(error.status, magic.http, magic.scenario);
        assert.ok(!String(error.message).includes(magic.key));
      } finally {
        await fresh.close();
      }
    }
  });

  test('error bodies are a JSON array, so openai-node shows only the status (what users report)', async () => {
    const error = await client(magicKeyFor('key_invalid')!)
      .chat.completions.create({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof OpenAI.BadRequestError);
    assert.equal(error.message, '400 status code (no body)');
  });

  test('Bearer plus x-goog-api-key is the real "Multiple authentication credentials" 400', async () => {
    const ai = client(workingMagicKey('auth'), {
      defaultHeaders: { 'x-goog-api-key': workingMagicKey('auth') },
    });
    const error = await ai.models.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof OpenAI.BadRequestError);
    const raw = await fetch(`${emulator.url}/v1beta/openai/models`, {
      headers: {
        authorization: `Bearer ${workingMagicKey('auth')}`,
        'x-goog-api-key': workingMagicKey('auth'),
      },
    });
    assert.deepEqual(await raw.json(), [
      {
        error: {
          code: 400,
          message: 'Multiple authentication credentials received. Please pass only one.',
          status: 'INVALID_ARGUMENT',
        },
      },
    ]);
  });

  test('the openai client pointed at the native URL sends the key as Bearer: the real 401', async () => {
    const ai = new OpenAI({ apiKey: workingMagicKey(), baseURL: `${emulator.url}/v1beta/`, maxRetries: 0 });
    const error = await ai.models.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof OpenAI.AuthenticationError, String(error));
    assert.match(error.message, /Expected OAuth 2 access token/);
  });
});
