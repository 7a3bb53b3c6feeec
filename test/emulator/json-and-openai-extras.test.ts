import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { forcedFunctionCall, jsonModeText } from '../../src/emulator/json-mode.js';
import { workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator.close();
});

describe('JSON mode samples the schema', () => {
  test('JSON Schema with $ref, anyOf, enum, formats and bounds', () => {
    const schema = {
      type: 'object',
      properties: {
        when: { type: 'string', format: 'date-time' },
        kind: { enum: ['a', 'b'] },
        size: { type: 'integer', minimum: 3 },
        maybe: { anyOf: [{ type: 'null' }, { type: 'number', exclusiveMinimum: 0 }] },
        owner: { $ref: '#/$defs/person' },
      },
      $defs: { person: { type: 'object', properties: { name: { type: 'string', minLength: 20 } } } },
    };
    const value = JSON.parse(jsonModeText({ generationConfig: { responseJsonSchema: schema } })!);
    assert.equal(value.when, '2026-01-01T00:00:00Z');
    assert.equal(value.kind, 'a');
    assert.equal(value.size, 3);
    assert.equal(value.maybe, 1);
    assert.ok(value.owner.name.length >= 20);
  });

  test("OpenAPI's upper-case types (responseSchema), and plain JSON mode without a schema", () => {
    const schema = { type: 'OBJECT', properties: { n: { type: 'NUMBER' }, ok: { type: 'BOOLEAN' } } };
    assert.deepEqual(JSON.parse(jsonModeText({ generationConfig: { responseSchema: schema } })!), {
      n: 1,
      ok: true,
    });
    assert.doesNotThrow(() =>
      JSON.parse(jsonModeText({ generationConfig: { responseMimeType: 'application/json' } })!),
    );
    assert.equal(jsonModeText({ generationConfig: {} }), undefined);
  });

  test('a forced function call (toolConfig mode ANY) gets sampled arguments', () => {
    const call = forcedFunctionCall({
      tools: [
        {
          functionDeclarations: [
            { name: 'extract', parameters: { type: 'OBJECT', properties: { x: { type: 'STRING' } } } },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['extract'] } },
    });
    assert.deepEqual(call, { name: 'extract', args: { x: 'emulated x' } });
  });
});

describe('the OpenAI-compatible route', () => {
  const openai = () =>
    new OpenAI({ apiKey: workingMagicKey(), baseURL: `${emulator.url}/v1beta/openai/`, maxRetries: 0 });

  test('a stream with stream_options.include_usage ends with a usage chunk (empty choices)', async () => {
    const chunks = [];
    for await (const c of await openai().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'count me' }],
      stream: true,
      stream_options: { include_usage: true },
    }))
      chunks.push(c);
    const last = chunks.at(-1)!;
    assert.deepEqual(last.choices, []);
    assert.ok((last.usage?.total_tokens ?? 0) > 0);
    assert.equal(
      last.usage?.total_tokens,
      (last.usage?.prompt_tokens ?? 0) + (last.usage?.completion_tokens ?? 0),
    );
  });

  test('without include_usage no usage chunk comes', async () => {
    for await (const c of await openai().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    }))
      assert.equal(c.usage, undefined);
  });

  test('embeddings: a list in input order, floats or base64, and JSON errors for a wrong model', async () => {
    const res = await fetch(`${emulator.url}/v1beta/openai/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workingMagicKey()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gemini-embedding-001', input: ['a', 'b'], dimensions: 8 }),
    });
    const body = (await res.json()) as {
      data: Array<{ index: number; embedding: number[] }>;
      object: string;
    };
    assert.equal(body.object, 'list');
    assert.deepEqual(
      body.data.map((d) => [d.index, d.embedding.length]),
      [
        [0, 8],
        [1, 8],
      ],
    );
    const viaClient = await openai().embeddings.create({
      model: 'gemini-embedding-001',
      input: 'a',
      dimensions: 8,
    });
    assert.deepEqual(
      viaClient.data[0]?.embedding.map((v) => Math.round(v * 1e4)),
      body.data[0]?.embedding.map((v) => Math.round(v * 1e4)),
    );
    const wrong = await fetch(`${emulator.url}/v1beta/openai/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workingMagicKey()}` },
      body: JSON.stringify({ model: 'no-such-model', input: 'a' }),
    });
    assert.equal(wrong.status, 404);
    assert.match(wrong.headers.get('content-type') ?? '', /json/);
  });

  test('response_format json_object gives JSON content', async () => {
    const r = await openai().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'x' }],
      response_format: { type: 'json_object' },
    });
    assert.doesNotThrow(() => JSON.parse(r.choices[0]?.message.content ?? ''));
  });
});

test('the legacy countTokens body ({"generateContentRequest": …}) is counted, not answered 1', async () => {
  const text = 'a'.repeat(400);
  const res = await fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:countTokens`, {
    method: 'POST',
    headers: { 'x-goog-api-key': workingMagicKey() },
    body: JSON.stringify({
      generateContentRequest: {
        model: 'models/gemini-2.5-flash',
        contents: [{ role: 'user', parts: [{ text }] }],
      },
    }),
  });
  assert.equal(((await res.json()) as { totalTokens: number }).totalTokens, 100);
});
