import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { terminalSafe } from '../../src/core/terminal-safe.js';
import { fakeStandardKey } from '../support/fake-keys.js';
import { listenOnLoopback } from '../support/loopback.js';

/** A server (or a pasted log) must not be able to drive the user's terminal through our output. */
const HOSTILE =
  'x \u001b]0;pwned\u0007 \u001b[2J \u009b31m \u202eevil \u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007';
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let server: Server;
let base: string;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-term-'));
  server = createServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: HOSTILE } }));
  });
  base = await listenOnLoopback(server);
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('terminal-safe output', () => {
  test('escapes control and bidi characters, keeps line breaks and tabs', () => {
    assert.equal(terminalSafe('a\u001b[2Jb\n\tc\u202e'), 'a\\u001b[2Jb\n\tc\\u202e');
  });

  test('doctor text, ask and explain never print a control character they were sent', async () => {
    const env = { HOME: dir, K: fakeStandardKey() };
    for (const argv of [
      ['--base-url', base, '--key-env', 'K', '--cwd', dir, '--verbose'],
      ['ask', 'hi', '--base-url', base, '--key-env', 'K'],
      ['explain', `${HOSTILE} API key not valid`],
    ]) {
      const r = await run(argv, env, { isTTY: false });
      const out = r.stdout + r.stderr;
      assert.ok(out.includes('\\u001b'), `${argv[0]}: the message is still shown, escaped`);
      assert.doesNotMatch(out, CONTROL, argv[0]);
    }
  });

  test('--json keeps the server message as data', async () => {
    const r = await run(['--base-url', base, '--key-env', 'K', '--cwd', dir, '--json'], {
      HOME: dir,
      K: fakeStandardKey(),
    });
    assert.ok(r.stdout.includes('\\u001b]0;pwned'), 'JSON escapes, not rewrites');
  });
});
