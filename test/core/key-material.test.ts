import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  AUTH_KEY_IN_TEXT,
  fingerprintOf,
  keyKindOf,
  maskKey,
  maskKeysInText,
  redactSecret,
  STANDARD_KEY_IN_TEXT,
} from '../../src/core/key-material.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

describe('key material', () => {
  it('tells the 2026 key kinds apart', () => {
    assert.equal(keyKindOf(fakeStandardKey()), 'standard');
    assert.equal(keyKindOf(fakeAuthKey()), 'auth');
    assert.equal(keyKindOf('auth_tokens/abc'), 'ephemeral');
    assert.equal(keyKindOf('sk-proj-abc'), 'unknown');
  });

  it('fingerprints as the first 8 hex of SHA-256', () => {
    const key = fakeAuthKey();
    assert.equal(fingerprintOf(key), createHash('sha256').update(key).digest('hex').slice(0, 8));
  });

  it('masks to prefix, ellipsis and the last four characters', () => {
    const key = fakeStandardKey();
    assert.equal(maskKey(key), `AIza…${key.slice(-4)}`);
    const auth = fakeAuthKey();
    assert.equal(maskKey(auth), `AQ.…${auth.slice(-4)}`);
  });

  it('never reveals more than the prefix and four characters of any value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 80 }), (value) => {
        const masked = maskKey(value);
        const visible = masked.replace(/^(AIza|AQ\.|auth_tokens\/)/, '').replace(/…(\(\d+ chars\))?/, '');
        assert.ok(visible.length <= 4, `${JSON.stringify(value)} → ${masked}`);
      }),
    );
  });

  it('masks every key in free text, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (before, after, auth) => {
        const key = auth ? fakeAuthKey() : fakeStandardKey();
        const masked = maskKeysInText(`${before}${key}${after}`);
        assert.ok(!masked.includes(key.slice(4, 30)));
      }),
    );
  });

  it('finds keys at text boundaries but not inside longer tokens', () => {
    const key = fakeStandardKey();
    const auth = fakeAuthKey();
    const find = (text: string) =>
      [...text.matchAll(STANDARD_KEY_IN_TEXT), ...text.matchAll(AUTH_KEY_IN_TEXT)].map((m) => m[0]);
    assert.deepEqual(find(`https://x/?key=${key}&alt=sse`), [key]);
    assert.deepEqual(find(`<string name="k">${auth}</string>`), [auth]);
    assert.deepEqual(find(`"k":"${key}\\n"`), [key]);
    assert.deepEqual(find(`x${key}A`), []);
    assert.deepEqual(find(`${key}9`), []);
  });

  it('redactSecret hides a known secret whatever its shape, and fragments of it', () => {
    const key = fakeStandardKey();
    const odd = `"${key.slice(4)}'`;
    for (const secret of [key, odd, fakeAuthKey()]) {
      const text = `a ${secret} b ${encodeURIComponent(secret)} c ${secret.slice(3, 20)} d ${secret.slice(-13)}`;
      const out = redactSecret(text, secret);
      for (let i = 0; i + 12 <= secret.length; i++) assert.ok(!out.includes(secret.slice(i, i + 12)), out);
      assert.ok(out.startsWith('a ') && out.includes(' d '), out);
    }
    assert.equal(redactSecret('nothing here', key), 'nothing here');
    assert.equal(redactSecret('short abc', 'abc'), 'short abc');
  });

  it('maskKeysInText hides keys with invisible characters inside or a lowercased prefix', () => {
    const key = fakeStandardKey();
    const auth = fakeAuthKey();
    for (const text of [
      `bad ${key.slice(0, 7)}\u200b${key.slice(7)}.`,
      `bad ${key.slice(0, 5)}\ufeff${key.slice(5, 20)}\u00ad${key.slice(20)}`,
      `key: ${key.toLowerCase().slice(0, 4)}${key.slice(4)} end`,
      `token AQ.\u2060${auth.slice(3)} end`,
    ]) {
      const out = maskKeysInText(text);
      assert.ok(!out.includes(key.slice(-20, -4)) && !out.includes(auth.slice(-20, -4)), out);
      assert.ok(out.endsWith(text.slice(-4)), out);
    }
    assert.equal(maskKeysInText('Aizawa said hi'), 'Aizawa said hi');
  });
});
