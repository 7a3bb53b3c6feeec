import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type ClassifyContext, classifyHttpResponse } from '../../src/core/classify.js';
import { parseErrorText } from '../../src/core/error-parse/parse-error.js';
import { listenOnLoopback } from '../support/loopback.js';

// What the doctor's probes see: a status, a content type and a body, plus what the doctor knows (key kind,
// endpoint style, backend, model). Bodies are the shapes Google sends (reference/auth-keys-2026.md §3).
const JSON_CT = 'application/json; charset=UTF-8';
const NATIVE: ClassifyContext = { endpointStyle: 'native', backend: 'gemini-api', model: 'gemini-2.5-flash' };

const body = (code: number, status: string, message: string, details?: unknown[]): string =>
  JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } });
const info = (reason: string, metadata: Record<string, string>, domain = 'googleapis.com') => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain,
  metadata,
});

const API_KEY_INVALID = body(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
  info('API_KEY_INVALID', { service: 'generativelanguage.googleapis.com' }),
]);
const OAUTH_MESSAGE =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const TOKEN_TYPE = body(401, 'UNAUTHENTICATED', OAUTH_MESSAGE, [
  {
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
    metadata: {
      service: 'generativelanguage.googleapis.com',
      method: 'google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent',
    },
  },
]);
const VERTEX_BLOCKED = body(
  403,
  'PERMISSION_DENIED',
  'Requests to this API aiplatform.googleapis.com method google.cloud.aiplatform.v1beta1.PredictionService.StreamGenerateContent are blocked.',
  [info('API_KEY_SERVICE_BLOCKED', { service: 'aiplatform.googleapis.com', consumer: 'projects/123' })],
);
const VERTEX_NO_KEYS = body(
  401,
  'UNAUTHENTICATED',
  'API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal. See https://cloud.google.com/docs/authentication',
  [info('CREDENTIALS_MISSING', { service: 'aiplatform.googleapis.com' })],
);
const GOOGLE_HTML_404 = `<!DOCTYPE html>
<html lang=en>
  <meta charset=utf-8>
  <title>Error 404 (Not Found)!!1</title>
  <p><b>404.</b> <ins>That’s an error.</ins>
  <p>The requested URL <code>/v1beta/models/gemini-2.5-flash:generateContnet</code> was not found on this server.  <ins>That’s all we know.</ins>`;

