import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeStandardKey } from '../support/fake-keys.js';

/** `--html FILE` writes a new file or replaces an earlier report, and never anything else. */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-html-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const doctor = (file: string) => run(['--offline', '--html', file], { HOME: dir }, { cwd: dir });

describe('doctor --html FILE', () => {
  test('a mistyped --html .env keeps the file, exit 2 before any work', async () => {
    const content = `GEMINI_API_KEY=${fakeStandardKey()}\n`;
    await writeFile(join(dir, '.env'), content);
    const r = await doctor('.env');
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /already exists and is not a report/);
    assert.equal(r.stdout, '');
    assert.equal(await readFile(join(dir, '.env'), 'utf8'), content);
  });

  test('a new file is written, and written again over the earlier report', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await doctor('report.html');
      assert.notEqual(r.exitCode, 2, r.stderr);
      assert.match(await readFile(join(dir, 'report.html'), 'utf8'), /^<!doctype html>/);
    }
  });

  test('a FIFO is refused instead of blocking forever', { skip: process.platform === 'win32' }, async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const r = await doctor('pipe');
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /not a regular file/);
  });
});
