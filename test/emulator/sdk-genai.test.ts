import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError, GoogleGenAI } from '@google/genai';
import { MAGIC_KEYS, magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { EXPECTED_ERRORS } from './expected-errors.js';

/**
 * Conformance: the unmodified @google/genai (2.32.0) against the emulator, as an app would use it.
 * Success paths return the SDK's own types; each magic key's failure reaches the caller as the
 * ApiError a real user sees (status, and the body's JSON in `message`).
 */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.01 });
});
after(async () => {
  await emulator.close();
});

const client = (apiKey: string, extra: Record<string, unknown> = {}) =>
  new GoogleGenAI({ apiKey, httpOptions: { baseUrl: emulator.url, ...extra } });

describe('@google/genai: success', () => {
  for (const shape of ['auth', 'standard'] as const) {
    test(`generateContent with a working ${shape} key`, async () => {
      const response = await client(workingMagicKey(shape)).models.generateContent({
        model: 'gemini-2.5-flash',
        contents: 'Hello there',
      });
      assert.match(response.text ?? '', /Hello there/);
      assert.equal(response.candidates?.[0]?.finishReason, 'STOP');
      assert.equal(response.modelVersion, 'gemini-2.5-flash');
      assert.ok((response.usageMetadata?.totalTokenCount ?? 0) > 0);
      assert.ok(response.responseId);
    });
  }

  test('the same request gets the same answer (deterministic)', async () => {
    const ai = client(workingMagicKey());
    const a = await ai.models.generateContent({ model: 'gemini-3.8-flash', contents: 'same' });
    const b = await ai.models.generateContent({ model: 'gemini-3.8-flash', contents: 'same' });
    assert.equal(a.text, b.text);
    assert.equal(a.responseId, b.responseId);
  });

  test('generateContentStream (alt=sse) yields chunks that add up to the reply', async () => {
    const ai = client(workingMagicKey());
    const whole = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'stream me' });
    let text = '';
    let chunks = 0;
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'stream me',
    })) {
      text += chunk.text ?? '';
      chunks++;
    }
    assert.ok(chunks > 1);
    assert.equal(text, whole.text);
  });

  test('countTokens', async () => {
    const result = await client(workingMagicKey()).models.countTokens({
      model: 'gemini-2.5-flash',
      contents: 'count these tokens please',
    });
    assert.ok((result.totalTokens ?? 0) > 0);
  });

  test('embedContent', async () => {
    const result = await client(workingMagicKey()).models.embedContent({
      model: 'gemini-embedding-001',
      contents: 'embed me',
      config: { outputDimensionality: 8 },
    });
    assert.equal(result.embeddings?.[0]?.values?.length, 8);
  });

  test('models.list pages through every model (pageSize 3)', async () => {
    const pager = await client(workingMagicKey()).models.list({ config: { pageSize: 3 } });
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? '');
    assert.ok(names.includes('models/gemini-2.5-flash'));
    assert.ok(names.length > 3);
    assert.equal(new Set(names).size, names.length);
  });

  test('models.get returns metadata with supported actions and token limits', async () => {
    const model = await client(workingMagicKey()).models.get({ model: 'gemini-2.5-pro' });
    assert.equal(model.name, 'models/gemini-2.5-pro');
    assert.ok(model.supportedActions?.includes('generateContent'));
    assert.ok((model.inputTokenLimit ?? 0) > 0);
  });

  test('GOOGLE_GEMINI_BASE_URL alone points an unmodified client at the emulator', async () => {
    const saved = process.env['GOOGLE_GEMINI_BASE_URL'];
    process.env['GOOGLE_GEMINI_BASE_URL'] = emulator.url;
    try {
      const ai = new GoogleGenAI({ apiKey: workingMagicKey() });
      const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'env' });
      assert.match(response.text ?? '', /emulator/);
    } finally {
      if (saved === undefined) delete process.env['GOOGLE_GEMINI_BASE_URL'];
      else process.env['GOOGLE_GEMINI_BASE_URL'] = saved;
    }
  });

  test('the SDK retry option rides over the "429 twice, then OK" key', async () => {
    const fresh = await startEmulator({ retryDelaySeconds: 0.01 });
    try {
      const ai = new GoogleGenAI({
        apiKey: MAGIC_KEYS.find((k) => k.scenario === 'quota_exhausted*2,ok')!.key,
        httpOptions: {
          baseUrl: fresh.url,
          retryOptions: { attempts: 3, initialDelay: 0.01, maxDelay: 0.02 },
        },
      });
      const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'retry' });
      assert.match(response.text ?? '', /retry/);
      assert.deepEqual(
        fresh.requests.map((r) => r.status),
        [429, 429, 200],
      );
    } finally {
      await fresh.close();
    }
  });
});

