import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EmulatorConfigError, parseEmulatorConfig } from '../../src/emulator/config-file.js';
import { parseScenarioSpec } from '../../src/emulator/scenario-sequence.js';
import { fakeStandardKey } from '../support/fake-keys.js';

describe('scenario specs', () => {
  test('ids, repeats and sequences', () => {
    assert.deepEqual(parseScenarioSpec('quota_exhausted*2,ok'), {
      ok: true,
      steps: ['quota_exhausted', 'quota_exhausted', 'ok'],
    });
    assert.deepEqual(parseScenarioSpec(' hang '), { ok: true, steps: ['hang'] });
  });

  test('bad specs say why', () => {
    assert.match((parseScenarioSpec('nope') as { error: string }).error, /unknown scenario "nope"/);
    assert.match((parseScenarioSpec('ok*0') as { error: string }).error, /at least 1/);
    assert.match((parseScenarioSpec('ok*9999,ok') as { error: string }).error, /at most/);
    assert.equal(parseScenarioSpec('').ok, false);
  });
});

describe('emulator config file', () => {
  test('a full valid file', () => {
    const config = parseEmulatorConfig(
      JSON.stringify({
        keys: { 'fp:1a2b3c4d': 'quota_exhausted*2,ok' },
        latencyMs: 50,
        legacyStandardKeys: true,
        retryDelaySeconds: 0.5,
        projectNumber: '987654321098',
      }),
      'emu.json',
    );
    assert.equal(config.latencyMs, 50);
    assert.equal(config.keys?.['fp:1a2b3c4d'], 'quota_exhausted*2,ok');
  });

  test('errors are one line naming the file and field, never the key', () => {
    const key = fakeStandardKey();
    const cases: [string, RegExp][] = [
      ['{', /^emu\.json: not valid JSON/],
      ['[]', /^emu\.json: \(top level\): /],
      ['{"latencyMs": -1}', /^emu\.json: latencyMs: /],
      ['{"extra": 1}', /^emu\.json: \(top level\): .*extra/],
      [
        JSON.stringify({ keys: { [key]: 'no_such_thing' } }),
        /^emu\.json: keys\[entry\]: unknown scenario "no_such_thing"$/,
      ],
    ];
    for (const [text, expected] of cases) {
      assert.throws(
        () => parseEmulatorConfig(text, 'emu.json'),
        (e: unknown) =>
          e instanceof EmulatorConfigError &&
          expected.test(e.message) &&
          !e.message.includes(key) &&
          !e.message.includes('\n'),
        text,
      );
    }
  });

  test('a JSON syntax error names the position, never the text around it (a key may be there)', () => {
    const key = fakeStandardKey();
    for (const text of [
      `{"keys":{"${key}":"ok",}}`,
      `{"keys":{"x${key.slice(4)}" "ok"}}`,
      `{"keys":{"${key.slice(4)}":ok}}`,
    ]) {
      assert.throws(
        () => parseEmulatorConfig(text, 'emu.json'),
        (error: unknown) => {
          assert.ok(error instanceof EmulatorConfigError);
          assert.match(error.message, /^emu\.json: not valid JSON/);
          for (let i = 0; i + 6 <= key.length - 4; i++)
            assert.ok(!error.message.includes(key.slice(4 + i, 10 + i)), error.message);
          return true;
        },
      );
    }
  });

  test('a key written outside "keys" or where a scenario belongs is not repeated', () => {
    const key = fakeStandardKey();
    for (const config of [{ [key]: 'ok' }, { keys: { mine: key } }, { keys: { [key]: 5 } }]) {
      assert.throws(
        () => parseEmulatorConfig(JSON.stringify(config), 'emu.json'),
        (error: unknown) => error instanceof EmulatorConfigError && !error.message.includes(key.slice(4, 30)),
      );
    }
    assert.throws(() => parseEmulatorConfig(JSON.stringify({ [key]: 'ok' }), 'emu.json'), /inside "keys"/);
  });
});
