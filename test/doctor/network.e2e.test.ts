import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

/** Network failures on loopback, through the whole CLI: each becomes its network_* finding, never a crash. */
let dir: string;
const servers: Server[] = [];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-net-'));
});
after(async () => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
  await rm(dir, { recursive: true, force: true });
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return listenOnLoopback(server);
}

async function doctor(baseUrl: string, key = fakeAuthKey()) {
  const r = await run(['--json', '--base-url', baseUrl, '--cwd', dir, '--timeout', '500'], {
    HOME: dir,
    GEMINI_API_KEY: key,
  });
  assert.ok(!r.stdout.includes(key.slice(4)) && !r.stderr.includes(key.slice(4)), 'key printed');
  const report = JSON.parse(r.stdout) as {
    findings: { check: string; cause: string | null; fix: string[] }[];
  };
  return { exitCode: r.exitCode, listing: report.findings.find((f) => f.check === 'probe.models')! };
}

describe('doctor network failures on loopback', () => {
  test('a closed port → network_connect, exit 1', async () => {
    const url = await serve(() => {});
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { exitCode, listing } = await doctor(url);
    assert.equal(listing.cause, 'network_connect');
    assert.equal(exitCode, 1);
  });

  test('a server that hangs → network_timeout', async () => {
    const url = await serve(() => {});
    assert.equal((await doctor(url)).listing.cause, 'network_timeout');
  });

  test('an HTML 502 from a middlebox → network_intercepted', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    });
    assert.equal((await doctor(url)).listing.cause, 'network_intercepted');
  });

  test('a 10 MB body is cut and named, not buffered whole', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
      let sent = 0;
      const pump = (): void => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    assert.equal((await doctor(url)).listing.cause, 'network_intercepted');
  });

  test('a redirect is reported and the key does not follow it', async () => {
    const key = fakeAuthKey();
    let reachedTarget = 0;
    const target = await serve((_req, res) => {
      reachedTarget += 1;
      res.end('{"models":[]}');
    });
    const url = await serve((_req, res) => {
      res.writeHead(307, { location: `${target}/v1beta/models` });
      res.end();
    });
    const { listing } = await doctor(url, key);
    assert.equal(listing.cause, 'network_intercepted');
    assert.equal(reachedTarget, 0);
  });

  test('each failing probe ends with the curl command that reproduces it, reading the key from the variable', async () => {
    const url = await serve(() => {});
    const { listing } = await doctor(url);
    const curl = listing.fix.at(-1) ?? '';
    assert.match(curl, /curl .*-H "x-goog-api-key: \$GEMINI_API_KEY"/);
  });
});

describe('a key echoed by the server', () => {
  test('is masked everywhere in the report (CONSUMER_SUSPENDED echoes the key whole)', async () => {
    const key = `AIzaFAKE${'x1Y2z3'.repeat(5)}a`;
    const url = await serve((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 403,
            message: `Permission denied: Consumer 'api_key:${key}' has been suspended.`,
            status: 'PERMISSION_DENIED',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: 'CONSUMER_SUSPENDED',
                domain: 'googleapis.com',
                metadata: {
                  consumer: `projects/123/apiKeys/${key}`,
                  service: 'generativelanguage.googleapis.com',
                },
              },
            ],
          },
        }),
      );
    });
    for (const args of [['--json'], ['--verbose'], ['--html']]) {
      const r = await run([...args, '--base-url', url, '--cwd', dir], { HOME: dir, GEMINI_API_KEY: key });
      assert.ok(!r.stdout.includes(key) && !r.stdout.includes(key.slice(4, 30)), args.join(' '));
    }
  });
});
