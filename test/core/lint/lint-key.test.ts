import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintKey } from '../../../src/core/lint/lint-key.js';
import type { ClientId, KeyCandidate } from '../../../src/core/project-snapshot.js';
import { SecretKey } from '../../../src/core/secret-key.js';
import { fakeAuthKey, fakeStandardKey } from '../../support/fake-keys.js';

function lint(value: string, usedBy: ClientId[] = ['gemini-cli'], sources = ['env:GEMINI_API_KEY']) {
  const candidate: KeyCandidate = { key: new SecretKey(value), sources, usedBy };
  const findings = lintKey(candidate);
  const json = JSON.stringify(findings);
  // Canary: a fake key never appears, nor a 12-character run of it past its public prefix.
  if (value.includes('FAKE'))
    for (let i = 4; i + 12 <= value.length; i += 6)
      assert.ok(!json.includes(value.slice(i, i + 12)), 'key material leaked');
  return findings;
}
const causes = (value: string, usedBy?: ClientId[]) => lint(value, usedBy).map((f) => f.cause);

describe('lintKey: the key kinds of 2026', () => {
  it('an auth key of the observed shape passes', () => {
    const [f] = lint(fakeAuthKey());
    assert.equal(f?.status, 'pass');
    assert.equal(f?.cause, null);
    assert.match(f?.title ?? '', /auth key/);
  });

  it('a standard key is a warning with a migration path, not a failure', () => {
    const findings = lint(fakeStandardKey());
    assert.deepEqual(
      findings.map((f) => [f.cause, f.status]),
      [['key_standard_retired', 'warn']],
    );
    assert.ok(findings[0]?.fix.some((step) => /auth key/.test(step)));
  });

  it('an ephemeral token is the wrong credential for REST', () => {
    const [f] = lint('auth_tokens/abcdefghijklmnop');
    assert.equal(f?.cause, 'key_wrong_credential');
    assert.match(f?.detail ?? '', /Live API/);
  });
});

