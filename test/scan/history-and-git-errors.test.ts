import assert from 'node:assert/strict';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { scan } from '../../src/scan/scan.js';
import { leakAuthKey, leakStandardKey, TempRepo } from './_repo.js';

function objectPath(repo: TempRepo, sha: string): string {
  return join(repo.dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2));
}

/** Issue 10, items 10 and 11: every stash entry scanned and named; git errors reported, not fatal. */
describe('history: stashes', () => {
  it('scans every stash entry and names it, tracked changes and untracked files alike', async () => {
    const repo = new TempRepo();
    try {
      repo.write('app.ts', 'export const x = 1;\n');
      repo.commit('start');
      const older = leakStandardKey();
      repo.write('app.ts', `export const GEMINI_API_KEY = "${older}";\n`);
      repo.git('stash', 'push', '-q');
      const untracked = leakAuthKey();
      repo.write('notes.txt', `key ${untracked}\n`);
      repo.git('stash', 'push', '-q', '-u');
      const result = await scan({ cwd: repo.dir, history: true });
      const keys = result.findings
        .filter((f) => f.fingerprint)
        .map((f) => [f.file, f.stash, typeof f.commit === 'string' && f.commit.length === 40])
        .sort();
      assert.deepEqual(keys, [
        ['app.ts', 'stash@{1}', true],
        ['notes.txt', 'stash@{0}', true],
      ]);
      const out = await run(['scan', '--history'], { NO_COLOR: '1' }, { cwd: repo.dir });
      assert.match(out.stdout, /stash@\{1\}/);
      assert.match(out.stdout, /stash@\{0\}/);
    } finally {
      repo.remove();
    }
  });
});

describe('history: git errors', () => {
  it('a corrupt blob is counted as skipped and the all-clear says so', async () => {
    const repo = new TempRepo();
    try {
      repo.write('a.txt', 'hello\n');
      repo.write('b.txt', 'other\n');
      repo.commit('one');
      const blob = repo.git('rev-parse', 'HEAD:a.txt').trim();
      chmodSync(objectPath(repo, blob), 0o644);
      writeFileSync(objectPath(repo, blob), 'garbage');
      const result = await scan({ cwd: repo.dir, history: true, paths: ['b.txt'] });
      assert.equal(result.summary.historySkippedByReason?.unreadable, 1);
      const out = await run(['scan', '--history', 'b.txt'], { NO_COLOR: '1' }, { cwd: repo.dir });
      assert.match(out.stdout, /Skipped 1 history blob: 1 unreadable/);
      assert.match(out.stdout, /No leaked keys in what was scanned \(1 history blob not scanned/);
    } finally {
      repo.remove();
    }
  });

  it('a missing commit object does not stop a plain scan, nor the history scan: it is reported', async () => {
    const repo = new TempRepo();
    try {
      repo.write('a.txt', 'hello\n');
      const first = repo.commit('one');
      const key = leakStandardKey();
      repo.write('b.ts', `const k = "${key}";\n`);
      repo.commit('two');
      rmSync(objectPath(repo, first), { force: true });
      const plain = await run(['scan', '--json'], { NO_COLOR: '1' }, { cwd: repo.dir });
      assert.equal(plain.exitCode, 1, plain.stderr);
      const report = JSON.parse(plain.stdout) as Awaited<ReturnType<typeof scan>>;
      assert.ok(report.findings.some((f) => f.file === 'b.ts'));
      assert.ok(
        report.skipped.some((s) => s.reason === 'unreadable' && /git log/.test(s.file)),
        JSON.stringify(report.skipped),
      );
      const history = await scan({ cwd: repo.dir, history: true });
      // rev-list stops at the missing parent: the work tree is still scanned, the history skip is named.
      assert.ok(history.findings.some((f) => f.file === 'b.ts' && f.source === 'worktree'));
      assert.ok(history.skipped.some((s) => s.source === 'history' && s.reason === 'unreadable'));
    } finally {
      repo.remove();
    }
  });
});
