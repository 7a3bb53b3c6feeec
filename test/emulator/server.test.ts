import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { fingerprintOf } from '../../src/core/key-material.js';
import { magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { HUGE_BODY_BYTES } from '../../src/emulator/reply.js';
import { MAX_REQUEST_BYTES, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

/** The emulator over raw HTTP: Google's auth rules, routes, bad requests, scenarios and faults. */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator.close();
});

const OK = workingMagicKey('standard');
const GENERATE = '/v1beta/models/gemini-2.5-flash:generateContent';
const BODY = JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] });

async function call(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  base = emulator.url,
): Promise<{ status: number; type: string; text: string; json: () => unknown }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    ...(init.headers ? { headers: init.headers } : {}),
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text),
  };
}

type ErrorBody = {
  error: { code: number; message: string; status: string; details?: Record<string, unknown>[] };
};

describe('authentication, as Google does it', () => {
  test('x-goog-api-key and ?key= both work on native routes', async () => {
    assert.equal((await call('/v1beta/models', { headers: { 'x-goog-api-key': OK } })).status, 200);
    assert.equal((await call(`/v1beta/models?key=${OK}`)).status, 200);
    assert.equal((await call(`/v1/models?key=${OK}`)).status, 200);
  });

  test('no key: 403 "unregistered callers" without details', async () => {
    const r = await call(GENERATE, { body: BODY });
    assert.equal(r.status, 403);
    const body = r.json() as ErrorBody;
    assert.equal(body.error.status, 'PERMISSION_DENIED');
    assert.match(body.error.message, /^Method doesn't allow unregistered callers/);
    assert.equal(body.error.details, undefined);
  });

  test('two credentials: the real 400 "Multiple authentication credentials received"', async () => {
    const r = await call(`${GENERATE}?key=${OK}`, { body: BODY, headers: { 'x-goog-api-key': OK } });
    assert.equal(r.status, 400);
    assert.equal(
      (r.json() as ErrorBody).error.message,
      'Multiple authentication credentials received. Please pass only one.',
    );
  });

  test('a key as Bearer on a native route: 401 ACCESS_TOKEN_TYPE_UNSUPPORTED, no domain', async () => {
    const r = await call(GENERATE, { body: BODY, headers: { authorization: `Bearer ${OK}` } });
    assert.equal(r.status, 401);
    const detail = (r.json() as ErrorBody).error.details?.[0];
    assert.equal(detail?.['reason'], 'ACCESS_TOKEN_TYPE_UNSUPPORTED');
    assert.equal(detail?.['domain'], undefined);
    assert.deepEqual(detail?.['metadata'], {
      method: 'google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent',
      service: 'generativelanguage.googleapis.com',
    });
  });

  test('any other well-formed key, of either shape, and a malformed one: API_KEY_INVALID', async () => {
    for (const key of [fakeStandardKey(), fakeAuthKey(), 'not-a-key']) {
      const r = await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': key } });
      assert.equal(r.status, 400);
      assert.equal((r.json() as ErrorBody).error.details?.[0]?.['reason'], 'API_KEY_INVALID');
      assert.ok(!r.text.includes(key));
    }
  });

  test('OpenAI layer: Bearer only; x-goog-api-key alone is refused; errors are JSON arrays', async () => {
    const ok = await call('/v1beta/openai/models', { headers: { authorization: `Bearer ${OK}` } });
    assert.equal(ok.status, 200);
    const headerOnly = await call('/v1beta/openai/models', { headers: { 'x-goog-api-key': OK } });
    assert.equal(headerOnly.status, 400);
    assert.match(
      (headerOnly.json() as ErrorBody[])[0]!.error.message,
      /Missing or invalid Authorization header/,
    );
    const bad = await call('/v1beta/openai/models', {
      headers: { authorization: `Bearer ${fakeAuthKey()}` },
    });
    assert.ok(Array.isArray(bad.json()));
  });

  test('Vertex project path: any API key gets the real 401 without details', async () => {
    const r = await call(
      '/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
      { body: BODY, headers: { 'x-goog-api-key': OK } },
    );
    assert.equal(r.status, 401);
    assert.deepEqual(r.json(), {
      error: {
        code: 401,
        message:
          'API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal. See https://cloud.google.com/docs/authentication',
        status: 'UNAUTHENTICATED',
      },
    });
  });

  test('Vertex express path: a standard key gets CREDENTIALS_MISSING', async () => {
    const r = await call('/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent', {
      body: BODY,
      headers: { 'x-goog-api-key': OK },
    });
    assert.equal(r.status, 401);
    assert.equal((r.json() as ErrorBody).error.details?.[0]?.['reason'], 'CREDENTIALS_MISSING');
  });
});

describe('routes and bad requests', () => {
  test('models list pages with pageSize/pageToken and a nextPageToken', async () => {
    const first = (await call('/v1beta/models?pageSize=4', { headers: { 'x-goog-api-key': OK } })).json() as {
      models: { name: string; supportedGenerationMethods: string[] }[];
      nextPageToken?: string;
    };
    assert.equal(first.models.length, 4);
    assert.ok(first.nextPageToken);
    const second = (
      await call(`/v1beta/models?pageSize=4&pageToken=${first.nextPageToken}`, {
        headers: { 'x-goog-api-key': OK },
      })
    ).json() as { models: { name: string }[] };
    assert.notEqual(second.models[0]?.name, first.models[0]?.name);
    const bad = await call('/v1beta/models?pageToken=garbage', { headers: { 'x-goog-api-key': OK } });
    assert.equal(bad.status, 400);
  });

  test('models/{model}: metadata with supportedGenerationMethods and token limits', async () => {
    const r = await call('/v1beta/models/gemini-2.5-flash', { headers: { 'x-goog-api-key': OK } });
    const model = r.json() as Record<string, unknown>;
    assert.equal(model['name'], 'models/gemini-2.5-flash');
    assert.ok((model['supportedGenerationMethods'] as string[]).includes('generateContent'));
    assert.equal(model['inputTokenLimit'], 1_048_576);
  });

  test('unknown model: the real 404 wording; a method the model lacks too', async () => {
    const r = await call('/v1beta/models/gemini-pro:generateContent', {
      body: BODY,
      headers: { 'x-goog-api-key': OK },
    });
    assert.equal(r.status, 404);
    assert.equal(
      (r.json() as ErrorBody).error.message,
      'models/gemini-pro is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
    );
    const v1 = await call('/v1/models/gemini-2.5-flash:embedContent', {
      body: '{"content":{"parts":[{"text":"x"}]}}',
      headers: { 'x-goog-api-key': OK },
    });
    assert.equal(v1.status, 404);
    assert.match(
      (v1.json() as ErrorBody).error.message,
      /API version v1, or is not supported for embedContent/,
    );
  });

  test('malformed JSON: 400 "Invalid JSON payload received" with a BadRequest detail', async () => {
    const r = await call(GENERATE, { body: '{"contents": [', headers: { 'x-goog-api-key': OK } });
    assert.equal(r.status, 400);
    const body = r.json() as ErrorBody;
    assert.match(body.error.message, /^Invalid JSON payload received\. Unexpected token\./);
    assert.equal(body.error.details?.[0]?.['@type'], 'type.googleapis.com/google.rpc.BadRequest');
  });

  test("missing contents: Google's field-level 400", async () => {
    const r = await call(GENERATE, { body: '{}', headers: { 'x-goog-api-key': OK } });
    assert.equal(r.status, 400);
    assert.match((r.json() as ErrorBody).error.message, /contents is not specified/);
  });

  test('a body over 20 MB: "Request payload size exceeds the limit"', async () => {
    const r = await call(GENERATE, {
      body: 'x'.repeat(MAX_REQUEST_BYTES + 1),
      headers: { 'x-goog-api-key': OK },
    });
    assert.equal(r.status, 400);
    assert.match(r.text, /Request payload size exceeds the limit: 20971520 bytes\./);
  });

  test("unknown path: Google's HTML 404 page", async () => {
    const r = await call('/v1beta/nothing-here', { headers: { 'x-goog-api-key': OK } });
    assert.equal(r.status, 404);
    assert.match(r.type, /text\/html/);
    assert.match(r.text, /Error 404 \(Not Found\)!!1/);
  });

  test('streamGenerateContent without alt=sse is one JSON array of chunks; errors too', async () => {
    const ok = await call('/v1beta/models/gemini-2.5-flash:streamGenerateContent', {
      body: BODY,
      headers: { 'x-goog-api-key': OK },
    });
    assert.ok(Array.isArray(ok.json()) && (ok.json() as unknown[]).length > 1);
    const bad = await call('/v1beta/models/gemini-2.5-flash:streamGenerateContent', {
      body: BODY,
      headers: { 'x-goog-api-key': fakeStandardKey() },
    });
    assert.equal((bad.json() as ErrorBody[])[0]?.error.code, 400);
  });

  test('streamGenerateContent?alt=sse is text/event-stream with data: lines', async () => {
    const r = await call('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', {
      body: BODY,
      headers: { 'x-goog-api-key': OK },
    });
    assert.match(r.type, /text\/event-stream/);
    const events = r.text.split('\r\n\r\n').filter(Boolean);
    assert.ok(events.length > 1 && events.every((e) => e.startsWith('data: ')));
  });
});

describe('scenarios', () => {
  test('the x-emulator-scenario header overrides the key, with sequences', async () => {
    const fresh = await startEmulator();
    try {
      const headers = { 'x-goog-api-key': OK, 'x-emulator-scenario': 'server_overloaded*2,ok' };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await call(GENERATE, { body: BODY, headers }, fresh.url)).status);
      assert.deepEqual(statuses, [503, 503, 200, 200]);
    } finally {
      await fresh.close();
    }
  });

  test('a mistyped scenario header is a 400 naming it, not a silent fallback', async () => {
    const r = await call(GENERATE, {
      body: BODY,
      headers: { 'x-goog-api-key': OK, 'x-emulator-scenario': 'quota_exhausted*2,okay' },
    });
    assert.equal(r.status, 400);
    assert.match(
      (r.json() as ErrorBody).error.message,
      /x-emulator-scenario header: unknown scenario "okay"/,
    );
  });

  test('your own keys, by value or by fingerprint, map to scenarios; reset restarts sequences', async () => {
    const mine = fakeAuthKey();
    const other = fakeStandardKey();
    const fresh = await startEmulator({
      keys: { [mine]: 'quota_exhausted,ok', [`fp:${fingerprintOf(other)}`]: 'ip_blocked' },
    });
    try {
      const send = async (key: string) =>
        (await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': key } }, fresh.url)).status;
      assert.deepEqual([await send(mine), await send(mine), await send(other)], [429, 200, 403]);
      await call('/_emulator/reset', { method: 'POST' }, fresh.url);
      assert.equal(await send(mine), 429);
    } finally {
      await fresh.close();
    }
  });

  test('2026 rules: the unrestricted standard key is rejected; --legacy-keys lets it through', async () => {
    const key = magicKeyFor('standard_key_unrestricted')!;
    assert.equal((await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': key } })).status, 401);
    const legacy = await startEmulator({ legacyStandardKeys: true });
    try {
      const r = await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': key } }, legacy.url);
      assert.equal(r.status, 200);
    } finally {
      await legacy.close();
    }
  });

  test('quota answers carry RetryInfo with the configured delay', async () => {
    const fresh = await startEmulator({ retryDelaySeconds: 7.5 });
    try {
      const r = await call(
        GENERATE,
        { body: BODY, headers: { 'x-goog-api-key': magicKeyFor('quota_exhausted')! } },
        fresh.url,
      );
      const details = (r.json() as ErrorBody).error.details ?? [];
      assert.deepEqual(
        details.map((d) => d['@type']),
        [
          'type.googleapis.com/google.rpc.QuotaFailure',
          'type.googleapis.com/google.rpc.Help',
          'type.googleapis.com/google.rpc.RetryInfo',
        ],
      );
      assert.equal(details[2]?.['retryDelay'], '7.5s');
      assert.match(r.text, /Please retry in 7\.5s\./);
    } finally {
      await fresh.close();
    }
  });
});

describe('faults', () => {
  test('truncated body: headers promise more than arrives', async () => {
    await assert.rejects(
      call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': magicKeyFor('truncated_body')! } }),
    );
  });

  test('connection reset: the request fails without an answer', async () => {
    await assert.rejects(
      call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': magicKeyFor('connection_reset')! } }),
    );
  });

  test('huge body: a 10 MB HTML 502', async () => {
    const r = await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': magicKeyFor('huge_body')! } });
    assert.equal(r.status, 502);
    assert.equal(Buffer.byteLength(r.text), HUGE_BODY_BYTES);
    assert.match(r.type, /text\/html/);
  });

  test('hang: no answer until the client gives up; close() still returns', async () => {
    const fresh = await startEmulator();
    const controller = new AbortController();
    const pending = fetch(`${fresh.url}${GENERATE}`, {
      method: 'POST',
      body: BODY,
      headers: { 'x-goog-api-key': magicKeyFor('hang')! },
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await assert.rejects(pending);
    // A second hung request is cut by close() itself.
    const second = new Promise<string>((resolve) => {
      const req = request(`${fresh.url}${GENERATE}`, {
        method: 'POST',
        headers: { 'x-goog-api-key': magicKeyFor('hang')! },
      });
      req.on('error', () => resolve('closed'));
      req.on('response', () => resolve('answered'));
      req.end(BODY);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fresh.close();
    assert.equal(await second, 'closed');
  });
});

describe('the key never leaves in logs', () => {
  test('journal and onRequest carry masked keys and fingerprints only, even from ?key=', async () => {
    const canary = fakeStandardKey();
    const seen: string[] = [];
    const fresh = await startEmulator({ onRequest: (entry) => seen.push(JSON.stringify(entry)) });
    try {
      await call(`${GENERATE}?key=${canary}`, { body: BODY }, fresh.url);
      await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': canary } }, fresh.url);
      const journal = await call('/_emulator/requests', {}, fresh.url);
      const all = seen.join('\n') + journal.text + JSON.stringify(fresh.requests);
      assert.ok(!all.includes(canary), 'canary key leaked');
      assert.equal(fresh.requests.length, 2);
      assert.equal(fresh.requests[0]?.fingerprint, fingerprintOf(canary));
    } finally {
      await fresh.close();
    }
  });

  test('a key in the path, an odd-shaped key, or two key params: each hidden in the log', async () => {
    const inPath = fakeStandardKey();
    const odd = `x${fakeAuthKey().slice(3)}`;
    const [first, second] = [fakeStandardKey(), fakeAuthKey()];
    const seen: string[] = [];
    const fresh = await startEmulator({ onRequest: (entry) => seen.push(entry.path) });
    try {
      await call(
        `/v1beta/models/${inPath}:generateContent`,
        { body: BODY, headers: { 'x-goog-api-key': inPath } },
        fresh.url,
      );
      await call(
        `/v1beta/models/${odd}:countTokens`,
        { body: BODY, headers: { 'x-goog-api-key': odd } },
        fresh.url,
      );
      await call(
        `/v1beta/models/gemini-2.5-flash:countTokens?key=${first}&key=${encodeURIComponent(second)}`,
        { body: BODY },
        fresh.url,
      );
      const all = seen.join('\n');
      for (const key of [inPath, odd, first, second]) assert.ok(!all.includes(key.slice(-20, -4)), all);
      assert.match(all, new RegExp(`key=AIza…${first.slice(-4)}&key=AQ\\.…${second.slice(-4)}`));
    } finally {
      await fresh.close();
    }
  });

  test('CONSUMER_SUSPENDED echoes only the masked key (Google echoes it whole)', async () => {
    const canary = fakeStandardKey();
    const fresh = await startEmulator({ keys: { [canary]: 'consumer_suspended' } });
    try {
      const r = await call(GENERATE, { body: BODY, headers: { 'x-goog-api-key': canary } }, fresh.url);
      assert.equal(r.status, 403);
      assert.ok(!r.text.includes(canary));
      assert.match(r.text, /api_key:AIza…/);
    } finally {
      await fresh.close();
    }
  });
});
