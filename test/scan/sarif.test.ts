import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Log } from 'sarif';
import { renderSarif } from '../../src/scan/render/sarif.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/types.js';
import { leakAuthKey, leakStandardKey, TempRepo } from './_repo.js';

describe('SARIF 2.1.0 for code scanning', () => {
  const repo = new TempRepo();
  const keys = [leakStandardKey(), leakAuthKey()];
  let result: ScanResult;
  before(async () => {
    repo.write('src/dir with space/a.ts', `const GEMINI_API_KEY = "${keys[0]}";\n`);
    repo.write('.env', `K=${keys[1]}\n`);
    repo.commit('one');
    result = await scan({ cwd: repo.dir, history: true });
  });
  after(() => repo.remove());

  it('lists each rule once and points every result at its rule', () => {
    const log = JSON.parse(renderSarif(result)) as Log;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules ?? [];
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    assert.ok(rules.find((r) => r.id === 'gemini-standard-key')?.helpUri?.startsWith('https://'));
    assert.ok((run.results ?? []).length >= 4);
    for (const res of run.results ?? []) {
      assert.equal(rules[res.ruleIndex!]?.id, res.ruleId);
      const location = res.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      assert.ok(!uri.startsWith('/') && !uri.startsWith('file:'), uri);
      assert.equal(location?.artifactLocation?.uriBaseId, '%SRCROOT%');
      assert.ok((location?.region?.startLine ?? 0) >= 1);
      assert.match(res.partialFingerprints?.['geminiKeyDoctor/v1'] ?? '', /^[0-9a-f]{32}$/);
    }
    assert.ok(
      (run.results ?? []).some(
        (r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'src/dir%20with%20space/a.ts',
      ),
    );
  });

  it('keeps partialFingerprints stable when lines move, and never holds a key', async () => {
    const first = renderSarif(result);
    repo.write('src/dir with space/a.ts', `// a comment\n\nconst GEMINI_API_KEY = "${keys[0]}";\n`);
    const moved = renderSarif(await scan({ cwd: repo.dir, history: true }));
    const prints = (text: string) =>
      (JSON.parse(text) as Log).runs[0]!.results!.map(
        (r) => r.partialFingerprints?.['geminiKeyDoctor/v1'],
      ).sort();
    assert.deepEqual(prints(moved), prints(first));
    for (const key of keys) assert.ok(!first.includes(key.slice(4, 30)) && !moved.includes(key.slice(4, 30)));
  });
});
