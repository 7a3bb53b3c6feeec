import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAX_ENV_FILE_BYTES, readFileSnapshot, readProject } from '../../src/io/read-project.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-read-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFileSnapshot: what a loader would meet', () => {
  test('a file, a missing path, a directory', async () => {
    await writeFile(join(dir, 'a.env'), 'A=1\n');
    await mkdir(join(dir, 'venv.env'));
    assert.deepEqual(await readFileSnapshot(join(dir, 'a.env')), {
      kind: 'file',
      bytes: new Uint8Array(Buffer.from('A=1\n')),
    });
    assert.deepEqual(await readFileSnapshot(join(dir, 'none.env')), { kind: 'missing' });
    assert.deepEqual(await readFileSnapshot(join(dir, 'venv.env')), { kind: 'directory' });
    assert.deepEqual(await readFileSnapshot(join(dir, 'a.env', 'child')), { kind: 'missing' });
  });

  test('a symlink is followed; a symlink loop is unreadable, not a hang', async () => {
    await writeFile(join(dir, 'target.env'), 'B=2\n');
    await symlink(join(dir, 'target.env'), join(dir, 'link.env'));
    await symlink(join(dir, 'loop-b'), join(dir, 'loop-a'));
    await symlink(join(dir, 'loop-a'), join(dir, 'loop-b'));
    assert.equal((await readFileSnapshot(join(dir, 'link.env'))).kind, 'file');
    assert.deepEqual(await readFileSnapshot(join(dir, 'loop-a')), {
      kind: 'unreadable',
      reason: 'symbolic link loop',
    });
  });

  test('a huge file is refused, a FIFO is not read (it could block forever)', async () => {
    await writeFile(join(dir, 'big.env'), Buffer.alloc(MAX_ENV_FILE_BYTES + 1, 0x41));
    assert.equal((await readFileSnapshot(join(dir, 'big.env'))).kind, 'unreadable');
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'fifo.env')]);
      assert.deepEqual(await readFileSnapshot(join(dir, 'fifo.env')), {
        kind: 'unreadable',
        reason: 'not a regular file',
      });
    }
  });

  test('readProject snapshots exactly the paths asked for, with env and home', async () => {
    const snapshot = await readProject({
      env: { HOME: dir, X: '1' },
      cwd: dir,
      paths: (cwd, home) => [join(cwd, 'a.env'), join(home, 'none.env')],
    });
    assert.equal(snapshot.home, dir);
    assert.equal(snapshot.env['X'], '1');
    assert.deepEqual([...snapshot.files.keys()], [join(dir, 'a.env'), join(dir, 'none.env')]);
  });
});
