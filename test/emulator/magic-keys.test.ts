import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSE_IDS, isCauseId } from '../../src/catalog/cause-id.js';
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
    const serverCauses = CAUSE_IDS.slice(
      CAUSE_IDS.indexOf('key_invalid'),
      CAUSE_IDS.indexOf('server_error') + 1,
    );
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
 * sends the same body (or no public payload exists). Reported to the lead rather than bending the
 * payloads away from reality; the test checks the key's cause is at least among the alternatives,
 * and is a `todo` where it is not.
 */
const AMBIGUOUS: Readonly<Record<string, string>> = {
  // Claimed answer after the standard-key cutoff: byte-identical to API_KEY_INVALID.
  standard_key_rejected: 'same body as key_invalid (400 API_KEY_INVALID)',
  // The 401 ACCESS_TOKEN_TYPE_UNSUPPORTED that maintainers attribute to unrestricted AIza keys.
  standard_key_unrestricted: 'same 401 as a rejected standard key; only the key restrictions tell',
  // The client really sent the key in the header: only a transport-aware context can say "Bearer".
  key_sent_as_bearer: 'same 401 as a rejected key; the body does not say how the key travelled',
  // No public payload exists for a disabled bound service account.
  auth_key_service_account: 'inferred payload (no public sample)',
};

describe('every magic key, classified by explain, yields its own cause', async () => {
  const emulator = await startEmulator({ retryDelaySeconds: 0.01 });
  const httpKeys = MAGIC_KEYS.filter((k) => k.cause !== null && k.http >= 400);
  for (const magic of httpKeys) {
    const ambiguity = AMBIGUOUS[magic.scenario];
    test(`${magic.scenario} → ${magic.cause}`, async (t) => {
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
      if (diagnosis.cause === magic.cause) return;
      if (ambiguity && diagnosis.alternatives.includes(magic.cause!)) return;
      if (ambiguity) {
        t.todo(`classified ${diagnosis.cause}: ${ambiguity}`);
        return;
      }
      assert.equal(diagnosis.cause, magic.cause);
    });
  }
  test('close', async () => {
    await emulator.close();
  });
});
