import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isTerminal, linuxMajor } from '../../src/cli/is-terminal.js';
import { BUILT_CLI } from '../support/built-cli.js';
import { LOADED_BUILTINS_HOOK as HOOK, loadedBuiltins } from '../support/loaded-builtins.js';

const box = mkdtempSync(join(tmpdir(), 'gkd-tty-'));
after(() => rmSync(box, { recursive: true, force: true }));

/** glibc's makedev(), for the device numbers below. */
const makedev = (major: number, minor: number) =>
  ((major & 0xfff) << 8) + (minor & 0xff) + (minor & ~0xff) * 2 ** 12 + (major & ~0xfff) * 2 ** 32;

describe('is-terminal', () => {
  test('linuxMajor reads glibc device numbers', () => {
    assert.equal(linuxMajor(makedev(1, 3)), 1); // /dev/null
    assert.equal(linuxMajor(makedev(136, 0)), 136); // /dev/pts/0
    assert.equal(linuxMajor(makedev(143, 1_000_000)), 143);
    assert.equal(linuxMajor(makedev(4096, 5)), 4096);
  });

  test('a file and /dev/null are no terminal', () => {
    const file = join(box, 'out.txt');
    writeFileSync(file, '');
    for (const path of [file, '/dev/null']) {
      const fd = openSync(path, 'r');
      try {
        assert.equal(isTerminal(fd), false, path);
      } finally {
        closeSync(fd);
      }
    }
  });

  const linux = process.platform === 'linux';
  const scriptTool = spawnSync('script', ['--version']).status === 0;
  const cli = (shell: string) =>
    spawnSync('sh', ['-c', shell], {
      env: { PATH: process.env['PATH'] ?? '', HOME: box, TERM: 'xterm' },
      encoding: 'utf8',
    });
  const command = `node --require ${HOOK} ${BUILT_CLI} explain 'API key not valid. Please pass a valid API key.'`;

  test('the built CLI in a pseudo-terminal: colours, and node:tty never loaded', {
    skip: (!linux || !scriptTool || !existsSync(BUILT_CLI)) && 'needs Linux, script(1) and dist/',
  }, () => {
    const r = cli(`script -qec "${command}" /dev/null`);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(r.stdout.includes('\u001b['), 'coloured output');
    const builtins = loadedBuiltins(r.stdout);
    assert.ok(builtins.length > 0, r.stdout);
    assert.ok(!builtins.includes('tty') && !builtins.includes('net'), builtins.join(' '));
  });

  test('the built CLI writing to /dev/null: node:tty never loaded', {
    skip: (!linux || !existsSync(BUILT_CLI)) && 'needs Linux and dist/',
  }, () => {
    const r = cli(`${command} > /dev/null`);
    assert.equal(r.status, 0, r.stderr);
    const builtins = loadedBuiltins(r.stderr);
    assert.ok(builtins.length > 0, r.stderr);
    assert.ok(!builtins.includes('tty') && !builtins.includes('net'), builtins.join(' '));
  });
});
