import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BUILT_CLI } from '../support/built-cli.js';
import { LOADED_BUILTINS_HOOK as HOOK, loadedBuiltins } from '../support/loaded-builtins.js';

/**
 * `explain -` reads standard input with read(2) when it is a file, a pipe or a socket (what a
 * parent in Node or libuv gives), without Node's stream and socket modules (~8 ms to load): the
 * built CLI is run with a hook that lists the built-in modules it loaded.
 */
const box = mkdtempSync(join(tmpdir(), 'gkd-stdin-'));
after(() => rmSync(box, { recursive: true, force: true }));

const ERROR = JSON.stringify({
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
  },
});

function explainWith(stdin: string | number) {
  const r = spawnSync(process.execPath, ['--require', HOOK, BUILT_CLI, 'explain', '--json', '-'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: box },
    encoding: 'utf8',
    ...(typeof stdin === 'string' ? { input: stdin } : { stdio: [stdin, 'pipe', 'pipe'] }),
  });
  const builtins = loadedBuiltins(r.stderr);
  return { status: r.status, cause: (JSON.parse(r.stdout) as { cause: string }).cause, builtins };
}

describe('explain reads standard input without streams', {
  skip: !existsSync(BUILT_CLI) && 'dist/ is not built',
}, () => {
  test('from a socket pair (a parent in Node: spawnSync with input)', () => {
    const r = explainWith(ERROR);
    assert.equal(r.status, 0);
    assert.equal(r.cause, 'key_invalid');
    assert.ok(!r.builtins.includes('net') && !r.builtins.includes('stream'), r.builtins.join(' '));
  });

  test('from a file', () => {
    const file = join(box, 'error.json');
    writeFileSync(file, ERROR);
    const fd = openSync(file, 'r');
    try {
      const r = explainWith(fd);
      assert.equal(r.cause, 'key_invalid');
      assert.ok(!r.builtins.includes('net') && !r.builtins.includes('stream'), r.builtins.join(' '));
    } finally {
      closeSync(fd);
    }
  });
});
