import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { TempRepo } from './_repo.js';

/** Issue 10, item 12: a FIFO or socket named on the command line is an error, not a silent pass. */
describe('scan of an explicit FIFO or socket', () => {
  for (const git of [true, false]) {
    it(`exits 2 with one line (${git ? 'git' : 'plain folder'})`, async () => {
      const repo = new TempRepo(git);
      const server = createServer();
      try {
        execFileSync('mkfifo', [join(repo.dir, 'pipe')]);
        await new Promise<void>((resolve) => server.listen(join(repo.dir, 'sock'), resolve));
        for (const name of ['pipe', 'sock']) {
          const r = await run(['scan', name], { NO_COLOR: '1' }, { cwd: repo.dir });
          assert.equal(r.exitCode, 2, `${name}: ${r.stdout}${r.stderr}`);
          assert.match(r.stderr, /is a (FIFO|socket), not a file or folder/);
        }
      } finally {
        server.close();
        repo.remove();
      }
    });
  }
});
