import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';
import { assertNoLeak, KEY_DISGUISES } from '../support/leak-check.js';

describe('explain masks a key whatever foreign character sits in or around it (issue 10, item 1)', () => {
  for (const [name, disguise] of Object.entries(KEY_DISGUISES)) {
    it(`${name}: text, --json, stdin and argument input`, async () => {
      for (const key of [fakeStandardKey(), fakeAuthKey()]) {
        const pasted = `API key not valid. Please pass a valid API key. key=${disguise(key)} (400)`;
        const env = { NO_COLOR: '1' };
        const outputs: string[] = [];
        for (const json of [false, true]) {
          const flags = json ? ['--json'] : [];
          const byArg = await run(['explain', ...flags, pasted], env, {});
          const byStdin = await run(['explain', ...flags, '-'], env, { readStdin: async () => pasted });
          outputs.push(byArg.stdout, byArg.stderr, byStdin.stdout, byStdin.stderr);
        }
        assertNoLeak(key, ...outputs);
      }
    });
  }
});
