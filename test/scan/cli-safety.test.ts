import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { leakStandardKey, TempRepo } from './_repo.js';

/** What `scan` must never do to the user: overwrite their files, run their repo's programs, or let file names drive the terminal. */
const repos: TempRepo[] = [];
after(() => {
  for (const repo of repos) repo.remove();
});

function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}

const scan = (dir: string, ...args: string[]) => run(['scan', '--cwd', dir, ...args], { NO_COLOR: '1' }, {});

describe('scan keeps the user safe', () => {
  it('refuses to write --output over a file that is not a scan report', async () => {
    const r = repo()
      .write('.env', 'GEMINI_API_KEY=keep-me\n')
      .write('app.js', `k = "${leakStandardKey()}";\n`);
    const result = await scan(r.dir, '--output', '.env');
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /not a report; not overwriting/);
    assert.equal(readFileSync(join(r.dir, '.env'), 'utf8'), 'GEMINI_API_KEY=keep-me\n');
  });

  it('writes --output to a new file and replaces its own earlier report', async () => {
    const r = repo().write('app.js', `k = "${leakStandardKey()}";\n`);
    for (const format of ['json', 'sarif', 'text']) {
      const out = `report.${format}`;
      assert.equal((await scan(r.dir, '--format', format, '--output', out)).exitCode, 1);
      assert.equal((await scan(r.dir, '--format', format, '--output', out)).exitCode, 1, `${format} rewrite`);
    }
  });

  it('refuses to write --write-baseline over a file that is not a baseline', async () => {
    const r = repo().write('notes.json', '{"mine": true}\n').write('app.js', `k = "${leakStandardKey()}";\n`);
    const result = await scan(r.dir, '--write-baseline', 'notes.json');
    assert.equal(result.exitCode, 2);
    assert.equal(readFileSync(join(r.dir, 'notes.json'), 'utf8'), '{"mine": true}\n');
    assert.equal((await scan(r.dir, '--write-baseline', 'baseline.json')).exitCode, 1);
    assert.equal(
      (await scan(r.dir, '--write-baseline', 'baseline.json')).exitCode,
      1,
      'its own baseline is replaced',
    );
  });

  it("never runs the scanned repository's core.fsmonitor program", async () => {
    const r = repo().write('app.js', `k = "${leakStandardKey()}";\n`);
    const marker = join(r.dir, 'fsmonitor-ran');
    r.write('monitor.sh', `#!/bin/sh\ntouch '${marker}'\n`);
    chmodSync(join(r.dir, 'monitor.sh'), 0o755);
    r.commit('init');
    r.git('config', 'core.fsmonitor', join(r.dir, 'monitor.sh'));
    await scan(r.dir);
    await scan(r.dir, '--history');
    await scan(r.dir, '--staged');
    assert.equal(existsSync(marker), false);
  });

  it('prints control characters in file names as visible escapes', async () => {
    const r = repo().write('evil\u001b]0;pwned\u0007.js', `k = "${leakStandardKey()}";\n`);
    const result = await scan(r.dir);
    assert.equal(result.exitCode, 1);
    assert.ok(!result.stdout.includes('\u001b'), 'raw ESC reached the terminal');
    assert.match(result.stdout, /evil\\u001b/);
  });
});
