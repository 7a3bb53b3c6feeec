import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { leakAuthKey, leakStandardKey } from '../scan/_repo.js';
import { assertNoLeak } from '../support/leak-check.js';
import { listenOnLoopback } from '../support/loopback.js';

/** Issue 10, item 2: a key in the --base-url path reached the report's `endpoint` field. */
let dir: string;
let server: Server;
let url: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-basepath-'));
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ models: [], totalTokens: 1 }));
  });
  url = await listenOnLoopback(server);
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a key in the --base-url path', () => {
  test('is masked in text, JSON and HTML, plain or percent-encoded', async () => {
    const key = leakStandardKey();
    const inPath = leakAuthKey();
    const encoded = [...inPath]
      .map((c, i) => (i % 3 === 0 ? `%${c.charCodeAt(0).toString(16)}` : c))
      .join('');
    for (const path of [inPath, encoded]) {
      for (const format of [['--json'], ['--verbose'], ['--html']]) {
        const r = await run([...format, '--cwd', dir, '--timeout', '1000', '--base-url', `${url}/${path}`], {
          HOME: dir,
          GEMINI_API_KEY: key,
          METADATA_SERVER_DETECTION: 'none',
        });
        assert.ok(r.stdout.length > 0, r.stderr);
        assertNoLeak(inPath, r.stdout, r.stderr);
        assertNoLeak(key, r.stdout, r.stderr);
      }
    }
  });
});