describe('classifyHttpResponse: what the doctor knows decides the ambiguous answers', () => {
  it('400 API_KEY_INVALID is key_invalid for either key kind; a standard key also suggests retirement', () => {
    const std = classifyHttpResponse(
      { status: 400, contentType: JSON_CT, body: API_KEY_INVALID },
      { ...NATIVE, keyKind: 'standard' },
    );
    const auth = classifyHttpResponse(
      { status: 400, contentType: JSON_CT, body: API_KEY_INVALID },
      { ...NATIVE, keyKind: 'auth' },
    );
    assert.equal(std.cause, 'key_invalid');
    assert.ok(std.alternatives.includes('key_standard_retired'));
    assert.equal(auth.cause, 'key_invalid');
    assert.ok(!auth.alternatives.includes('key_standard_retired'));
    assert.equal(auth.evidence.keyKind, 'auth');
  });

  const tokenType: Array<[string, ClassifyContext, string]> = [
    ['standard key, native header', { ...NATIVE, keyKind: 'standard' }, 'standard_key_rejected'],
    ['auth key, native header', { ...NATIVE, keyKind: 'auth' }, 'auth_key_rejected'],
    ['unknown kind, native header', { ...NATIVE, keyKind: 'unknown' }, 'auth_key_rejected'],
    [
      'standard key, OpenAI route',
      { ...NATIVE, endpointStyle: 'openai', keyKind: 'standard' },
      'standard_key_rejected',
    ],
    ['auth key, OpenAI route', { ...NATIVE, endpointStyle: 'openai', keyKind: 'auth' }, 'auth_key_rejected'],
    ['auth key, Vertex', { ...NATIVE, backend: 'vertex', keyKind: 'auth' }, 'vertex_requires_oauth'],
  ];
  for (const [name, context, cause] of tokenType) {
    it(`401 ACCESS_TOKEN_TYPE_UNSUPPORTED, ${name} → ${cause}`, () => {
      const fromVertex = context.backend === 'vertex';
      const answer = fromVertex ? TOKEN_TYPE.replaceAll('generativelanguage', 'aiplatform') : TOKEN_TYPE;
      const res = { status: 401, contentType: JSON_CT, body: answer };
      const d = classifyHttpResponse(res, context);
      assert.equal(d.cause, cause);
      assert.notEqual(d.confidence, 'high', 'the reason alone is ambiguous');
      assert.ok(d.alternatives.length > 0);
    });
  }

  it('the OpenAI route answers with a JSON list; the same reason is read from it', () => {
    const d = classifyHttpResponse(
      { status: 401, contentType: JSON_CT, body: `[${TOKEN_TYPE}]` },
      { ...NATIVE, endpointStyle: 'openai', keyKind: 'auth' },
    );
    assert.equal(d.cause, 'auth_key_rejected');
    assert.equal(d.evidence.endpoint, 'openai-compatible');
  });

  it('403 from Vertex: an auth key on the wrong host; a standard key is a key restriction', () => {
    const res = { status: 403, contentType: JSON_CT, body: VERTEX_BLOCKED };
    const auth = classifyHttpResponse(res, { ...NATIVE, backend: 'vertex', keyKind: 'auth' });
    const std = classifyHttpResponse(res, { ...NATIVE, backend: 'vertex', keyKind: 'standard' });
    assert.equal(auth.cause, 'auth_key_unsupported_endpoint');
    assert.equal(std.cause, 'api_blocked_by_key_restriction');
    assert.equal(std.evidence.project, '123');
  });

  it('the service named in the body outranks the backend the caller assumed', () => {
    const d = classifyHttpResponse({ status: 401, contentType: JSON_CT, body: VERTEX_NO_KEYS }, NATIVE);
    assert.equal(d.cause, 'vertex_requires_oauth');
  });

  it('401 CREDENTIALS_MISSING from Vertex → vertex_requires_oauth', () => {
    const d = classifyHttpResponse(
      { status: 401, contentType: JSON_CT, body: VERTEX_NO_KEYS },
      { ...NATIVE, backend: 'vertex', keyKind: 'standard' },
    );
    assert.equal(d.cause, 'vertex_requires_oauth');
  });

  it("Google's own HTML 404 page: Google answered, the path is wrong → bad_request, not a middlebox", () => {
    const d = classifyHttpResponse(
      { status: 404, contentType: 'text/html; charset=UTF-8', body: GOOGLE_HTML_404 },
      { ...NATIVE, keyKind: 'auth' },
    );
    assert.equal(d.cause, 'bad_request');
    assert.ok(d.alternatives.includes('base_url_override'));
  });

  it('another HTML page (nginx, a captive portal) stays network_intercepted', () => {
    const nginx =
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center>nginx</center></body></html>';
    const d = classifyHttpResponse({ status: 502, contentType: 'text/html', body: nginx }, NATIVE);
    assert.equal(d.cause, 'network_intercepted');
    assert.equal(d.confidence, 'high');
  });

  const emptyBodies: Array<[number, ClassifyContext, string]> = [
    [400, NATIVE, 'bad_request'],
    [401, { ...NATIVE, keyKind: 'standard' }, 'standard_key_rejected'],
    [403, NATIVE, 'service_disabled'],
    [404, NATIVE, 'model_not_found'],
    [429, NATIVE, 'quota_exhausted'],
    [500, NATIVE, 'server_error'],
    [502, {}, 'network_proxy'],
    [503, NATIVE, 'server_error'],
  ];
  for (const [status, context, cause] of emptyBodies) {
    it(`an empty body with status ${status} is read by its status (${cause}), never with high confidence`, () => {
      const d = classifyHttpResponse({ status, body: '' }, context);
      assert.equal(d.cause, cause);
      assert.equal(d.confidence, 'low');
      assert.equal(d.evidence.httpStatus, status);
    });
  }

  it('plain text that says what it is counts; plain text that does not is a middlebox', () => {
    const known = classifyHttpResponse({
      status: 429,
      contentType: 'text/plain',
      body: 'Resource has been exhausted (e.g. check quota).',
    });
    assert.equal(known.cause, 'quota_exhausted');
    const opaque = classifyHttpResponse({
      status: 403,
      contentType: 'text/plain',
      body: 'Access denied by policy',
    });
    assert.equal(opaque.cause, 'network_intercepted');
    assert.ok(opaque.alternatives.includes('permission_denied_other'));
  });
});

interface Entry {
  id: string;
  text: string;
  accept: string[];
}

/** The JSON bodies among the real pastes (they start with `{` or `[`), as a server would send them. */
function realBodies(): Entry[] {
  const files = ['real-errors.json', 'holdout.json', 'holdout-2.json'];
  return files.flatMap((name) =>
    (
      JSON.parse(readFileSync(new URL(`../fixtures/explain/${name}`, import.meta.url), 'utf8')) as Entry[]
    ).filter((e) => /^\s*[[{]\s*"error"|^\s*\[\s*\{\s*"error"/.test(e.text) && e.accept.length > 0),
  );
}

describe('classifyHttpResponse over real bodies served by a plain HTTP server', () => {
  const entries = realBodies();
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      const entry = entries[Number((req.url ?? '/').slice(1))];
      if (entry === undefined) return void res.writeHead(404).end();
      const status = parseErrorText(entry.text).httpStatus ?? 400;
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(entry.text);
    });
    base = await listenOnLoopback(server);
  });
  after(() => server.close());

  it(`names an accepted cause for at least 90% of ${entries.length} served bodies`, async () => {
    assert.ok(entries.length >= 15);
    const missed: string[] = [];
    for (const [i, entry] of entries.entries()) {
      const res = await fetch(`${base}/${i}`);
      const d = classifyHttpResponse({
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        body: await res.text(),
      });
      if (!entry.accept.includes(d.cause)) missed.push(`${entry.id}: ${d.cause}`);
    }
    assert.ok(missed.length <= entries.length * 0.1, missed.join('; '));
  });
});
