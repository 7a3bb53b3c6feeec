import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createClient } from '../../src/client/client.js';
import { GeminiRequestError } from '../../src/client/gemini-request-error.js';
import { SecretKey } from '../../src/core/secret-key.js';
import { MAGIC_KEYS, magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { fakeAuthKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.001 });
});
after(async () => {
  await emulator.close();
});

const noWait = async () => {};

async function failure(promise: Promise<unknown>): Promise<GeminiRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof GeminiRequestError, `expected GeminiRequestError, got ${String(error)}`);
  return error;
}

describe('createClient.generate', () => {
  test('returns the text, usage and model; the key went only in x-goog-api-key', async () => {
    const fresh = await startEmulator();
    try {
      const client = createClient({ key: new SecretKey(workingMagicKey()), baseUrl: fresh.url });
      const result = await client.generate('Hello');
      assert.match(result.text, /Hello/);
      assert.equal(result.finishReason, 'STOP');
      assert.equal(result.attempts, 1);
      assert.ok((result.usage?.totalTokens ?? 0) > 0);
      assert.equal(fresh.requests[0]?.credential, 'x-goog-api-key');
      assert.ok(!fresh.requests[0]?.path.includes('key='));
    } finally {
      await fresh.close();
    }
  });

  test('retries 429 twice, honouring RetryInfo, then succeeds', async () => {
    const fresh = await startEmulator({ retryDelaySeconds: 0.25 });
    const waits: number[] = [];
    try {
      const key = MAGIC_KEYS.find((k) => k.scenario === 'quota_exhausted*2,ok')!.key;
      const client = createClient({
        key: new SecretKey(key),
        baseUrl: fresh.url,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      const result = await client.generate('retry me');
      assert.equal(result.attempts, 3);
      assert.deepEqual(waits, [250, 250]);
    } finally {
      await fresh.close();
    }
  });

  test('gives up after `retries` and reports the classified cause with its retry delay', async () => {
    const waits: number[] = [];
    const client = createClient({
      key: new SecretKey(magicKeyFor('quota_exhausted')!),
      baseUrl: emulator.url,
      retries: 1,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const error = await failure(client.generate('x'));
    assert.equal(error.causeId, 'quota_exhausted');
    assert.equal(error.httpStatus, 429);
    assert.equal(error.attempts, 2);
    assert.equal(waits.length, 1);
    assert.equal(error.evidence.retryDelay, '0.001s');
  });

  test('a server asking to wait longer than the cap is not retried', async () => {
    const slow = await startEmulator({ retryDelaySeconds: 3600 });
    try {
      const client = createClient({ key: new SecretKey(magicKeyFor('quota_exhausted')!), baseUrl: slow.url });
      const error = await failure(client.generate('x'));
      assert.equal(error.attempts, 1);
    } finally {
      await slow.close();
    }
  });

  test('billing and limit-0 429s are never retried', async () => {
    for (const scenario of ['billing', 'free_tier_limit_zero'] as const) {
      const client = createClient({
        key: new SecretKey(magicKeyFor(scenario)!),
        baseUrl: emulator.url,
        sleep: noWait,
      });
      const error = await failure(client.generate('x'));
      assert.equal(error.causeId, scenario);
      assert.equal(error.attempts, 1);
    }
  });

  test('Retry-After is honoured when there is no RetryInfo (a proxy 503)', async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(503, { 'retry-after': '2', 'content-type': 'application/json' });
        res.end(
          '{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}',
        );
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"candidates":[{"content":{"parts":[{"text":"fine"}]}}]}');
      }
    });
    const baseUrl = await listenOnLoopback(server);
    try {
      const waits: number[] = [];
      const client = createClient({
        key: new SecretKey(fakeAuthKey()),
        baseUrl,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      assert.equal((await client.generate('x')).text, 'fine');
      assert.deepEqual(waits, [2000]);
    } finally {
      server.close();
    }
  });

  test('redirects are not followed (the key would travel along)', async () => {
    let followed = false;
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/elsewhere')) {
        followed = true;
        res.end('{}');
        return;
      }
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const baseUrl = await listenOnLoopback(server);
    try {
      const client = createClient({
        key: new SecretKey(fakeAuthKey()),
        baseUrl,
      });
      const error = await failure(client.generate('x'));
      assert.equal(error.causeId, 'network_intercepted');
      assert.equal(followed, false);
    } finally {
      server.close();
    }
  });

  test('faults: reset, hang (timeout), truncated body, huge body, proxy HTML', async () => {
    const expectations: [Parameters<typeof magicKeyFor>[0], string][] = [
      ['connection_reset', 'network_connect'],
      ['hang', 'network_timeout'],
      ['truncated_body', 'network_connect'],
      ['huge_body', 'network_intercepted'],
      ['proxy_html_502', 'network_intercepted'],
    ];
    for (const [scenario, cause] of expectations) {
      const client = createClient({
        key: new SecretKey(magicKeyFor(scenario)!),
        baseUrl: emulator.url,
        timeoutMs: 300,
        maxBodyBytes: 64 * 1024,
        sleep: noWait,
      });
      const error = await failure(client.generate('x'));
      assert.equal(error.causeId, cause, scenario);
    }
  });

  test("every magic key: the client names the key's own cause (unambiguous keys)", async () => {
    const ambiguous = new Set([
      'standard_key_rejected',
      'standard_key_unrestricted',
      'key_sent_as_bearer',
      'auth_key_service_account',
      // "as if sent to Vertex": the client knows it called the Gemini API, so it names the route.
      'vertex_requires_oauth',
      'hang',
    ]);
    for (const magic of MAGIC_KEYS) {
      if (ambiguous.has(magic.scenario)) continue;
      const fresh = await startEmulator({ retryDelaySeconds: 0.001 });
      try {
        const client = createClient({ key: new SecretKey(magic.key), baseUrl: fresh.url, retries: 0 });
        const outcome = await client.generate('x').then(
          () => null,
          (e: unknown) => (e instanceof GeminiRequestError ? e.causeId : String(e)),
        );
        assert.equal(outcome, magic.cause, magic.scenario);
      } finally {
        await fresh.close();
      }
    }
  });

  test('the key is never in an error message or its evidence', async () => {
    const canary = fakeAuthKey();
    const client = createClient({ key: new SecretKey(canary), baseUrl: emulator.url });
    const error = await failure(client.generate('x'));
    assert.equal(error.causeId, 'key_invalid');
    assert.ok(!JSON.stringify({ m: error.message, e: error.evidence, s: error.stack }).includes(canary));
  });

  test('a non-http base URL is refused up front', () => {
    assert.throws(() => createClient({ key: new SecretKey(fakeAuthKey()), baseUrl: 'file:///etc/passwd' }));
  });
});
