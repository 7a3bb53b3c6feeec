import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { readAllCapped } from '../../src/cli/read-stream.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('readAllCapped', () => {
  test('reads a stream whole, multi-byte characters split across chunks included', async () => {
    const bytes = Buffer.from('clé → ✓\n');
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 7), bytes.subarray(7)];
    assert.equal(await readAllCapped(Readable.from(chunks)), 'clé → ✓\n');
  });

  test('an endless stream stops at the cap with a usage error', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    await assert.rejects(readAllCapped(endless, 1024 * 1024), UsageError);
    assert.ok(pulled <= (1024 * 1024) / (64 * 1024) + 2, `read ${pulled} chunks`);
    endless.destroy();
  });
});
