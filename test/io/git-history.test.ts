import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { streamHistoryBlobs } from '../../src/io/git-history.js';
import { TempRepo } from '../scan/_repo.js';

describe('streamHistoryBlobs', () => {
  const repo = new TempRepo();
  after(() => repo.remove());
  // Enough objects that rev-list's output outruns cat-file's input pipe many times over.
  const FILES = 2500;
  for (let i = 0; i < FILES; i++) repo.write(`dir ${i % 10}/fïle-${i}.txt`, `content ${i}\n`);
  repo.commit('many files');
  repo.write('dir 0/fïle-0.txt', 'changed\n');
  repo.commit('one more blob');

  it('hands over every unique blob once, with the UTF-8 path it was first seen at, and no warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const seen = new Map<string, string>();
    try {
      await streamHistoryBlobs(repo.dir, 1024 * 1024, (blob) => {
        assert.ok(!seen.has(blob.sha), 'each blob once');
        seen.set(blob.sha, blob.path);
        const index = /fïle-(\d+)\.txt$/.exec(blob.path)?.[1];
        assert.ok(index !== undefined, blob.path);
        const expected = blob.path === 'dir 0/fïle-0.txt' ? /^(content 0|changed)\n$/ : `content ${index}\n`;
        if (typeof expected === 'string') assert.equal(blob.bytes?.toString('utf8'), expected);
        else assert.match(blob.bytes?.toString('utf8') ?? '', expected);
      });
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on next tick
    } finally {
      process.off('warning', onWarning);
    }
    assert.equal(seen.size, FILES + 1);
    assert.deepEqual(warnings, []);
  });
});
