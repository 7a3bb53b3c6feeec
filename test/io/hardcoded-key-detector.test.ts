import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readProjectHygiene } from '../../src/io/read-project-hygiene.js';
import { scan } from '../../src/scan/scan.js';
import { leakStandardKey } from '../scan/_repo.js';

/** Issue 12: the doctor's hard-coded-key check and scan give the same answer (one detector). */
describe("the doctor's hard-coded-key check uses the scanner's detector", () => {
  it('a placeholder is not a hardcoded key, for doctor and scan alike; a real one is, at the same line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gkd-onedetector-'));
    try {
      await writeFile(join(dir, 'index.js'), 'const key = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";\n');
      let facts = await readProjectHygiene(dir, []);
      let scanned = await scan({ cwd: dir });
      assert.deepEqual(facts.hardcoded, []);
      assert.equal(scanned.findings.length, 0);
      assert.equal(scanned.summary.placeholdersIgnored, 1);

      await writeFile(join(dir, 'index.js'), `// one\nconst x = 1;...${leakStandardKey()}\n`);
      facts = await readProjectHygiene(dir, []);
      scanned = await scan({ cwd: dir });
      assert.deepEqual(
        facts.hardcoded.map((h) => [h.file, h.line, h.fingerprint]),
        scanned.findings.map((f) => [f.file, f.line, f.fingerprint]),
      );
      assert.equal(facts.hardcoded.length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