describe('lintKey: what sticks to a key', () => {
  const key = fakeAuthKey();

  it('whitespace: trailing newline, leading space, inner space — with positions', () => {
    const trailing = lint(`${key}\n`, ['gemini-cli']);
    assert.equal(trailing[0]?.cause, 'key_whitespace');
    // fetch trims header values, so a trailing newline breaks no Node client: the catalog's warning.
    assert.equal(trailing[0]?.status, 'warn');
    assert.match(trailing[0]?.detail ?? '', /U\+000A LINE FEED \(newline\) at position 54/);
    const trimmedOnly = lint(`${key}\n`, ['@google/genai']);
    assert.equal(trimmedOnly.find((f) => f.cause === 'key_whitespace')?.status, 'warn');
    const inner = lint(`${key.slice(0, 10)} ${key.slice(10)}`, ['@google/genai']);
    assert.equal(inner.find((f) => f.cause === 'key_whitespace')?.status, 'fail');
    assert.match(inner[0]?.detail ?? '', /U\+0020 SPACE at position 11/);
  });

  it('invisible and non-ASCII characters are reported by code point and position only', () => {
    const cases: [string, RegExp][] = [
      [`${key.slice(0, 11)}\u200b${key.slice(11)}`, /U\+200B ZERO WIDTH SPACE at position 12/],
      [`${key}\u00a0`, /U\+00A0 NO-BREAK SPACE at position 54/],
      [`\ufeff${key}`, /U\+FEFF ZERO WIDTH NO-BREAK SPACE \(byte-order mark\) at position 1/],
      [`${key.slice(0, 20)}\u00ad${key.slice(20)}`, /U\+00AD SOFT HYPHEN at position 21/],
      [
        `${key.slice(0, 5)}\u0410${key.slice(6)}`,
        /U\+0410 Cyrillic letter \(looks like a Latin one\) at position 6/,
      ],
    ];
    for (const [value, pattern] of cases) {
      const f = lint(value).find((x) => x.cause === 'key_invisible_chars');
      assert.ok(f, `no finding for ${pattern}`);
      assert.match(f.detail, pattern);
      const sightings = f.evidence['characters'] as { position: number; index: number; codePoint: string }[];
      assert.equal(sightings[0]?.index, (sightings[0]?.position ?? 0) - 1);
    }
  });

  it('quotes: straight, smart, unmatched and doubled → key_quoted', () => {
    for (const value of [
      `"${key}"`,
      `\u201c${key}\u201d`,
      `\u2018${key}\u2019`,
      `"${key}`,
      `'"${key}"'`,
      `${key}'`,
    ]) {
      assert.ok(causes(value).includes('key_quoted'), value.slice(0, 2));
    }
    assert.match(
      lint(`\u201c${key}\u201d`)[0]?.detail ?? '',
      /U\+201C LEFT DOUBLE QUOTATION MARK at position 1; U\+201D RIGHT DOUBLE QUOTATION MARK at position 55/,
    );
    assert.ok(!causes(`"${key}"`).includes('key_malformed'), 'the key inside the quotes is fine');
  });

  it('placeholders', () => {
    for (const value of [
      'your_api_key_here',
      'YOUR_API_KEY',
      '<YOUR_KEY>',
      'xxx',
      'xxxxxxxxxxxx',
      'changeme',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an unexpanded variable is the point of the test
      '${GEMINI_API_KEY}',
      '$GEMINI_API_KEY',
      'undefined',
      'null',
      '"your-gemini-api-key"',
      'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      '{{ secrets.GEMINI_API_KEY }}',
      'paste-your-key-here',
    ]) {
      assert.deepEqual(causes(value), ['key_placeholder'], value);
    }
    for (let i = 0; i < 200; i++) assert.ok(!causes(fakeAuthKey()).includes('key_placeholder'));
  });

  it('truncation, doubling and extra characters → key_malformed', () => {
    const std = fakeStandardKey();
    const shapes: [string, string][] = [
      [std.slice(0, 38), 'truncated'],
      [`${std}x`, 'too_long'],
      [`${std}${std}`, 'doubled'],
      [`${key}${key}`, 'doubled'],
      [key.slice(0, 30), 'truncated'],
      [`${std.slice(0, 20)}+${std.slice(21)}`, 'characters'],
      [`Alza${std.slice(4)}`, 'prefix'],
      [`AQ${key.slice(3)}`, 'prefix'],
      ['AIzaSyB1…9xZ4', 'masked_copy'],
      ['totally-not-a-key-1234567890', 'unknown_shape'],
    ];
    for (const [value, reason] of shapes) {
      const f = lint(value).find((x) => x.cause === 'key_malformed');
      assert.equal(f?.evidence['reason'], reason, reason);
    }
    const odd = lint(`${key}ab`).find((x) => x.cause === 'key_malformed');
    assert.equal(odd?.status, 'warn', 'an unusual auth-key length is a heuristic warning');
  });

  it('credentials of another kind → key_wrong_credential, naming only the kind', () => {
    const others: [string, RegExp][] = [
      [`sk-proj-${'a1B2'.repeat(10)}`, /OpenAI project/],
      [`sk-${'a1B2'.repeat(10)}`, /OpenAI-style/],
      [`sk-ant-api03-${'a1B2'.repeat(10)}`, /Anthropic/],
      [`ya29.${'a1B2'.repeat(10)}`, /OAuth access token/],
      [`eyJhbGciOiJIUzI1NiJ9.${'a1B2'.repeat(5)}.sig`, /JWT/],
      ['{"type": "service_account", "project_id": "p"}', /service-account JSON/],
      ['/home/dev/keys/sa.json', /path to a JSON file/],
      [`ghp_${'a1B2'.repeat(10)}`, /GitHub/],
      ['GOCSPX-abcdefghijkl', /OAuth client secret/],
    ];
    for (const [value, kind] of others) {
      const [f] = lint(value);
      assert.equal(f?.cause, 'key_wrong_credential', value.slice(0, 8));
      assert.match(String(f?.evidence.credentialKind), kind);
    }
  });

  it('names the source and the clients, and fingerprints the key', () => {
    const candidate: KeyCandidate = {
      key: new SecretKey(`${key} `),
      sources: ['file:.env:GEMINI_API_KEY'],
      usedBy: ['gemini-cli', 'dotenv'],
    };
    const [f] = lintKey(candidate);
    assert.equal(f?.evidence.file, '.env');
    assert.equal(f?.evidence.variable, 'GEMINI_API_KEY');
    assert.deepEqual(f?.keys, [candidate.key.fingerprint]);
    assert.deepEqual(f?.clients, ['gemini-cli', 'dotenv']);
  });
});

describe('lintKey: keys no client sends', () => {
  it('are reported as warnings, not failures', () => {
    const candidate: KeyCandidate = {
      key: new SecretKey('your-api-key'),
      sources: ['file:.env.production:GEMINI_API_KEY'],
      usedBy: [],
    };
    const [f] = lintKey(candidate);
    assert.equal(f?.cause, 'key_placeholder');
    assert.equal(f?.status, 'warn');
  });
});
