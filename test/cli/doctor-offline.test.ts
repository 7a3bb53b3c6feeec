import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-doctor-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha8 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 8);

describe('doctor --offline through run()', () => {
  test('no key at all: one JSON document, key_missing, exit 1', async () => {
    const r = await run(['--offline', '--json', '--cwd', dir], { HOME: dir });
    assert.equal(r.exitCode, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.ok, false);
    assert.deepEqual(report.keys, []);
    assert.ok(report.findings.some((f: { cause: string }) => f.cause === 'key_missing'));
    for (const f of report.findings) {
      assert.equal(typeof f.check, 'string');
      assert.ok(['pass', 'warn', 'fail', 'skip'].includes(f.status));
      assert.ok('cause' in f);
      assert.ok(Array.isArray(f.fix));
    }
  });

  test('a key in the environment: keys[] carries source, kind, masked, fingerprint, usedBy', async () => {
    const key = fakeAuthKey();
    const r = await run(['--offline', '--json', '--cwd', dir], { HOME: dir, GEMINI_API_KEY: key });
    const report = JSON.parse(r.stdout);
    const k = report.keys[0];
    assert.equal(k.source, 'env:GEMINI_API_KEY');
    assert.equal(k.kind, 'auth');
    assert.equal(k.fingerprint, sha8(key));
    assert.ok(k.usedBy.includes('gemini-cli'));
    assert.ok(!k.masked.includes(key.slice(4, 20)));
  });

  test('a canary key never appears in text, verbose, JSON or HTML output', async () => {
    const canary = fakeStandardKey();
    const other = fakeAuthKey();
    const project = join(dir, 'canary');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, '.env'), `GEMINI_API_KEY="${other}"\n`);
    await writeFile(join(project, 'index.js'), `const key = "${canary}";\n`);
    const env = { HOME: dir, GOOGLE_API_KEY: canary };
    const htmlFile = join(project, 'report.html');
    for (const args of [
      [],
      ['--verbose'],
      ['--json'],
      ['--html'],
      ['--html', htmlFile],
      ['--verbose', '--no-color'],
    ]) {
      const r = await run(['--offline', '--cwd', project, ...args], env, { isTTY: true });
      for (const secret of [canary, other]) {
        assert.ok(!r.stdout.includes(secret.slice(4)), `stdout of ${args.join(' ')}`);
        assert.ok(!r.stderr.includes(secret.slice(4)), `stderr of ${args.join(' ')}`);
      }
    }
    const html = await readFile(htmlFile, 'utf8');
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(!html.includes(canary.slice(4)) && !html.includes(other.slice(4)));
  });

  test('--key-stdin probes only the key from standard input', async () => {
    const key = fakeAuthKey();
    const r = await run(
      ['--offline', '--json', '--key-stdin', '--cwd', dir],
      { HOME: dir, GEMINI_API_KEY: fakeAuthKey() },
      {
        readStdin: async () => `${key}\n`,
      },
    );
    const report = JSON.parse(r.stdout);
    assert.equal(report.keys.length, 1);
    assert.equal(report.keys[0].source, 'stdin');
    assert.equal(report.keys[0].fingerprint, sha8(key));
  });

  test('--key-env NAME probes only that variable', async () => {
    const key = fakeAuthKey();
    const r = await run(['--offline', '--json', '--key-env', 'MY_KEY', '--cwd', dir], {
      HOME: dir,
      MY_KEY: key,
    });
    const report = JSON.parse(r.stdout);
    assert.deepEqual(
      report.keys.map((k: { source: string }) => k.source),
      ['env:MY_KEY'],
    );
  });

  test('usage mistakes exit 2 with one line and no stack', async () => {
    for (const args of [
      ['--no-such-option'],
      ['--timeout', 'soon'],
      ['--cwd', join(dir, 'nope')],
      ['--base-url', 'ftp://example.com'],
      ['--key-env', 'UNSET_VARIABLE_X'],
      ['--json', '--html'],
    ]) {
      const r = await run(args, { HOME: dir });
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.ok(!/\n\s+at /.test(r.stderr), args.join(' '));
    }
  });

  test('the text report is a checklist with a summary line; colour only when asked', async () => {
    const plain = await run(['--offline', '--cwd', dir], { HOME: dir, GEMINI_API_KEY: fakeAuthKey() });
    assert.match(plain.stdout, /✓ /);
    assert.match(plain.stdout, /\d+ passed, \d+ warnings?, \d+ failed/);
    assert.ok(!plain.stdout.includes('\u001b['));
    const tty = await run(
      ['--offline', '--cwd', dir],
      { HOME: dir, GEMINI_API_KEY: fakeAuthKey() },
      { isTTY: true },
    );
    assert.ok(tty.stdout.includes('\u001b['));
  });
});
