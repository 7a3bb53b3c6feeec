import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

/**
 * The doctor against real error bodies it was not written from: each pasted HTTP body from
 * test/fixtures/explain/real-errors.json (the repository's copy of the shared real-error corpus,
 * so a clone needs nothing beside it) is served by a plain node:http server as the answer to
 * every probe, and the doctor must name one of the causes the thread's resolution accepts.
 */
interface RealError {
  id: string;
  surface: string;
  http_status: number | null;
  text: string;
  accept: string[];
}

const FIXTURES = new URL('../fixtures/explain/real-errors.json', import.meta.url);
const entries = (JSON.parse(readFileSync(FIXTURES, 'utf8')) as RealError[]).filter(
  (e) =>
    (e.surface === 'http-body' || e.surface === 'openai-compat') &&
    e.http_status !== null &&
    e.accept.length > 0,
);

/**
 * As verbatim as a server can be: the JSON from its first bracket on (dropping a pasted
 * "API Error: 400 " prefix), and forum-typographic quotes put back to the ASCII a server sent.
 */
function servedBody(text: string): string {
  const start = text.search(/[[{]/);
  return (start >= 0 ? text.slice(start) : text).replace(/[“”]/g, '"');
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-real-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function serveOnce(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(body);
  });
  return { url: await listenOnLoopback(server), server };
}

describe('the doctor names the cause of real error bodies', () => {
  assert.ok(entries.length >= 8, 'fixtures present');
  for (const entry of entries) {
    test(`${entry.id} → ${entry.accept.join(' | ')}`, async () => {
      const { url, server } = await serveOnce(entry.http_status!, servedBody(entry.text));
      try {
        const key = fakeAuthKey();
        const r = await run(['--json', '--base-url', url, '--cwd', dir], { HOME: dir, GEMINI_API_KEY: key });
        const report = JSON.parse(r.stdout) as { findings: { check: string; cause: string | null }[] };
        const probeCauses = report.findings.filter((f) => f.check.startsWith('probe.')).map((f) => f.cause);
        assert.ok(
          probeCauses.some((c) => c !== null && entry.accept.includes(c)),
          `named ${probeCauses.join(', ')}`,
        );
        assert.equal(r.exitCode, 1);
        assert.ok(!r.stdout.includes(key.slice(4)));
      } finally {
        server.close();
      }
    });
  }
});
