import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readProjectHygiene } from '../../src/io/read-project-hygiene.js';

/**
 * A folder's own .git/config may name an fsmonitor program; `git ls-files` would run it. The
 * doctor asks git read-only questions in folders it does not trust, so it must never run it.
 */
let dir: string;
const marker = () => join(dir, 'fsmonitor-ran');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-fsmonitor-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  await writeFile(join(dir, '.env'), 'GEMINI_API_KEY=x\n');
  const hook = join(dir, 'hook.sh');
  await writeFile(hook, `#!/bin/sh\ntouch '${marker()}'\n`);
  await chmod(hook, 0o755);
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.env');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x');
  git('config', 'core.fsmonitor', hook);
  await rm(marker(), { force: true });
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readProjectHygiene', { skip: process.platform === 'win32' }, () => {
  test("answers from git without running the repository's fsmonitor hook", async () => {
    const facts = await readProjectHygiene(dir, [join(dir, '.env')]);
    assert.deepEqual(facts.envFiles, [{ file: '.env', ignored: false, tracked: true }]);
    assert.equal(existsSync(marker()), false, 'the fsmonitor program ran');
  });
});
