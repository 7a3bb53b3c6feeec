import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createClient } from '../../src/client/client.js';
import { GeminiRequestError } from '../../src/client/gemini-request-error.js';
import { SecretKey } from '../../src/core/secret-key.js';
import { unsendableKey } from '../../src/core/unsendable-key.js';
import { probeKey } from '../../src/doctor/probe-key.js';
import { fakeAuthKey } from '../support/fake-keys.js';

function fetchAccepts(value: string): boolean {
  try {
    new Headers({ 'x-goog-api-key': value });
    return true;
  } catch {
    return false;
  }
}

describe('unsendableKey', () => {
  test('agrees with what fetch accepts as a header value', () => {
    const chars = fc.constantFrom(
      'A',
      'z',
      '-',
      ' ',
      '\t',
      '\n',
      '\r',
      '\0',
      '\u00a0',
      '\u00ff',
      '\u0100',
      '\u200b',
      '\ufeff',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
        const value = `AQ.${parts.join('')}x`;
        assert.equal(unsendableKey(value) === null, fetchAccepts(value), JSON.stringify(value));
      }),
    );
  });

  test('names the cause and the character, never the key', () => {
    const key = `${fakeAuthKey()}\u200b`;
    const found = unsendableKey(key);
    assert.equal(found?.cause, 'key_invisible_chars');
    assert.match(found?.detail ?? '', /U\+200B/);
    assert.ok(!found?.detail.includes(key.slice(3, 20)));
    assert.equal(unsendableKey(`${key.slice(0, 20)}\n${key.slice(20)}`)?.cause, 'key_whitespace');
  });

  test('the probe and the client report it as a key problem, not a network failure, and send nothing', async () => {
    let sent = 0;
    const countingFetch: typeof fetch = async () => {
      sent++;
      return new Response('{}');
    };
    const key = new SecretKey(`${fakeAuthKey()}\u200b`);
    const outcome = await probeKey(key, { fetch: countingFetch });
    assert.equal(outcome.cause, 'key_invisible_chars');
    const client = createClient({ key, fetch: countingFetch });
    await assert.rejects(client.generate('hi'), (error: unknown) => {
      assert.ok(error instanceof GeminiRequestError);
      assert.equal(error.causeId, 'key_invisible_chars');
      return true;
    });
    assert.equal(sent, 0);
  });
});
