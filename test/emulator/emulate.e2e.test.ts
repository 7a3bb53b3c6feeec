import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { workingMagicKey } from '../../src/emulator/magic-keys.js';
import { BUILT_CLI } from '../support/built-cli.js';

/** The real binary (built by `npm test`'s pretest): first line is the URL, Ctrl-C stops it cleanly. */
const bin = BUILT_CLI;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`emulate --port 0 serves, then exits 0 on ${signal} and frees its port`, {
    skip: !existsSync(bin),
  }, async () => {
    const child = spawn(process.execPath, [bin, 'emulate', '--port', '0'], {
      env: { PATH: process.env['PATH'], NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', () => reject(new Error('exited before printing its URL')));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1beta/models`, { headers: { 'x-goog-api-key': workingMagicKey() } });
    assert.equal(res.status, 200);
    await res.text();
    child.kill(signal);
    assert.equal(await exited, 0);
    await assert.rejects(fetch(`${url}/_emulator/health`));
  });
}
