import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';
import { scan } from '../../src/scan/scan.js';
import { fakeStandardKey } from '../support/fake-keys.js';
import { leakAuthKey, leakStandardKey, TempRepo } from './_repo.js';

describe('scan --staged', () => {
  it('scans the staged content, not the work tree', async () => {
    const repo = new TempRepo();
    try {
      repo.write('a.ts', 'export const x = 1;\n');
      repo.commit('start');
      const key = leakAuthKey();
      repo.write('a.ts', `export const GEMINI_API_KEY = "${key}";\n`);
      repo.git('add', 'a.ts');
      // The work tree no longer has the key, the index does.
      repo.write('a.ts', 'export const x = 2;\n');
      repo.write('.env', `GEMINI_API_KEY=${leakStandardKey()}\n`);
      repo.git('add', '-f', '.env');
      const result = await scan({ cwd: repo.dir, staged: true });
      const keys = result.findings.filter((f) => f.fingerprint);
      assert.deepEqual(keys.map((f) => [f.file, f.source, f.line]).sort(), [
        ['.env', 'staged', 1],
        ['a.ts', 'staged', 1],
      ]);
      assert.ok(result.findings.some((f) => f.rule === 'dotenv-tracked' && f.file === '.env'));
      const out = await run(['scan', '--staged'], {}, { cwd: repo.dir });
      assert.equal(out.exitCode, 1);
      assert.ok(!out.stdout.includes(key.slice(3, 40)));
    } finally {
      repo.remove();
    }
  });
});

describe('hook install', () => {
  const repo = new TempRepo();
  const shimDir = join(repo.dir, '.shim');
  before(() => {
    // A `gemini-key-doctor` on PATH that runs this checkout's source through tsx.
    mkdirSync(shimDir);
    const tsx = import.meta.resolve('tsx');
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    writeFileSync(
      join(shimDir, 'gemini-key-doctor'),
      `#!/bin/sh\nexec "${process.execPath}" --import "${tsx}" "${bin}" "$@"\n`,
    );
    chmodSync(join(shimDir, 'gemini-key-doctor'), 0o755);
    writeFileSync(join(repo.dir, '.git', 'info', 'exclude'), '.shim/\n');
  });
  after(() => repo.remove());

  const commit = () =>
    spawnSync('git', ['commit', '-q', '-m', 'change'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${shimDir}:${process.env['PATH']}` },
    });

  it('writes an executable pre-commit hook that blocks a commit adding a key', async () => {
    const out = await run(['hook', 'install'], {}, { cwd: repo.dir });
    assert.equal(out.exitCode, 0, out.stderr);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    assert.match(readFileSync(hook, 'utf8'), /scan --staged/);

    repo.write('ok.ts', `export const A = "${fakeStandardKey()}";\n`);
    repo.git('add', 'ok.ts');
    const clean = commit();
    assert.equal(clean.status, 0, clean.stderr + clean.stdout);

    const key = leakStandardKey();
    repo.write('leak.ts', `export const K = "${key}";\n`);
    repo.git('add', 'leak.ts');
    const blocked = commit();
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.stdout + blocked.stderr, /leak\.ts/);
    assert.ok(!(blocked.stdout + blocked.stderr).includes(key.slice(4, 30)));
  });

  it('refuses to overwrite a hook it did not write, unless --force (keeping a backup)', async () => {
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const refused = await run(['hook', 'install'], {}, { cwd: repo.dir });
    assert.equal(refused.exitCode, 2);
    assert.match(refused.stderr, /already exists.*--force/);
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\necho mine\n');
    const forced = await run(['hook', 'install', '--force'], {}, { cwd: repo.dir });
    assert.equal(forced.exitCode, 0);
    assert.equal(readFileSync(`${hook}.backup`, 'utf8'), '#!/bin/sh\necho mine\n');
    // Re-installing over our own hook needs no --force.
    assert.equal((await run(['hook', 'install'], {}, { cwd: repo.dir })).exitCode, 0);
  });

  it('respects core.hooksPath', async () => {
    repo.git('config', 'core.hooksPath', '.githooks');
    const out = await run(['hook', 'install'], {}, { cwd: repo.dir });
    assert.equal(out.exitCode, 0);
    assert.ok(existsSync(join(repo.dir, '.githooks', 'pre-commit')));
  });

  it('exits 2 outside git', async () => {
    const dir = new TempRepo(false);
    try {
      assert.equal((await run(['hook', 'install'], {}, { cwd: dir.dir })).exitCode, 2);
    } finally {
      dir.remove();
    }
  });
});
