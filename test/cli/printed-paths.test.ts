import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { leakAuthKey, leakStandardKey, TempRepo } from '../scan/_repo.js';
import { assertNoLeak } from '../support/leak-check.js';

/** Issue 10, items 4 and 13: every printed path masks keys and escapes control characters. */
describe('paths in every output', () => {
  const repos: TempRepo[] = [];
  after(() => {
    for (const repo of repos) repo.remove();
  });

  for (const git of [true, false]) {
    it(`scan (${git ? 'git' : 'plain folder'}): keys in folder and file names are masked in text, JSON, SARIF and root`, async () => {
      const folderKey = leakStandardKey();
      const fileKey = leakAuthKey();
      const content = leakStandardKey();
      const repo = new TempRepo(git);
      repos.push(repo);
      repo.write(`cfg/${folderKey}/${fileKey}.ts`, `const GEMINI_API_KEY = "${content}";\n`);
      repo.write(`cfg/${folderKey}/bin-${fileKey}.dat`, Buffer.from([0, 1, 2, 0]));
      if (git) repo.commit('init');
      const inside = join(repo.dir, 'cfg', folderKey);
      for (const cwd of [repo.dir, inside]) {
        for (const format of ['text', 'json', 'sarif']) {
          const r = await run(['scan', '--format', format, '--verbose', '.'], { NO_COLOR: '1' }, { cwd });
          assert.equal(r.exitCode, 1, r.stderr);
          assertNoLeak(folderKey, r.stdout, r.stderr);
          assertNoLeak(fileKey, r.stdout, r.stderr);
          assertNoLeak(content, r.stdout, r.stderr);
        }
      }
    });
  }

  it('a newline in a tracked file name cannot forge the all-clear line', async () => {
    const repo = new TempRepo();
    repos.push(repo);
    repo.write('z\n\n✓ No leaked keys.\n.txt', `key = "${leakStandardKey()}"\n`);
    repo.write('tab\there.txt', `key = "${leakStandardKey()}"\n`);
    repo.commit('init');
    const r = await run(['scan'], { NO_COLOR: '1' }, { cwd: repo.dir });
    assert.equal(r.exitCode, 1);
    const lines = r.stdout.split('\n');
    assert.ok(!lines.some((line) => line.trim().startsWith('✓')), r.stdout);
    assert.ok(r.stdout.includes('z\\u000a\\u000a'), r.stdout);
    assert.ok(r.stdout.includes('tab\\u0009here'), r.stdout);
  });

  it('doctor: a key in the project folder name is masked in the header, JSON and HTML', async () => {
    const folderKey = leakStandardKey();
    const repo = new TempRepo(false);
    repos.push(repo);
    const project = join(repo.dir, folderKey);
    mkdirSync(project);
    writeFileSync(join(project, '.env'), 'GEMINI_API_KEY=\n');
    for (const format of [[], ['--json'], ['--html'], ['--verbose']]) {
      const r = await run(['--offline', ...format], { HOME: repo.dir, NO_COLOR: '1' }, { cwd: project });
      assert.ok(r.stdout.length > 0, r.stderr);
      assertNoLeak(folderKey, r.stdout, r.stderr);
    }
  });

  it('emulate --config and scan --baseline name a missing file masked, exit 2', async () => {
    const key = leakStandardKey();
    for (const argv of [
      ['emulate', '--config', `/nonexist/${key}`],
      ['scan', '--baseline', `/nonexist/${key}`],
      ['scan', `/nonexist/${key}`],
    ]) {
      const r = await run(argv, { NO_COLOR: '1' }, {});
      assert.equal(r.exitCode, 2, `${argv.join(' ')}: ${r.stderr}`);
      assertNoLeak(key, r.stdout, r.stderr);
    }
  });
});