describe('@google/genai: each magic key fails as Google fails', () => {
  const httpFailures = MAGIC_KEYS.filter(
    (k) => k.cause !== null && EXPECTED_ERRORS[k.scenario] !== undefined,
  );
  for (const magic of httpFailures) {
    const expected = EXPECTED_ERRORS[magic.scenario]!;
    test(`${magic.scenario}: ApiError ${magic.http}${expected.reason ? ` ${expected.reason}` : ''}`, async () => {
      const fresh = await startEmulator({ retryDelaySeconds: 0.01 });
      try {
        const ai = new GoogleGenAI({ apiKey: magic.key, httpOptions: { baseUrl: fresh.url } });
        const error = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
        assert.equal(error.status, magic.http);
        const body = JSON.parse(error.message) as {
          error: { code: number; message: string; status: string; details?: { reason?: string }[] };
        };
        assert.equal(body.error.code, magic.http);
        assert.equal(body.error.status, expected.status);
        assert.match(body.error.message, expected.message);
        const reason = body.error.details?.find((d) => typeof d.reason === 'string')?.reason;
        assert.equal(reason, expected.reason);
        assert.ok(!error.message.includes(magic.key), 'the key is echoed in the error');
      } finally {
        await fresh.close();
      }
    });
  }

  test('a well-formed key that is not magic gets API_KEY_INVALID', async () => {
    const ai = client('AIzaSyNOT-A-MAGIC-KEY-0000000000000000000'.slice(0, 39));
    const error = await ai.models.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.match(error.message, /API_KEY_INVALID/);
  });

  test('streaming with a failing key throws before any chunk', async () => {
    const ai = client(magicKeyFor('quota_exhausted')!);
    await assert.rejects(
      async () => {
        for await (const _ of await ai.models.generateContentStream({
          model: 'gemini-2.5-flash',
          contents: 'x',
        })) {
          assert.fail('no chunk expected');
        }
      },
      (e: unknown) => e instanceof ApiError && e.status === 429 && /RetryInfo/.test(e.message),
    );
  });

  test('an unknown model is the real 404 text', async () => {
    const error = await client(workingMagicKey())
      .models.generateContent({ model: 'gemini-pro', contents: 'x' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.match(
      error.message,
      /models\/gemini-pro is not found for API version v1beta, or is not supported for generateContent\. Call ListModels/,
    );
  });

  test('the proxy HTML 502 reaches the SDK as its synthesized non-JSON error', async () => {
    const error = await client(magicKeyFor('proxy_html_502')!)
      .models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 502);
    const body = JSON.parse(error.message) as { error: { message: string; code: number; status: string } };
    assert.match(body.error.message, /<h1>502 Bad Gateway<\/h1>/);
    assert.equal(body.error.status, 'Bad Gateway');
  });

  test('connection reset surfaces as a fetch failure, not an ApiError', async () => {
    const error = await client(magicKeyFor('connection_reset')!)
      .models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof Error && !(error instanceof ApiError), String(error));
  });

  test('a hang is ended by the SDK timeout', async () => {
    const error = await client(magicKeyFor('hang')!, { timeout: 200 })
      .models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof Error && !(error instanceof ApiError), String(error));
  });
});

describe('@google/genai with vertexai: true and an API key (express mode)', () => {
  test('an AI Studio auth key sent to Vertex is blocked for aiplatform.googleapis.com', async () => {
    const saved = process.env['GOOGLE_VERTEX_BASE_URL'];
    process.env['GOOGLE_VERTEX_BASE_URL'] = emulator.url;
    try {
      const ai = new GoogleGenAI({ vertexai: true, apiKey: workingMagicKey('auth') });
      const error = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.status, 403);
      assert.match(error.message, /API_KEY_SERVICE_BLOCKED/);
      assert.match(error.message, /aiplatform\.googleapis\.com/);
    } finally {
      if (saved === undefined) delete process.env['GOOGLE_VERTEX_BASE_URL'];
      else process.env['GOOGLE_VERTEX_BASE_URL'] = saved;
    }
  });
});
