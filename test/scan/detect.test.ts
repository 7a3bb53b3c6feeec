import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectKeys } from '../../src/core/key-detect/detect.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';
import { leakAuthKey, leakStandardKey, randomKeyChars } from './_repo.js';

const found = (text: string) => detectKeys(text).map((d) => d.secret.reveal());

describe('detectKeys: contexts', () => {
  const key = leakStandardKey();
  const auth = leakAuthKey();
  const cases: Array<[string, string, string, string | undefined]> = [
    ['TS const', `export const GEMINI_API_KEY = "${key}";`, key, 'GEMINI_API_KEY'],
    ['dotenv', `GOOGLE_API_KEY=${auth}\n`, auth, 'GOOGLE_API_KEY'],
    ['shell export', `export GEMINI_API_KEY='${key}'`, key, 'GEMINI_API_KEY'],
    ['URL before &', `fetch("https://x.googleapis.com/v1beta/models?key=${key}&alt=sse")`, key, 'key'],
    ['URL at end', `curl https://x/v1/models?key=${auth}`, auth, 'key'],
    ['Android strings.xml', `<string name="google_api_key">${key}</string>`, key, 'google_api_key'],
    [
      'XML attribute',
      `<meta-data android:name="com.google.android.geo.API_KEY" android:value="${key}"/>`,
      key,
      'com.google.android.geo.API_KEY',
    ],
    ['JSON', `{"apiKey": "${auth}"}`, auth, 'apiKey'],
    ['JSON after \\n', `{"text": "first line\\n${key}"}`, key, undefined],
    ['JSON after \\"', `{"code": "KEY = \\"${key}\\""}`, key, 'KEY'],
    ['right after dots (issue 10, item 12)', `the key...${key} works`, key, undefined],
    ['after a member dot', `obj.${auth}`, auth, undefined],
    ['JSON after \\u003d', `{"q": "key\\u003d${key}"}`, key, 'key'],
    ['URL-encoded =', `redirect=https%3A%2F%2Fx%3Fkey%3D${key}`, key, 'key'],
    ['YAML', `gemini:\n  api_key: ${auth}\n`, auth, 'api_key'],
    ['Python', `client = genai.Client(api_key="${key}")`, key, 'api_key'],
    ['Go :=', `apiKey := "${key}"`, key, 'apiKey'],
    ['Makefile ?=', `GEMINI_API_KEY ?= ${key}`, key, 'GEMINI_API_KEY'],
    ['setProperty', `System.setProperty("gemini.key", "${key}");`, key, 'gemini.key'],
    [
      'notebook',
      JSON.stringify({ cells: [{ source: ['import os\n', `os.environ["GOOGLE_API_KEY"] = "${auth}"\n`] }] }),
      auth,
      'GOOGLE_API_KEY',
    ],
    [
      'minified',
      `${'var a=1,b=2;'.repeat(5000)}const c={key:"${key}"};${'f(a,b);'.repeat(5000)}`,
      key,
      'key',
    ],
    ['end of text', key, key, undefined],
  ];
  for (const [name, text, expected, variable] of cases) {
    it(`finds a key in ${name}`, () => {
      const hits = detectKeys(text);
      assert.deepEqual(
        hits.map((h) => h.secret.reveal()),
        [expected],
      );
      assert.equal(hits[0]?.context.variable, variable);
      // Same answer on raw bytes.
      assert.deepEqual(
        detectKeys(Buffer.from(text)).map((h) => [h.secret.reveal(), h.line, h.column]),
        hits.map((h) => [h.secret.reveal(), h.line, h.column]),
      );
    });
  }

  it('gives 1-based line and column in UTF-16 units, also after multi-byte characters', () => {
    const text = `é中\n  ✓ x = "${key}"`;
    const [hit] = detectKeys(text);
    assert.equal(hit?.line, 2);
    assert.equal(hit?.column, text.split('\n')[1]!.indexOf('AIza') + 1);
    assert.deepEqual(
      detectKeys(Buffer.from(text)).map((h) => [h.line, h.column]),
      [[hit?.line, hit?.column]],
    );
  });

  it('marks Firebase web configs and google-services.json', () => {
    const config = `const firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "demo.firebaseapp.com",\n  projectId: "demo",\n};`;
    assert.equal(detectKeys(config)[0]?.context.firebase, true);
    const services = `{"client":[{"api_key":[{"current_key":"${key}"}]}]}`;
    assert.equal(
      detectKeys(services, { path: 'android/app/google-services.json' })[0]?.context.firebase,
      true,
    );
    assert.equal(detectKeys(`GEMINI_API_KEY=${key}`)[0]?.context.firebase, false);
  });

  it('tells documented test keys apart', () => {
    const hits = detectKeys(`a=${fakeStandardKey()} b=${fakeAuthKey()} c=${key}`);
    assert.deepEqual(
      hits.map((h) => h.testKey),
      [true, true, false],
    );
  });
});

describe('detectKeys: decoys', () => {
  const decoys: Array<[string, string]> = [
    ['too short', `k = "AIza${randomKeyChars(34)}"`],
    ['too long', `k = "AIza${randomKeyChars(36)}"`],
    ['inside a longer token (before)', `k = "x${leakStandardKey()}"`],
    ['inside a longer token (after)', `k = "${leakStandardKey()}Z"`],
    ['auth tail too short', `k = "AQ.${randomKeyChars(20)}"`],
    ['auth tail too long', `k = "AQ.${randomKeyChars(120)}"`],
    ['auth inside a token', `xAQ.${randomKeyChars(50)}`],
    ['placeholder', 'GEMINI_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    ['wrong case', `k = "AIZA${randomKeyChars(35)}"`],
    ['FAQ. in prose', 'See the FAQ. And the AQ. section.'],
  ];
  for (const [name, text] of decoys) {
    it(`ignores ${name}`, () => assert.deepEqual(found(text), []));
  }
});

describe('detectKeys: properties', () => {
  it('finds a key between any two non-key characters, never inside a key-character run', () => {
    const separator = fc.constantFrom(
      ' ',
      '"',
      "'",
      '&',
      '<',
      '>',
      '=',
      ':',
      ',',
      ';',
      '\n',
      '\t',
      '(',
      ')',
      '/',
      '`',
    );
    fc.assert(
      fc.property(
        fc.string(),
        separator,
        separator,
        fc.string(),
        fc.boolean(),
        (pre, left, right, post, isAuth) => {
          const key = isAuth ? leakAuthKey() : leakStandardKey();
          assert.ok(found(`${pre}${left}${key}${right}${post}`).includes(key));
          assert.ok(!found(`${pre}${left}Q${key}${right}${post}`).includes(key));
          assert.ok(!found(`${pre}${left}${key}q${right}${post}`).includes(key));
        },
      ),
    );
  });

  it('never throws and never returns a value that is not a whole key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const hit of detectKeys(text)) {
          assert.match(hit.secret.reveal(), /^(?:AIza[\w-]{35}|AQ\.[\w-]{30,72})$/);
        }
      }),
    );
  });
});
