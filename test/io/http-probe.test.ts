import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import { SecretKey } from '../../src/core/secret-key.js';
import { probeKey } from '../../src/doctor/probe-key.js';
import { httpProbe } from '../../src/io/http-probe.js';
import { fakeAuthKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return listenOnLoopback(server);
}

after(() => {
  for (const server of servers) server.closeAllConnections?.();
  for (const server of servers) server.close();
});

describe('httpProbe on loopback', () => {
  test('a closed port is network_connect', async () => {
    const url = await serve(() => {});
    const closed = servers.pop()!;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await httpProbe({ url: new URL(`${url}/v1beta/models`), method: 'GET', headers: {} });
    assert.equal(result.kind, 'network');
    assert.equal(result.kind === 'network' && result.cause, 'network_connect');
  });

  test('a server that never answers is network_timeout', async () => {
    const url = await serve(() => {});
    const result = await httpProbe({ url: new URL(url), method: 'GET', headers: {}, timeoutMs: 200 });
    assert.equal(result.kind === 'network' && result.cause, 'network_timeout');
  });

  test('a server that sends headers and then hangs is network_timeout', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"models": [');
    });
    const result = await httpProbe({ url: new URL(url), method: 'GET', headers: {}, timeoutMs: 300 });
    assert.equal(result.kind === 'network' && result.cause, 'network_timeout');
  });

  test('a 10 MB body is cut at the cap', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const result = await httpProbe({ url: new URL(url), method: 'GET', headers: {}, maxBytes: 1024 * 1024 });
    assert.equal(result.kind, 'answer');
    if (result.kind === 'answer') {
      assert.equal(result.truncated, true);
      assert.equal(result.body.length, 1024 * 1024);
    }
  });

  test('a redirect is reported and never followed with the key', async () => {
    const key = new SecretKey(fakeAuthKey());
    const seenByTarget: string[] = [];
    const target = await serve((req, res) => {
      seenByTarget.push(JSON.stringify(req.headers));
      res.end('{}');
    });
    const url = await serve((_req, res) => {
      res.writeHead(302, { location: `${target}/steal?x=1` });
      res.end();
    });
    const outcome = await probeKey(key, { baseUrl: url, timeoutMs: 2000 });
    assert.equal(seenByTarget.length, 0);
    assert.equal(outcome.cause, 'network_intercepted');
    assert.equal(outcome.verdict, 'unknown');
    assert.ok(!JSON.stringify(outcome).includes(key.reveal()));
  });

  test('an HTML 502 from a middlebox is network_intercepted', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway (corporate proxy)</body></html>');
    });
    const outcome = await probeKey(new SecretKey(fakeAuthKey()), { baseUrl: url });
    assert.equal(outcome.cause, 'network_intercepted');
  });

  test('the key travels only in x-goog-api-key, never in the URL', async () => {
    const key = new SecretKey(fakeAuthKey());
    let seen: IncomingMessage | undefined;
    const url = await serve((req, res) => {
      seen = req;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"models":[]}');
    });
    const outcome = await probeKey(key, { baseUrl: url });
    assert.equal(outcome.verdict, 'live');
    assert.equal(seen?.headers['x-goog-api-key'], key.reveal());
    assert.equal(seen?.headers.authorization, undefined);
    assert.ok(!seen?.url?.includes(key.reveal()));
  });

  test('a Google error body is classified', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
          },
        }),
      );
    });
    const outcome = await probeKey(new SecretKey(fakeAuthKey()), { baseUrl: url });
    assert.equal(outcome.verdict, 'rejected');
    assert.equal(outcome.cause, 'key_invalid');
    assert.equal(outcome.httpStatus, 400);
  });
});
