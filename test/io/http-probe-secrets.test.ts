import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import { SecretKey } from '../../src/core/secret-key.js';
import { probeKey } from '../../src/doctor/probe-key.js';
import { httpProbe } from '../../src/io/http-probe.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

/** A hostile or careless server that repeats the credential it received. */
type Handler = (req: IncomingMessage, res: ServerResponse, key: string) => void;
const servers: Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    const sent = String(req.headers['x-goog-api-key'] ?? req.headers.authorization ?? '');
    handler(req, res, sent.replace(/^Bearer /, ''));
  });
  servers.push(server);
  return listenOnLoopback(server);
}

after(() => {
  for (const server of servers) server.closeAllConnections?.();
  for (const server of servers) server.close();
});

/** No 12-character run of the key survives anywhere in the text. */
function assertNoKeyIn(text: string, key: string): void {
  for (let i = 0; i + 12 <= key.length; i++) {
    assert.ok(!text.includes(key.slice(i, i + 12)), `a fragment of the key leaked: ${text.slice(0, 300)}`);
  }
}

const echoes: Record<string, (key: string) => string> = {
  whole: (key) => `API key not valid: ${key}`,
  'url-encoded': (key) => `key=${encodeURIComponent(`${key} `)}`,
  'cut at the front': (key) => `bad credential '${key.slice(2)}'`,
  'in JSON': (key) => JSON.stringify({ error: { code: 400, message: `key ${key} rejected` } }),
};

describe('httpProbe never returns the credential it sent', () => {
  for (const [name, echo] of Object.entries(echoes)) {
    test(`a body echoing the key (${name})`, async () => {
      const url = await serve((_req, res, key) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(echo(key));
      });
      for (const key of [fakeStandardKey(), fakeAuthKey(), `"${fakeStandardKey()}'`]) {
        const result = await httpProbe({
          url: new URL(url),
          method: 'GET',
          headers: { 'x-goog-api-key': key },
        });
        assert.equal(result.kind, 'answer');
        assertNoKeyIn(JSON.stringify(result), key);
      }
    });
  }

  test('a bearer token echoed in the body and a redirect target', async () => {
    const url = await serve((_req, res, key) => {
      res.writeHead(302, { location: `https://elsewhere.example/${key}/x?key=${key}` });
      res.end(key);
    });
    const key = fakeAuthKey();
    const result = await httpProbe({
      url: new URL(url),
      method: 'GET',
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(result.kind === 'answer' && result.status, 302);
    assertNoKeyIn(JSON.stringify(result), key);
  });

  test("the doctor's probe says where a redirect went without the key in it", async () => {
    const url = await serve((_req, res, key) => {
      res.writeHead(307, { location: `https://elsewhere.example/${key}/models` });
      res.end();
    });
    const key = fakeStandardKey();
    const outcome = await probeKey(new SecretKey(key), { baseUrl: url });
    assert.equal(outcome.cause, 'network_intercepted');
    assert.match(outcome.detail, /elsewhere\.example/);
    assertNoKeyIn(JSON.stringify(outcome), key);
  });

  test('a deadline beyond what timers hold still waits for the answer', async () => {
    const url = await serve((_req, res) => {
      setTimeout(() => res.end('{}'), 50);
    });
    for (const timeoutMs of [2 ** 40, Number.POSITIVE_INFINITY, Number.NaN]) {
      const result = await httpProbe({ url: new URL(url), method: 'GET', headers: {}, timeoutMs });
      assert.equal(result.kind === 'answer' && result.status, 200, `timeoutMs ${timeoutMs}`);
    }
  });
});
