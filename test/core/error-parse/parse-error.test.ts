import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '@google/genai';
import { parseLoose } from '../../../src/core/error-parse/lenient-json.js';
import { parseErrorText } from '../../../src/core/error-parse/parse-error.js';

const BODY = {
  error: {
    code: 403,
    message:
      'Requests to this API generativelanguage.googleapis.com method google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent are blocked.',
    status: 'PERMISSION_DENIED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_SERVICE_BLOCKED',
        domain: 'googleapis.com',
        metadata: { consumer: 'projects/123456', service: 'generativelanguage.googleapis.com' },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [{ description: 'docs', url: 'https://ai.google.dev/x' }],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
    ],
  },
};

function assertBlocked(text: unknown): void {
  const p = parseErrorText(text);
  assert.equal(p.httpStatus, 403);
  assert.equal(p.rpcStatus, 'PERMISSION_DENIED');
  assert.equal(p.reason, 'API_KEY_SERVICE_BLOCKED');
  assert.equal(p.metadata['consumer'], 'projects/123456');
  assert.match(p.message ?? '', /^Requests to this API generativelanguage/);
}

describe('parseErrorText: surfaces', () => {
  it('a raw JSON body, and the same body in a list (streaming / OpenAI-compatible)', () => {
    assertBlocked(JSON.stringify(BODY));
    assertBlocked(JSON.stringify([BODY], null, 2));
    const p = parseErrorText(JSON.stringify(BODY));
    assert.deepEqual(p.helpLinks, ['https://ai.google.dev/x']);
    assert.equal(p.retryDelay, '7s');
    assert.equal(p.domain, 'googleapis.com');
  });

  it('a parsed body object', () => {
    assertBlocked(BODY);
  });

  it('an @google/genai ApiError (JSON in message), recognised by shape', () => {
    assertBlocked(new ApiError({ message: JSON.stringify(BODY), status: 403 }));
    const lookalike = { name: 'ApiError', status: 403, message: JSON.stringify(BODY) };
    assertBlocked(lookalike);
  });

  it('JSON inside a JSON string inside a wrapper (gemini-cli, Continue)', () => {
    assertBlocked(
      `✕ [API Error: ${JSON.stringify({ error: { message: JSON.stringify(BODY, null, 2), code: 403, status: 'Forbidden' } })}]`,
    );
  });

  it('wrapper errors: cause, response, error fields', () => {
    const inner = new ApiError({ message: JSON.stringify(BODY), status: 403 });
    assertBlocked(new Error('request failed', { cause: inner }));
    assertBlocked({
      name: 'AI_APICallError',
      message: 'Forbidden',
      statusCode: 403,
      responseBody: JSON.stringify(BODY),
    });
    assertBlocked({ response: { status: 403, data: BODY } });
  });

  it('Python dict repr (google-genai ClientError)', () => {
    const p = parseErrorText(
      "ClientError: 400 INVALID_ARGUMENT. {'error': {'code': 400, 'message': 'API key not valid. Please pass a valid API key.', 'status': 'INVALID_ARGUMENT', 'details': [{'@type': 'type.googleapis.com/google.rpc.ErrorInfo', 'reason': 'API_KEY_INVALID', 'domain': 'googleapis.com', 'metadata': {'service': 'generativelanguage.googleapis.com'}}]}}",
    );
    assert.equal(p.httpStatus, 400);
    assert.equal(p.reason, 'API_KEY_INVALID');
    assert.equal(p.metadata['service'], 'generativelanguage.googleapis.com');
    assert.equal(p.message, 'API key not valid. Please pass a valid API key.');
  });

  it('legacy [GoogleGenerativeAI Error] line', () => {
    const p = parseErrorText(
      "[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent: [403 Forbidden] Method doesn't allow unregistered callers.",
    );
    assert.equal(p.httpStatus, 403);
    assert.equal(p.model, 'gemini-pro');
    assert.equal(p.endpoint.style, 'native');
    assert.equal(p.endpoint.backend, 'gemini-api');
  });

  it('google.api_core protobuf text and gRPC debug strings', () => {
    const p = parseErrorText(
      'google.api_core.exceptions.InvalidArgument: 400 API key not valid. [reason: "API_KEY_INVALID"\ndomain: "googleapis.com"\nmetadata {\n  key: "service"\n  value: "generativelanguage.googleapis.com"\n}\n]',
    );
    assert.equal(p.httpStatus, 400);
    assert.equal(p.reason, 'API_KEY_INVALID');
    assert.equal(p.metadata['service'], 'generativelanguage.googleapis.com');
    const g = parseErrorText(
      'debug_error_string = "UNKNOWN:Error {grpc_status:7, grpc_message:"Permission denied"}"',
    );
    assert.equal(g.rpcStatus, 'PERMISSION_DENIED');
  });

  it('gemini-cli box borders and wrapped lines', () => {
    const text = [
      '╭──────────────────────────────────────────────╮',
      '│ ✕ [API Error: {"error":{"code":429,"message":"Resource has been  │',
      '│   exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}] │',
      '╰──────────────────────────────────────────────╯',
    ].join('\n');
    const p = parseErrorText(text);
    assert.equal(p.httpStatus, 429);
    assert.equal(p.rpcStatus, 'RESOURCE_EXHAUSTED');
    assert.equal(p.message, 'Resource has been exhausted (e.g. check quota).');
  });

  it('curl output with headers', () => {
    const p = parseErrorText(
      `HTTP/2 400\ncontent-type: application/json; charset=UTF-8\nvary: Origin\n\n${JSON.stringify(BODY).replace('403', '400')}`,
    );
    assert.equal(p.httpStatus, 400);
  });

  it('damaged pastes: curly quotes, lost quotes, truncation, lost backslashes', () => {
    const curly =
      '{ “error”: { “code”: 403, “message”: “Your API key was reported as leaked.”, “status”: “PERMISSION_DENIED” } }';
    assert.equal(parseErrorText(curly).rpcStatus, 'PERMISSION_DENIED');
    const truncated = JSON.stringify(BODY, null, 2).slice(0, 420);
    const t = parseErrorText(truncated);
    assert.equal(t.httpStatus, 403);
    assert.equal(t.reason, 'API_KEY_SERVICE_BLOCKED');
    const lostBackslashes =
      '{"error":{"message":"{\n  "error": {\n    "code": 400,\n    "message": "API key not valid.",\n    "status": "INVALID_ARGUMENT"\n  }\n}","code":400}}';
    const l = parseErrorText(lostBackslashes);
    assert.equal(l.rpcStatus, 'INVALID_ARGUMENT');
    assert.match(l.text, /API key not valid/);
  });

  it('HTML pages are flagged', () => {
    assert.equal(
      parseErrorText('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>').isHtml,
      true,
    );
    assert.equal(parseErrorText('Requests from referer <empty> are blocked.').isHtml, false);
  });

  it('quota prose and structured violations', () => {
    const p = parseErrorText(
      'Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-2.5-pro\nPlease retry in 30.5s.',
    );
    assert.equal(p.quotaViolations[0]?.quotaValue, '0');
    assert.equal(p.model, 'gemini-2.5-pro');
    assert.equal(p.retryDelay, '30.5s');
  });

  it('the key: only its kind and masked form', () => {
    const key = `AIzaFAKE${'x'.repeat(31)}`;
    const p = parseErrorText(
      `GET https://generativelanguage.googleapis.com/v1beta/models?key=${key} → 400 API key not valid`,
    );
    assert.equal(p.keyKind, 'standard');
    assert.equal(p.maskedKey, 'AIza…xxxx');
    assert.ok(!JSON.stringify(p).includes(key));
    assert.equal(parseErrorText("Consumer 'api_key:AQ.Ab8...' has been suspended").keyKind, 'auth');
  });

  it('never throws on nonsense', () => {
    for (const input of [
      undefined,
      null,
      0,
      Number.NaN,
      Symbol('x'),
      () => 1,
      [],
      {},
      '',
      '{',
      '{{{{',
      '"',
      '\\',
      10n,
    ]) {
      const p = parseErrorText(input);
      assert.equal(typeof p.text, 'string');
    }
  });
});

/** Loose objects have no prototype (no `__proto__` tricks); compare them as plain JSON. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parseLoose', () => {
  it('reads JSON, Python literals, bare keys and truncated objects', () => {
    assert.deepEqual(plain(parseLoose('{"a": 1, "b": [true, null]}', 0).value), { a: 1, b: [true, null] });
    assert.deepEqual(plain(parseLoose("{'a': True, 'b': None, 'c': 'x'}", 0).value), {
      a: true,
      b: null,
      c: 'x',
    });
    assert.deepEqual(plain(parseLoose('{ code: 400, status: "X" ', 0).value), { code: 400, status: 'X' });
    assert.deepEqual(plain(parseLoose('{"a": {"b": "c', 0).value), { a: { b: 'c' } });
  });
  it('survives very deep nesting without recursion overflow', () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(200_000)}`;
    assert.doesNotThrow(() => parseLoose(deep, 0));
  });
});
