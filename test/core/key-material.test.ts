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
import { leakedRun } from '../support/leak-check.js';

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

describe('maskKeysInText works on what a reader sees (issue 10, item 1)', () => {
  const keyChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
  const key = fc.oneof(
    fc.array(keyChars, { minLength: 35, maxLength: 35 }).map((tail) => `AIza${tail.join('')}`),
    fc.array(keyChars, { minLength: 50, maxLength: 50 }).map((tail) => `AQ.${tail.join('')}`),
  );
  /** One character of the key, as an attacker or a broken tool may write it. */
  const CYRILLIC: Record<string, string> = {
    A: '\u0410',
    a: '\u0430',
    E: '\u0415',
    e: '\u0435',
    O: '\u041e',
    o: '\u043e',
    p: '\u0440',
    c: '\u0441',
    x: '\u0445',
  };
  const charDisguises: Array<(c: string) => string> = [
    (c) => `${c}\u200b`,
    (c) => `${c}\t`,
    (c) => `\x1b[3${c.charCodeAt(0) % 8}m${c}`,
    (c) => CYRILLIC[c] ?? c,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    (c) => `&#${c.charCodeAt(0)};`,
    (c) => `&#x${c.charCodeAt(0).toString(16)};`,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    (c) => `${c}\u00ad`,
    (c) => (/[A-Za-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c),
    (c) => `${c}\u0301`,
  ];
  it('hides every 12-character run of a random key under random combinations of encodings', () => {
    fc.assert(
      fc.property(
        key,
        fc.array(fc.tuple(fc.nat(60), fc.nat(charDisguises.length - 1)), { maxLength: 8 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (planted, picks, before, after) => {
          const chars = [...planted];
          const done = new Set<number>();
          for (const [at, pick] of picks) {
            const i = at % chars.length;
            if (done.has(i)) continue;
            done.add(i);
            chars[i] = charDisguises[pick]!(chars[i]!);
          }
          const masked = maskKeysInText(`${before} ${chars.join('')} ${after}`);
          assert.equal(leakedRun(masked, planted), undefined, JSON.stringify(masked));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('hides fragments of a known key, and leaves text without keys as it was', () => {
    const planted = fakeStandardKey();
    assert.equal(leakedRun(maskKeysInText(`tail: ${planted.slice(18)}`, [planted]), planted), undefined);
    for (const text of ['100% & done \\n', 'caf\u00e9 \u0410\u0411', 'a\tb\nc'])
      assert.equal(maskKeysInText(text), text);
  });
});
