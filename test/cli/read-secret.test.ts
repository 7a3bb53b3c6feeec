import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import { readSecret } from '../../src/cli/read-secret.js';

/** A terminal stdin: raw mode switches, data events; what was echoed is what `write` got. */
function terminal() {
  const events = new EventEmitter();
  const raw: boolean[] = [];
  return {
    raw,
    type: (text: string) => events.emit('data', text),
    input: {
      setRawMode: (on: boolean) => raw.push(on),
      setEncoding: () => undefined,
      resume: () => undefined,
      pause: () => undefined,
      on: (e: 'data', l: (c: string) => void) => events.on(e, l),
      off: (e: 'data', l: (c: string) => void) => events.off(e, l),
    },
  };
}

describe('--key-stdin on a terminal: a prompt without echo', () => {
  test('a pasted key and Enter: the key, never echoed; raw mode on, then off', async () => {
    const t = terminal();
    let shown = '';
    const answer = readSecret(
      t.input,
      (s) => {
        shown += s;
      },
      'key: ',
    );
    t.type('AQ.FAKE-pasted');
    t.type('x\u007f\r');
    assert.equal(await answer, 'AQ.FAKE-pasted');
    assert.equal(shown, 'key: \n');
    assert.deepEqual(t.raw, [true, false]);
  });

  test('Ctrl-C gives up with an empty answer', async () => {
    const t = terminal();
    const answer = readSecret(t.input, () => undefined, 'key: ');
    t.type('AQ.\u0003');
    assert.equal(await answer, '');
  });
});
