import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isCauseId } from '../../src/catalog/cause-id.js';
import { explain } from '../../src/explain/explain.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

const LEAKED = JSON.stringify({
  error: {
    code: 403,
    message: 'Your API key was reported as leaked. Please use another API key.',
    status: 'PERMISSION_DENIED',
  },
});

describe('explain', () => {
  it('returns the --json contract with catalog wording', () => {
    const r = explain(LEAKED);
    assert.equal(r.schemaVersion, 1);
    assert.equal(r.cause, 'key_leaked');
    assert.ok(r.title.length > 0 && r.detail.length > 0);
    assert.ok(r.fix.length > 0);
    assert.equal(r.evidence.httpStatus, 403);
    assert.ok(Array.isArray(r.alternatives));
    assert.ok(r.links.every((l) => l.url.startsWith('https://')));
  });

  it('fills fix templates with evidence (activation URL, project)', () => {
    const r = explain(
      'PermissionDenied: 403 Generative Language API has not been used in project 411082643095 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=411082643095 then retry.',
    );
    assert.equal(r.cause, 'service_disabled');
    assert.equal(r.evidence.project, '411082643095');
    assert.ok(r.fix.some((step) => step.includes('411082643095')));
  });

  it('an unrecognised text is unknown, with the masked message as evidence', () => {
    const key = fakeStandardKey();
    const r = explain(`Something odd happened with ${key}`);
    assert.equal(r.cause, 'unknown');
    assert.match(String(r.evidence.message), /Something odd happened/);
    assert.ok(!JSON.stringify(r).includes(key));
  });

  it('survives hostile objects: cycles, throwing getters, revoked proxies, deep nesting, huge strings', () => {
    const cyclic: Record<string, unknown> = { message: 'API key not valid.' };
    cyclic['self'] = cyclic;
    cyclic['error'] = { parent: cyclic };
    assert.equal(explain(cyclic).cause, 'key_invalid');

    const throwing = {
      get message(): string {
        throw new Error('boom');
      },
      status: 429,
    };
    assert.equal(explain(throwing).cause, 'quota_exhausted');

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    assert.equal(explain(proxy).cause, 'unknown');
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    assert.equal(explain(trap).cause, 'unknown');

    let deep: unknown = { message: 'deep' };
    for (let i = 0; i < 100_000; i++) deep = { error: deep };
    assert.ok(isCauseId(explain(deep).cause));

    const huge = `${'x'.repeat(5_000_000)} 429 RESOURCE_EXHAUSTED`;
    assert.ok(isCauseId(explain(huge).cause));
    assert.ok(isCauseId(explain(' '.repeat(3_000_000)).cause));
    assert.ok(isCauseId(explain('\\'.repeat(3_000_000)).cause));
    assert.ok(isCauseId(explain('{"a":'.repeat(300_000)).cause));
    assert.ok(isCauseId(explain(`"message": "${'a'.repeat(2_000_000)}`).cause));
  });
});

describe('explain: properties', () => {
  it('never throws on any string and always names a catalog cause', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const r = explain(text);
        return isCauseId(r.cause) && r.schemaVersion === 1;
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on JSON-ish strings built from error fragments', () => {
    const fragment = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      ':',
      ',',
      '\\',
      '\\n',
      '\n',
      '"error"',
      '"code": 403',
      "'status': 'PERMISSION_DENIED'",
      '"reason": "API_KEY_INVALID"',
      'limit: 0',
      '<html>',
      '│',
      '“',
      'models/',
      'grpc_status:9',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => isCauseId(explain(parts.join('')).cause)),
      { numRuns: 400 },
    );
  });

  it('never throws on any value (objects, arrays, errors)', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 5, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
        (v) => isCauseId(explain(v).cause),
      ),
      { numRuns: 300 },
    );
  });

  it('a key planted anywhere never appears in the result', () => {
    const keyArb = fc
      .constantFrom('standard', 'auth')
      .map((kind) => (kind === 'standard' ? fakeStandardKey() : fakeAuthKey()));
    const wrap = fc.constantFrom(
      (k: string, a: string, b: string): unknown => `${a}${k}${b}`,
      (k: string, a: string): unknown => JSON.stringify({ error: { code: 400, message: `${a} key=${k}` } }),
      (k: string, a: string): unknown => ({ error: { message: a, metadata: { consumer: `api_key:${k}` } } }),
      (k: string, a: string): unknown => new Error(`${a} Authorization: Bearer ${k}`),
      (k: string): unknown => ({ [k]: 'key as a property name' }),
      (k: string, a: string): unknown =>
        JSON.stringify({ error: { message: JSON.stringify({ m: `${a}${k}` }) } }),
      (k: string): unknown => `{"error":{"message":"\\u0041${k.slice(1)} is not valid"}}`,
      (k: string, a: string): unknown => `models/${k}${a} is not found for API version v1beta`,
    );
    fc.assert(
      fc.property(
        keyArb,
        wrap,
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (key, make, a, b) => {
          const out = JSON.stringify(explain(make(key, a, b)));
          return !out.includes(key);
        },
      ),
      { numRuns: 500 },
    );
  });
});
