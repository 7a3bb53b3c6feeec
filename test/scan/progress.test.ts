import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { TempRepo } from './_repo.js';

describe('scan progress', () => {
  const dir = new TempRepo(false);
  for (let i = 0; i < 400; i++) dir.write(`d${i % 10}/f${i}.txt`, 'plain text\n'.repeat(200));

  it('shows files and MB/s on stderr on a terminal, then clears the line', async () => {
    const out = await run(['scan', '--workers', '0'], {}, { cwd: dir.dir, isTTY: true });
    assert.equal(out.exitCode, 0);
    assert.match(out.stderr, /scanning files: \d+ files, [\d.]+ MB, \d+ MB\/s/);
    assert.ok(out.stderr.endsWith('\r\x1b[K'));
    assert.doesNotMatch(out.stdout, /scanning/);
  });

  it('never shows progress with --format json or sarif, even on a terminal', async () => {
    for (const format of ['json', 'sarif']) {
      const out = await run(['scan', '--format', format], {}, { cwd: dir.dir, isTTY: true });
      assert.equal(out.stderr, '');
      JSON.parse(out.stdout);
    }
    dir.remove();
  });
});
