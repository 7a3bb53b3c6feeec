import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

describe('run() usage errors', () => {
  it('never echo a key that was passed where an option was expected', async () => {
    for (const key of [fakeStandardKey(), fakeAuthKey()]) {
      for (const argv of [[`--${key}`], ['explain', `--key=${key}`], ['scan', `-${key}`]]) {
        const result = await run(argv, { NO_COLOR: '1' }, {});
        assert.equal(result.exitCode, 2, argv.join(' '));
        assert.ok(!(result.stdout + result.stderr).includes(key.slice(4, 30)), result.stderr);
      }
    }
  });

  it('an internal error and its GKD_DEBUG stack never echo a key', async () => {
    for (const key of [fakeStandardKey(), fakeAuthKey()]) {
      for (const argv of [
        ['explain', '-'],
        ['--key-stdin', '--offline'],
        ['ask', 'hi', '--key-stdin'],
      ]) {
        const readStdin = async (): Promise<string> => {
          throw new Error(`read failed near ${key}`);
        };
        const result = await run(argv, { NO_COLOR: '1', GKD_DEBUG: '1' }, { readStdin });
        assert.equal(result.exitCode, 2, argv.join(' '));
        assert.match(result.stderr, /internal error: read failed near /);
        assert.match(result.stderr, /\n\s+at /, 'the stack is shown with GKD_DEBUG');
        assert.ok(!result.stderr.includes(key.slice(4, 30)), result.stderr);
      }
    }
  });
});
