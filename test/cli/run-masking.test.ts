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
});
