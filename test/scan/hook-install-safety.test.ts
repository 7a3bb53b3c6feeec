import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { TempRepo } from './_repo.js';

/** Issue 10, item 14: hook install never writes outside .git and never loses an earlier backup. */
describe('hook install safety', () => {
  it('refuses a dangling pre-commit symlink that points outside the hooks folder', async () => {
    const repo = new TempRepo();
    try {
      const outside = join(repo.dir, 'outside-target.sh');
      symlinkSync(outside, join(repo.dir, '.git', 'hooks', 'pre-commit'));
      for (const argv of [
        ['hook', 'install'],
        ['hook', 'install', '--force'],
      ]) {
        const r = await run(argv, { NO_COLOR: '1' }, { cwd: repo.dir });
        assert.equal(r.exitCode, 2, r.stdout + r.stderr);
        assert.match(r.stderr, /symbolic link/);
        assert.equal(existsSync(outside), false, 'wrote through the link');
      }
    } finally {
      repo.remove();
    }
  });

  it('a link inside the hooks folder is replaced, not followed', async () => {
    const repo = new TempRepo();
    try {
      const hooks = join(repo.dir, '.git', 'hooks');
      writeFileSync(join(hooks, 'mine.sh'), '#!/bin/sh\necho mine\n');
      symlinkSync('mine.sh', join(hooks, 'pre-commit'));
      const r = await run(['hook', 'install', '--force'], { NO_COLOR: '1' }, { cwd: repo.dir });
      assert.equal(r.exitCode, 0, r.stderr);
      assert.equal(readFileSync(join(hooks, 'mine.sh'), 'utf8'), '#!/bin/sh\necho mine\n');
      assert.equal(lstatSync(join(hooks, 'pre-commit')).isSymbolicLink(), false);
    } finally {
      repo.remove();
    }
  });

  it('--force keeps numbered backups instead of overwriting pre-commit.backup', async () => {
    const repo = new TempRepo();
    try {
      const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
      writeFileSync(`${hook}.backup`, '#!/bin/sh\necho oldest\n');
      writeFileSync(hook, '#!/bin/sh\necho second\n');
      const r = await run(['hook', 'install', '--force'], { NO_COLOR: '1' }, { cwd: repo.dir });
      assert.equal(r.exitCode, 0, r.stderr);
      assert.equal(readFileSync(`${hook}.backup`, 'utf8'), '#!/bin/sh\necho oldest\n');
      assert.equal(readFileSync(`${hook}.backup.1`, 'utf8'), '#!/bin/sh\necho second\n');
      assert.match(r.stdout, /pre-commit\.backup\.1/);
    } finally {
      repo.remove();
    }
  });
});
