import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { leakStandardKey, TempRepo } from '../scan/_repo.js';
import { assertNoLeak } from '../support/leak-check.js';
import { listenOnLoopback } from '../support/loopback.js';

/** Issue 10, item 3: scan --verify validates its base URL with the same function as doctor and ask. */
describe('one base-URL validation for every command', () => {
  const found = leakStandardKey();
  const repo = new TempRepo(false);
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.url ?? ''} ${req.headers.authorization ?? ''}`);
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end('{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}}');
  });
  let url = '';
  before(async () => {
    repo.write('a.ts', `const GEMINI_API_KEY = "${found}";\n`);
    url = await listenOnLoopback(server);
  });
  after(() => {
    server.close();
    repo.remove();
  });

  for (const command of [['scan', '--verify'], ['doctor'], ['ask', 'hi']]) {
    it(`${command[0]}: not a URL, ftp: and file: exit 2 with one line`, async () => {
      for (const bad of ['not a url', 'ftp://example.com', 'file:///etc/passwd']) {
        const r = await run([...command, '--base-url', bad], { NO_COLOR: '1' }, { cwd: repo.dir });
        assert.equal(r.exitCode, 2, `${bad}: ${r.stderr}`);
        assert.match(r.stderr, /--base-url/);
      }
    });
  }

  it('scan --verify refuses credentials in --base-url without printing them', async () => {
    const secret = leakStandardKey();
    const r = await run(
      ['scan', '--verify', '--base-url', `http://u:${secret}@127.0.0.1:1`],
      {},
      { cwd: repo.dir },
    );
    assert.equal(r.exitCode, 2, r.stderr);
    assertNoLeak(secret, r.stdout, r.stderr);
  });

  it('scan --verify: GOOGLE_GEMINI_BASE_URL is shown masked, and its credentials and ?key= are never sent', async () => {
    const secret = leakStandardKey();
    const withSecrets = url.replace('http://', `http://u:${secret}@`);
    const r = await run(
      ['scan', '--verify', '--json'],
      { GOOGLE_GEMINI_BASE_URL: `${withSecrets}/?key=${secret}` },
      { cwd: repo.dir },
    );
    assert.equal(r.exitCode, 1, r.stderr);
    assertNoLeak(secret, r.stdout, r.stderr, seen.join('\n'));
    assertNoLeak(found, r.stdout, r.stderr, seen.join('\n'));
    assert.ok(seen.length > 0, 'the probe was sent');
    const bad = await run(['scan', '--verify'], { GOOGLE_GEMINI_BASE_URL: 'ftp://x' }, { cwd: repo.dir });
    assert.equal(bad.exitCode, 2, bad.stderr);
  });
});
