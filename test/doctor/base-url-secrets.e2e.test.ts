import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

/**
 * A base URL is user input and may carry secrets (`https://user:pw@host/?key=AIza…`): neither the
 * report nor the requests the probes send may repeat them.
 */
let dir: string;
let server: Server;
let origin: string;
const seenUrls: string[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-baseurl-'));
  server = createServer((req, res) => {
    seenUrls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ models: [], totalTokens: 1 }));
  });
  origin = new URL(await listenOnLoopback(server)).host;
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets inside a base URL', () => {
  test('are never printed, in any format, nor sent in a request URL', async () => {
    const keyInUrl = fakeStandardKey();
    const key = fakeAuthKey();
    const baseUrl = `http://bob:s3cret-pw@${origin}/?key=${keyInUrl}#frag`;
    for (const format of [['--json'], ['--verbose'], ['--html']]) {
      seenUrls.length = 0;
      const r = await run([...format, '--cwd', dir, '--timeout', '1000'], {
        HOME: dir,
        GEMINI_API_KEY: key,
        GOOGLE_GEMINI_BASE_URL: baseUrl,
      });
      const output = r.stdout + r.stderr;
      for (const secret of [keyInUrl.slice(4), key.slice(3), 's3cret-pw']) {
        assert.ok(!output.includes(secret), `${format[0]} printed a secret from the base URL`);
      }
      assert.ok(seenUrls.length > 0, 'the probes reached the server');
      for (const url of seenUrls) {
        assert.ok(
          !url.includes(keyInUrl.slice(4)) && !url.includes('key='),
          `request URL carried a key: ${url}`,
        );
      }
    }
  });
});
