import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeDirectory } from '../../src/io/make-directory.js';

describe('makeDirectory (mkdir -p, one level at a time)', () => {
  it('makes every missing level with the mode asked, and is content when it is there', () => {
    const root = mkdtempSync(join(tmpdir(), 'gkd-mkdir-'));
    try {
      const deep = join(root, 'a', 'b', 'c');
      makeDirectory(deep, 0o700);
      assert.ok(statSync(deep).isDirectory());
      assert.equal(statSync(join(root, 'a')).mode & 0o777, 0o700);
      makeDirectory(deep);
      writeFileSync(join(root, 'file'), '');
      assert.throws(() => makeDirectory(join(root, 'file', 'x')), { code: 'ENOTDIR' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a path under /proc is an error at once (Node 20’s recursive mkdir spins on it forever)', () => {
    // In a child with a deadline, so a regression cannot hang the suite (the child gets this
    // process's flags: tsx's loader when the test runs from source).
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const module = new URL(`../../src/io/make-directory${ext}`, import.meta.url).href;
    const code = `import { makeDirectory } from ${JSON.stringify(module)};
try { makeDirectory('/proc/none/x'); } catch (e) { console.log(e.code); }`;
    const r = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(r.signal, null, 'it hung');
    assert.equal(r.stdout.trim(), 'ENOENT');
  });
});
