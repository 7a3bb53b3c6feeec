import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { classify, classifyHttpResponse } from '../../src/core/classify.js';
import { parseErrorText } from '../../src/core/error-parse/parse-error.js';

interface Fixture {
  id: string;
  surface: string;
  text: string;
  accept: string[];
}

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/explain/real-errors.json', import.meta.url), 'utf8'),
) as Fixture[];

describe('classify: every real fixture', () => {
  for (const f of fixtures) {
    it(`${f.id} (${f.surface})`, () => {
      const accept = f.accept.length > 0 ? f.accept : ['unknown'];
      const d = classify(parseErrorText(f.text));
      assert.ok(accept.includes(d.cause), `got ${d.cause}, want one of ${accept.join(', ')}`);
    });
  }

  it('is right on 100% of them', () => {
    const wrong = fixtures.filter((f) => {
      const accept = f.accept.length > 0 ? f.accept : ['unknown'];
      return !accept.includes(classify(parseErrorText(f.text)).cause);
    });
    assert.deepEqual(
      wrong.map((f) => f.id),
      [],
    );
  });
});

const OAUTH_401 = JSON.stringify({
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    status: 'UNAUTHENTICATED',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED' },
    ],
  },
});

describe('classify: ambiguous 401 ACCESS_TOKEN_TYPE_UNSUPPORTED', () => {
  it('standard key → standard_key_rejected, auth alternatives listed', () => {
    const d = classify(parseErrorText(OAUTH_401), { keyKind: 'standard' });
    assert.equal(d.cause, 'standard_key_rejected');
    assert.equal(d.confidence, 'medium');
    assert.ok(d.alternatives.length > 0);
  });
  it('auth or unknown key → auth_key_rejected', () => {
    assert.equal(classify(parseErrorText(OAUTH_401), { keyKind: 'auth' }).cause, 'auth_key_rejected');
    assert.equal(classify(parseErrorText(OAUTH_401)).cause, 'auth_key_rejected');
  });
  it('a Bearer header on a native route → key_sent_as_bearer', () => {
    const text = `curl -H "Authorization: Bearer $KEY" https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent\n${OAUTH_401}`;
    assert.equal(classify(parseErrorText(text)).cause, 'key_sent_as_bearer');
  });
  it('a key prefix in the text decides', () => {
    const text = `key=AIzaSy...REDACTED\n${OAUTH_401}`;
    assert.equal(classify(parseErrorText(text)).cause, 'standard_key_rejected');
  });
});

describe('classifyHttpResponse', () => {
  it('an HTML page from a proxy → network_intercepted', () => {
    const d = classifyHttpResponse({
      status: 403,
      contentType: 'text/html',
      body: '<!DOCTYPE html><html><head><title>Access denied</title></head><body>Blocked by policy</body></html>',
    });
    assert.equal(d.cause, 'network_intercepted');
    assert.equal(d.evidence.httpStatus, 403);
  });
  it('a non-JSON text body → network_intercepted', () => {
    assert.equal(
      classifyHttpResponse({ status: 502, contentType: 'text/plain', body: 'Bad gateway' }).cause,
      'network_intercepted',
    );
  });
  it('a JSON error body is classified, with evidence and context', () => {
    const body = JSON.stringify({
      error: {
        code: 403,
        message: 'Generative Language API has not been used in project 123 before or it is disabled.',
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'SERVICE_DISABLED',
            domain: 'googleapis.com',
            metadata: {
              consumer: 'projects/123',
              service: 'generativelanguage.googleapis.com',
              activationUrl:
                'https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123',
            },
          },
        ],
      },
    });
    const d = classifyHttpResponse(
      { status: 403, contentType: 'application/json; charset=UTF-8', body },
      { model: 'gemini-2.5-flash' },
    );
    assert.equal(d.cause, 'service_disabled');
    assert.equal(d.confidence, 'high');
    assert.equal(d.evidence.project, '123');
    assert.equal(d.evidence.reason, 'SERVICE_DISABLED');
    assert.match(String(d.evidence.activationUrl), /overview\?project=123$/);
    assert.equal(d.evidence.model, 'gemini-2.5-flash');
  });
  it('429 with a zero free-tier limit → free_tier_limit_zero, quota evidence kept', () => {
    const body = JSON.stringify({
      error: {
        code: 429,
        message: 'You exceeded your current quota.',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
                quotaDimensions: { location: 'global', model: 'gemini-2.5-pro' },
                quotaValue: '0',
              },
            ],
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '13s' },
        ],
      },
    });
    const d = classifyHttpResponse({ status: 429, contentType: 'application/json', body });
    assert.equal(d.cause, 'free_tier_limit_zero');
    assert.equal(d.evidence.quotaId, 'GenerateRequestsPerDayPerProjectPerModel-FreeTier');
    assert.equal(d.evidence.retryDelay, '13s');
    assert.equal(d.evidence.model, 'gemini-2.5-pro');
  });
  it('5xx JSON → server_error; unknown JSON → unknown with status and message', () => {
    const overloaded = JSON.stringify({
      error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' },
    });
    assert.equal(classifyHttpResponse({ status: 503, body: overloaded }).cause, 'server_error');
    const odd = classifyHttpResponse({
      status: 418,
      contentType: 'application/json',
      body: '{"error":{"message":"teapot"}}',
    });
    assert.equal(odd.cause, 'unknown');
    assert.equal(odd.evidence.message, 'teapot');
  });
});
