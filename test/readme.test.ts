import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  loadSectionGenerators,
  README_PATH,
  replaceSection,
  sectionBody,
  updateReadme,
} from '../scripts/readme-sections.js';
import { CAUSE_IDS } from '../src/catalog/cause-id.js';
import { causeTableMarkdown } from '../src/catalog/cause-table.js';

describe('README generated sections', () => {
  it('are all up to date (run `npm run readme` to refresh them)', async () => {
    const readme = await readFile(README_PATH, 'utf8');
    const update = updateReadme(readme, await loadSectionGenerators());
    assert.deepEqual(update.missingMarkers, [], 'generators without README markers');
    assert.deepEqual(update.stale, [], 'stale README sections: run `npm run readme`');
  });

  it('include the cause table with every cause id', async () => {
    const readme = await readFile(README_PATH, 'utf8');
    const body = sectionBody(readme, 'causes') ?? '';
    assert.match(body, /Every cause the tool can name/);
    for (const id of CAUSE_IDS)
      assert.ok(body.includes(`| \`${id}\` |`), `${id} missing from the README table`);
  });
});

describe('readme section helpers', () => {
  const readme = 'intro\n<!-- SECTION:a -->\nold\n<!-- END:a -->\n<!-- SECTION:b -->\n<!-- END:b -->\nend\n';

  it("replace only the text between a section's markers", () => {
    const out = replaceSection(readme, 'a', 'new body');
    assert.equal(
      out,
      'intro\n<!-- SECTION:a -->\nnew body\n<!-- END:a -->\n<!-- SECTION:b -->\n<!-- END:b -->\nend\n',
    );
    assert.equal(replaceSection(readme, 'missing', 'x'), readme);
  });

  it('report stale sections and generators without markers', () => {
    const generators = new Map([
      ['a', () => 'old'],
      ['b', () => 'fresh'],
      ['c', () => 'nowhere'],
    ]);
    const update = updateReadme(readme, generators);
    assert.deepEqual(update.stale, ['b']);
    assert.deepEqual(update.missingMarkers, ['c']);
    assert.deepEqual(updateReadme(update.readme, generators).stale, []);
  });

  it('render a Markdown table with one row per cause', () => {
    const lines = causeTableMarkdown().split('\n');
    assert.equal(lines.length, CAUSE_IDS.length + 2);
    for (const line of lines) assert.equal(line.split(/(?<!\\)\|/).length, 7, line);
  });
});
