import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { leakStandardKey } from '../scan/_repo.js';
import { BUILT_CLI } from '../support/built-cli.js';
import { assertNoLeak } from '../support/leak-check.js';

/**
 * The built CLI keeps V8's code cache of its command bundles in the user's cache folder
 * (src/cli/compile-cache.ts): written by a first run, read by the next, never holding input.
 */
const home = mkdtempSync(join(tmpdir(), 'gkd-cache-home-'));
const cacheDir = join(home, '.cache', 'gemini-key-doctor');
after(() => rmSync(home, { recursive: true, force: true }));

const canary = leakStandardKey();
const input = `{"error":{"code":400,"message":"API key not valid. Please pass a valid API key. ${canary}","status":"INVALID_ARGUMENT"}}`;
function explain(env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BUILT_CLI, 'explain', '--json', '-'], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: home, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return r.stdout;
}
const cacheFiles = () => {
  try {
    return readdirSync(cacheDir).filter((name) => name.startsWith('explain.cjs-'));
  } catch {
    return [];
  }
};

describe('the compile cache of the built CLI', () => {
  test('NODE_DISABLE_COMPILE_CACHE=1 writes none', () => {
    explain({ NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.deepEqual(cacheFiles(), []);
  });

  test('a first run writes it (private to the user), the next reads it: same answer, file untouched', () => {
    const first = explain();
    const [file] = cacheFiles();
    assert.ok(file, 'no cache written');
    assert.match(file, /^explain\.cjs-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-\w+\.v8$/);
    const path = join(cacheDir, file);
    assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const written = statSync(path).mtimeMs;
    assert.equal(explain(), first);
    assert.equal(statSync(path).mtimeMs, written, 'a cache that was read is not written again');
    assertNoLeak(canary, readFileSync(path, 'latin1'));
  });

  test('a damaged cache is refused by V8 and replaced; an older build’s file is removed', () => {
    const [file] = cacheFiles();
    assert.ok(file);
    const stale = file.replace(/-[0-9a-f]{16}-/, '-0000000000000000-');
    writeFileSync(join(cacheDir, stale), 'old');
    writeFileSync(join(cacheDir, file), Buffer.alloc(4096, 7));
    const answer = explain();
    assert.equal(JSON.parse(answer).cause, 'key_invalid');
    assert.deepEqual(cacheFiles(), [file]);
    assert.ok(statSync(join(cacheDir, file)).size > 4096, 'the damaged cache was replaced');
  });

  test('an unwritable cache folder is no error', () => {
    const r = spawnSync(process.execPath, [BUILT_CLI, 'explain', '--json', '-'], {
      input,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent', XDG_CACHE_HOME: '/proc/none' },
    });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
  });
});
