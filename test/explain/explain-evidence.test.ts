import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { statusOnlyCauses } from '../../src/catalog/matchers.js';
import { explain } from '../../src/explain/explain.js';

interface Entry {
  id: string;
  text: string;
}
const SETS = ['real-errors', 'holdout', 'holdout-2', 'holdout-3', 'holdout-4'];
const pastes = SETS.flatMap(
  (name) =>
    JSON.parse(readFileSync(new URL(`../fixtures/explain/${name}.json`, import.meta.url), 'utf8')) as Entry[],
);

describe('explain claims only what its input shows', () => {
  it('every status, RPC status or reason after "Google answered" is in the pasted text', () => {
    const guide = [
      'API key not valid',
      'Request had invalid authentication credentials',
      "Your API key doesn't have the required permissions",
      '401 status code (no body)',
    ];
    for (const text of [...pastes.map((p) => p.text), ...guide]) {
      const { detail } = explain(text);
      for (const m of detail.matchAll(/(?:Google |it )answered ([^.:\]—]{1,120})/g)) {
        // a gRPC code (grpc_status: 9, code = Unauthenticated) stands for its RPC name and HTTP status
        for (const token of m[1]!.match(/\b[45]\d\d\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z]{6,}\b/g) ?? [])
          assert.ok(
            text.toLowerCase().includes(token.toLowerCase()) ||
              /grpc_status|StatusCode\.|rpc error: code =/.test(text),
            `"${token}" claimed for: ${text.slice(0, 80)}`,
          );
      }
    }
  });

  it("the guide's bare 401 does not claim ACCESS_TOKEN_TYPE_UNSUPPORTED, and lists the other readings", () => {
    const r = explain('401 Request had invalid authentication credentials');
    assert.doesNotMatch(`${r.title} ${r.detail}`, /ACCESS_TOKEN_TYPE_UNSUPPORTED/);
    assert.equal(r.cause, 'auth_key_rejected');
    assert.deepEqual(r.alternatives.slice(0, 2), ['key_sent_as_bearer', 'standard_key_rejected']);
    assert.notEqual(r.confidence, 'high');
  });
});

describe("the guide's table rows get the causes its readers expect (2026)", () => {
  const rows: Array<[string, string, string[], RegExp]> = [
    ['400 API key not valid. Please pass a valid API key.', 'key_invalid', ['env_conflict'], /AI Studio/],
    [
      '401 Request had invalid authentication credentials',
      'auth_key_rejected',
      ['key_sent_as_bearer'],
      /x-goog-api-key/,
    ],
    [
      "403 Your API key doesn't have the required permissions",
      'service_disabled',
      ['api_blocked_by_key_restriction'],
      /Enable/,
    ],
    [
      'User location is not supported for the API use.',
      'location_unsupported',
      ['free_tier_unavailable_region'],
      /countr/,
    ],
  ];
  for (const [text, cause, alternatives, fix] of rows) {
    it(`${text.slice(0, 50)} → ${cause}`, () => {
      const r = explain(text);
      assert.equal(r.cause, cause);
      for (const a of alternatives)
        assert.ok(r.alternatives.includes(a as never), `${a} in ${r.alternatives}`);
      assert.match(r.fix.join('\n'), fix);
    });
  }
});

const PHRASE: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
};

describe('status-only input (a client dropped the body)', () => {
  const SURFACES: Array<[string, (status: number) => string, 'native' | 'openai']> = [
    [
      'openai-node',
      (s) => `Error: ${s} status code (no body)\n    at APIError.generate (openai/error.mjs:41:20)`,
      'openai',
    ],
    ['the OpenAI Python client', (s) => `openai.APIStatusError: Error code: ${s}`, 'openai'],
    [
      'httpx',
      (s) => `HTTPStatusError: Client error '${s} ${PHRASE[s]}' for url 'https://example.test/x'`,
      'native',
    ],
    ['axios', (s) => `AxiosError: Request failed with status code ${s}`, 'native'],
  ];
  for (const [surface, text, route] of SURFACES) {
    for (const status of [400, 401, 403, 404, 429]) {
      it(`${surface}, ${status}: low confidence, the surface named, every other cause of ${status} listed, a step that shows the body`, () => {
        const r = explain(text(status));
        assert.equal(r.confidence, 'low');
        assert.equal(r.evidence.httpStatus, status);
        assert.ok(r.missingBody, 'missingBody');
        assert.match(
          r.missingBody.surface ?? '',
          new RegExp(surface.split(' ')[0]!.replace(/[()]/g, ''), 'i'),
        );
        assert.equal(r.fix[0], r.missingBody.nextStep);
        assert.match(r.missingBody.nextStep, /gemini-key-doctor/);
        assert.match(r.missingBody.nextStep, /curl -sS https:\/\/generativelanguage\.googleapis\.com/);
        assert.doesNotMatch(r.missingBody.nextStep, /AIza|AQ\./);
        const ranked = statusOnlyCauses(status, route).filter((c) => c !== r.cause);
        for (const c of ranked) assert.ok([r.cause, ...r.alternatives].includes(c), `${c} listed`);
      });
    }
  }

  it('a status-only 403 is not called "not a key problem" with confidence', () => {
    const r = explain('403 status code (no body)');
    assert.notEqual(r.cause, 'permission_denied_other');
    assert.ok(r.alternatives.includes('key_leaked') && r.alternatives.includes('permission_denied_other'));
  });

  it('a body Google sent is never treated as status-only', () => {
    const r = explain('{"error":{"code":403,"message":"Something new","status":"PERMISSION_DENIED"}}');
    assert.equal(r.missingBody, undefined);
    assert.equal(r.cause, 'permission_denied_other');
  });
});

describe('a "no key" message names the variable to set, and the fix uses it', () => {
  const cases: Array<[string, string]> = [
    [
      "LoadAPIKeyError [AI_LoadAPIKeyError]: Google Generative AI API key is missing. Pass it using the 'apiKey' parameter or the GOOGLE_GENERATIVE_AI_API_KEY environment variable.",
      'GOOGLE_GENERATIVE_AI_API_KEY',
    ],
    [
      'Did not find google_api_key, please add an environment variable `GOOGLE_API_KEY` which contains it, or pass `google_api_key` as a named parameter.',
      'GOOGLE_API_KEY',
    ],
    ['Error: GEMINI_API_KEY is not set', 'GEMINI_API_KEY'],
  ];
  for (const [text, variable] of cases) {
    it(variable, () => {
      const r = explain(text);
      assert.equal(r.cause, 'key_missing');
      assert.equal(r.evidence.variable, variable);
      assert.match(r.fix.join('\n'), new RegExp(`Put it in ${variable}\\b`));
    });
  }
});
