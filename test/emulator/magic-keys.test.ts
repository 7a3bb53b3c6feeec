import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATALOG } from '../../src/catalog/catalog.js';
import { isCauseId } from '../../src/catalog/cause-id.js';
import { type ClassifyContext, classifyHttpResponse } from '../../src/core/classify.js';
import { AUTH_KEY_EXACT, keyKindOf, STANDARD_KEY_EXACT } from '../../src/core/key-material.js';
import { isMagicKey, MAGIC_KEY_PATTERN, MAGIC_KEYS, magicKeyListing } from '../../src/emulator/magic-keys.js';
import { startEmulator } from '../../src/emulator/server.js';

describe('magic keys: shape and convention', () => {
  test('every key is well-formed: AIza + 35, or AQ. + 50, of [A-Za-z0-9_-]', () => {
    for (const { key } of MAGIC_KEYS) {
      assert.ok(STANDARD_KEY_EXACT.test(key) || AUTH_KEY_EXACT.test(key), key);
      if (key.startsWith('AQ.')) assert.equal(key.length, 53);
    }
  });

  test('every key is unmistakably fake: AIzaSyEMU- / AQ.EMU- and a readable slug', () => {
    for (const { key } of MAGIC_KEYS) {
      assert.match(key, /^(AIzaSyEMU-|AQ\.EMU-)[a-z0-9]+(-[a-z0-9]+)*-/);
      assert.ok(isMagicKey(key));
    }
    const text = MAGIC_KEYS.map((k) => `"${k.key}"`).join(',');
    assert.equal(text.match(MAGIC_KEY_PATTERN)?.length, MAGIC_KEYS.length);
  });

  test('keys are unique and stable', () => {
    assert.equal(new Set(MAGIC_KEYS.map((k) => k.key)).size, MAGIC_KEYS.length);
    assert.equal(
      MAGIC_KEYS.find((k) => k.scenario === 'quota_exhausted')?.key,
      'AIzaSyEMU-quota-exhausted-lGsHFVtNzpjQh',
    );
  });

  test('working keys exist in both shapes', () => {
    const working = MAGIC_KEYS.filter((k) => k.cause === null);
    assert.deepEqual(new Set(working.map((k) => keyKindOf(k.key))), new Set(['standard', 'auth']));
  });

  test('every server-side catalog cause has a magic key', () => {
    const serverCauses = Object.values(CATALOG)
      .filter((entry) => entry.category === 'server')
      .map((entry) => entry.id);
    assert.ok(serverCauses.length > 20);
    const covered = new Set(MAGIC_KEYS.map((k) => k.cause));
    assert.deepEqual(
      serverCauses.filter((c) => !covered.has(c)),
      [],
    );
  });

  test('the listing is the public { key, cause, http, description } shape', () => {
    for (const item of magicKeyListing()) {
      assert.deepEqual(Object.keys(item), ['key', 'cause', 'http', 'description']);
      assert.ok(item.cause === null || isCauseId(item.cause));
      assert.equal(typeof item.http, 'number');
      assert.ok(item.description.length > 0);
    }
  });
});

/**
 * Keys whose answer the classifier cannot tell apart from another cause's answer, because Google
 * sends the same body (or no public payload exists): the cause named instead, and the key's own cause
 * must then be among the alternatives.
 */
const SHARED_ANSWER: Readonly<Record<string, { why: string; named: string }>> = {
  standard_key_rejected: { why: 'same body as key_invalid (400 API_KEY_INVALID)', named: 'key_invalid' },
  standard_key_unrestricted: {
    why: 'same 401 ACCESS_TOKEN_TYPE_UNSUPPORTED as a rejected key',
    named: 'standard_key_rejected',
  },
  key_sent_as_bearer: {
    why: 'same 401 as a rejected key; the body does not say how the key travelled',
    named: 'standard_key_rejected',
  },
};

describe('every magic key, classified by explain, yields its own cause', async () => {
  const emulator = await startEmulator({ retryDelaySeconds: 0.01 });
  // the 10 MiB page last: under load the socket it leaves behind can fail the next request
  const httpKeys = MAGIC_KEYS.filter((k) => k.cause !== null && k.http >= 400).sort(
    (a, b) => Number(a.scenario === 'huge_body') - Number(b.scenario === 'huge_body'),
  );
  for (const magic of httpKeys) {
    const shared = SHARED_ANSWER[magic.scenario];
    test(`${magic.scenario} → ${magic.cause}${shared ? ` (or ${shared.named}: ${shared.why})` : ''}`, async () => {
      const res = await fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
        method: 'POST',
        headers: { 'x-goog-api-key': magic.key },
        body: '{"contents":[{"parts":[{"text":"hi"}]}]}',
      });
      // As `explain` sees a pasted answer: the body, the status and the key's kind, nothing about
      // where it was sent (several magic keys stand for "as if the key had gone elsewhere").
      const context: ClassifyContext = { keyKind: keyKindOf(magic.key) };
      const diagnosis = classifyHttpResponse(
        { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() },
        context,
      );
      if (shared === undefined) {
        assert.equal(diagnosis.cause, magic.cause);
        return;
      }
      assert.ok([magic.cause, shared.named].includes(diagnosis.cause), diagnosis.cause);
      if (diagnosis.cause !== magic.cause)
        assert.ok(diagnosis.alternatives.includes(magic.cause!), `${diagnosis.alternatives}`);
    });
  }
  test('close', async () => {
    await emulator.close();
  });
});
