import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

const LOCATION =
  "400 FAILED_PRECONDITION. {'error': {'code': 400, 'message': 'User location is not supported for the API use.', 'status': 'FAILED_PRECONDITION'}}";

describe('gemini-key-doctor explain', () => {
  it('explains a text argument in plain words: cause, why, numbered fixes, evidence', async () => {
    const r = await run(['explain', LOCATION], {});
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /location_unsupported/);
    assert.match(r.stdout, /Fix:\n\s+1\. /);
    assert.match(r.stdout, /Evidence:/);
    assert.match(r.stdout, /FAILED_PRECONDITION/);
    assert.ok(!r.stdout.includes('\u001b['), 'no colour when not a TTY');
  });

  it('colours only on a TTY', async () => {
    const tty = await run(['explain', LOCATION], {}, { isTTY: true });
    assert.ok(tty.stdout.includes('\u001b['));
    const noColor = await run(['explain', '--no-color', LOCATION], {}, { isTTY: true });
    assert.ok(!noColor.stdout.includes('\u001b['));
  });

  it('--json prints the contract; - reads standard input', async () => {
    const r = await run(['explain', '--json', '-'], {}, { readStdin: async () => LOCATION });
    assert.equal(r.exitCode, 0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(json['schemaVersion'], 1);
    assert.equal(json['cause'], 'location_unsupported');
    for (const field of ['title', 'detail', 'fix', 'evidence', 'alternatives', 'links'])
      assert.ok(field in json, field);
  });

  it('--file reads a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gkd-explain-'));
    await writeFile(join(dir, 'err.txt'), LOCATION);
    const r = await run(['explain', '--json', '--file', 'err.txt'], {}, { cwd: dir });
    assert.equal(r.exitCode, 0);
    assert.equal((JSON.parse(r.stdout) as { cause: string }).cause, 'location_unsupported');
  });

  it('usage errors exit 2 with one line: no input, empty, missing, folder, binary, both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gkd-explain-'));
    await writeFile(join(dir, 'bin.dat'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const cases: Array<[string[], RegExp]> = [
      [['explain'], /nothing to explain/],
      [['explain', '   '], /empty/],
      [['explain', '--file', 'nope.txt'], /no such file/],
      [['explain', '--file', '.'], /not a regular file/],
      [['explain', '--file', 'bin.dat'], /binary/],
      [['explain', '--file', 'bin.dat', 'text'], /not both/],
      [['explain', '--bogus'], /unknown option/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, {}, { cwd: dir });
      assert.equal(r.exitCode, 2, argv.join(' '));
      assert.match(r.stderr, message);
      assert.ok(!r.stderr.includes('    at '), 'no stack trace');
      assert.equal(r.stdout, '');
    }
  });

  it('--help documents the exit codes', async () => {
    const r = await run(['explain', '--help'], {});
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /Exit codes: 0/);
  });

  it('a planted key never reaches stdout or stderr, in text or JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.boolean(),
        fc.string({ maxLength: 30 }),
        async (auth, json, noise) => {
          const key = auth ? fakeAuthKey() : fakeStandardKey();
          const text = `${noise} curl -H "x-goog-api-key: ${key}" → {"error":{"code":400,"message":"API key not valid: ${key}"}}`;
          const argv = json ? ['explain', '--json', text] : ['explain', text];
          const r = await run(argv, {});
          return !r.stdout.includes(key) && !r.stderr.includes(key);
        },
      ),
      { numRuns: 100 },
    );
  });
});
