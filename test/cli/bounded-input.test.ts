import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { lintKey, MAX_SIGHTINGS_LISTED } from '../../src/core/lint/lint-key.js';
import { SecretKey } from '../../src/core/secret-key.js';
import { fakeStandardKey } from '../support/fake-keys.js';

/** Issue 10, items 5 and 6: bounded work on any input, a one-line error and exit 2 beyond the caps. */
describe('bounded input', () => {
  it('a megabyte of random bytes on --key-stdin ends in one line and exit 2', async () => {
    const junk = randomBytes(1024 * 1024).toString('latin1');
    for (const argv of [
      ['--key-stdin', '--offline', '--json'],
      ['ask', 'hi', '--key-stdin'],
    ]) {
      const r = await run(argv, { NO_COLOR: '1', HOME: '/nonexistent' }, { readStdin: async () => junk });
      assert.equal(r.exitCode, 2, argv.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 2, r.stderr.slice(0, 500));
      assert.match(r.stderr, /--key-stdin: standard input holds \d+ characters/);
    }
  });

  it('the lint evidence lists the first odd characters, then counts the rest', () => {
    const key = fakeStandardKey();
    const value = `${key.slice(0, 4)}${'\u200b'.repeat(30_000)}${key.slice(4)}`;
    const findings = lintKey({
      key: new SecretKey(value),
      sources: ['stdin'],
      usedBy: [],
    } as unknown as Parameters<typeof lintKey>[0]);
    const invisible = findings.find((f) => f.cause === 'key_invisible_chars');
    assert.ok(invisible, JSON.stringify(findings).slice(0, 300));
    const evidence = invisible.evidence as { characters: unknown[]; moreCharacters?: number };
    assert.equal(evidence.characters.length, MAX_SIGHTINGS_LISTED);
    assert.equal(evidence.moreCharacters, 30_000 - MAX_SIGHTINGS_LISTED);
    assert.ok(JSON.stringify(findings).length < 20_000);
    assert.match(invisible.detail ?? '', /and 29994 more/);
  });

  it('a 60 000-character key with odd characters gives a small report', async () => {
    const value = `AIza${'\u00a0\u200b"\t'.repeat(15_000)}`;
    // An empty folder: no project to read besides the key.
    const cwd = mkdtempSync(join(tmpdir(), 'gkd-bounded-'));
    const r = await run(
      ['--key-stdin', '--offline', '--json'],
      { NO_COLOR: '1', HOME: '/nonexistent' },
      { readStdin: async () => value, cwd },
    ).finally(() => rmSync(cwd, { recursive: true, force: true }));
    assert.ok(r.stdout.length < 100_000, `${r.stdout.length} bytes`);
  });

  it('scan --workers 99999 is refused with exit 2; a large count within range is capped', async () => {
    const r = await run(['scan', '--workers', '99999'], { NO_COLOR: '1' }, { cwd: process.cwd() });
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /--workers must be an integer from 0 to 256/);
    for (const value of ['-1', 'abc', '1e3']) {
      assert.equal((await run(['scan', '--workers', value], {}, {})).exitCode, 2, value);
    }
  });
});
