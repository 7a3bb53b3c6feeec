import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CauseId } from '../../src/catalog/cause-id.js';
import { classify } from '../../src/core/classify.js';
import { parseErrorText } from '../../src/core/error-parse/parse-error.js';
import { explain } from '../../src/explain/explain.js';

// Variants of Google's general wordings and of the ways clients wrap them (Go's googleapi, Dart, Java,
// the OpenAI SDK, LangChain, the Vercel AI SDK, undici, google-auth), written from the documented messages
// rather than copied from any one paste: generalisation beyond the fixture and holdout files.
const WORDINGS: Array<[CauseId, string]> = [
  [
    'key_missing',
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  ],
  [
    'key_missing',
    'google.auth.exceptions.DefaultCredentialsError: \n  No API_KEY or ADC found. Please either:\n    - Set the `GOOGLE_API_KEY` environment variable.',
  ],
  [
    'key_missing',
    'Error: Please set an API key for Google GenerativeAI in the environment variable GOOGLE_API_KEY or in the `apiKey` field of the ChatGoogleGenerativeAI constructor',
  ],
  [
    'key_missing',
    "AI_LoadAPIKeyError: Google Generative AI API key is missing. Pass it using the 'apiKey' parameter or the GOOGLE_GENERATIVE_AI_API_KEY environment variable.",
  ],
  ['key_missing', 'Error: GEMINI_API_KEY environment variable not found'],
  [
    'key_missing',
    'POST https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?key=undefined 400 (Bad Request)',
  ],
  [
    'billing',
    '{"error":{"code":403,"message":"The billing account for the owning project is disabled in state absent","status":"PERMISSION_DENIED"}}',
  ],
  [
    'billing',
    "400 FAILED_PRECONDITION. {'error': {'code': 400, 'message': 'Imagen API is only accessible to billed users at this time.', 'status': 'FAILED_PRECONDITION'}}",
  ],
  ['server_error', '{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}'],
  ['server_error', 'googleapi: Error 503: The model is overloaded. Please try again later., backendError'],
  [
    'server_error',
    "504 DEADLINE_EXCEEDED. {'error': {'code': 504, 'message': 'Deadline expired before operation could complete.', 'status': 'DEADLINE_EXCEEDED'}}",
  ],
  ['quota_exhausted', 'Error 429: Resource has been exhausted (e.g. check quota).'],
  [
    'quota_exhausted',
    'com.google.genai.errors.ClientException: 429 . You exceeded your current quota, please check your plan and billing details.',
  ],
  [
    'free_tier_limit_zero',
    'ApiError: {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details. \\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-2.5-pro\\nPlease retry in 3.2s.","status":"RESOURCE_EXHAUSTED"}}',
  ],
  [
    'service_disabled',
    '{"error":{"code":403,"message":"Generative Language API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com","metadata":{"consumer":"projects/123","service":"generativelanguage.googleapis.com"}}]}}',
  ],
  [
    'service_disabled',
    'PermissionDenied: 403 Vertex AI API has not been used in project my-proj before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/aiplatform.googleapis.com/overview?project=my-proj then retry.',
  ],
  ['key_invalid', 'googleapi: Error 400: API key not valid. Please pass a valid API key., badRequest'],
  [
    'key_invalid',
    'GenerativeAIException: Server Error [400]: {\n  "error": {\n    "code": 400,\n    "message": "API key not valid. Please pass a valid API key.",\n    "status": "INVALID_ARGUMENT"\n  }\n}',
  ],
  [
    'key_invalid',
    "openai.BadRequestError: Error code: 400 - [{'error': {'code': 400, 'message': 'API key not valid. Please pass a valid API key.', 'status': 'INVALID_ARGUMENT', 'details': [{'@type': 'type.googleapis.com/google.rpc.ErrorInfo', 'reason': 'API_KEY_INVALID', 'domain': 'googleapis.com', 'metadata': {'service': 'generativelanguage.googleapis.com'}}]}}]",
  ],
  [
    'key_leaked',
    "403 PERMISSION_DENIED. {'error': {'code': 403, 'message': 'Your API key was reported as leaked. Please use another API key.', 'status': 'PERMISSION_DENIED'}}",
  ],
  [
    'consumer_suspended',
    '{"error":{"code":403,"message":"Permission denied: Consumer \'api_key:AIzaSy_REDACTED\' has been suspended.","status":"PERMISSION_DENIED"}}',
  ],
  [
    'consumer_suspended',
    '{"error":{"code":403,"message":"Your project has been denied access. Please contact support.","status":"PERMISSION_DENIED"}}',
  ],
  [
    'location_unsupported',
    'Error: [GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent: [400 Bad Request] User location is not supported for the API use.',
  ],
  [
    'free_tier_unavailable_region',
    '{"error":{"code":400,"message":"Gemini API free tier is not available in your country. Please enable billing on your project in Google AI Studio.","status":"FAILED_PRECONDITION"}}',
  ],
  [
    'model_not_found',
    'Error: 404 Publisher Model `projects/p/locations/us-central1/publishers/google/models/gemini-1.5-pro-002` was not found or your project does not have access to it.',
  ],
  [
    'model_not_found',
    '{"error":{"code":404,"message":"models/gemini-1.0-pro is not found for API version v1beta, or is not supported for generateContent.","status":"NOT_FOUND"}}',
  ],
  [
    'model_not_found',
    '{"error":{"code":400,"message":"* GenerateContentRequest.model: unexpected model name format\\n","status":"INVALID_ARGUMENT"}}',
  ],
  [
    'bad_request',
    '{"error":{"code":400,"message":"Please use a valid role: user, model.","status":"INVALID_ARGUMENT"}}',
  ],
  [
    'bad_request',
    '{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT"}}',
  ],
  [
    'bad_request',
    '{"error":{"code":400,"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}',
  ],
  [
    'permission_denied_other',
    '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com"}]}}',
  ],
  ['permission_denied_other', 'googleapi: Error 403: The caller does not have permission, forbidden'],
  [
    'referrer_blocked',
    '{"error":{"code":403,"message":"Requests from referer http://localhost:3000/ are blocked.","status":"PERMISSION_DENIED"}}',
  ],
  [
    'ip_blocked',
    '{"error":{"code":403,"message":"The provided API key has an IP address restriction. The originating IP address of the call (203.0.113.7) violates this restriction.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_IP_ADDRESS_BLOCKED","domain":"googleapis.com"}]}}',
  ],
  [
    'app_blocked',
    '{"error":{"code":403,"message":"Requests from this iOS client application <empty> are blocked.","status":"PERMISSION_DENIED"}}',
  ],
  [
    'api_blocked_by_key_restriction',
    'Error: [403 Forbidden] Requests to this API generativelanguage.googleapis.com method google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent are blocked.',
  ],
  [
    'multiple_credentials',
    "Error code: 400 - [{'error': {'code': 400, 'message': 'Multiple authentication credentials received. Please pass only one.', 'status': 'INVALID_ARGUMENT'}}]",
  ],
  [
    'vertex_requires_oauth',
    'rpc error: code = Unauthenticated desc = API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal. See https://cloud.google.com/docs/authentication',
  ],
  [
    'key_expired',
    "ClientError: 400 INVALID_ARGUMENT. {'error': {'code': 400, 'message': 'API key expired. Please renew the API key.', 'status': 'INVALID_ARGUMENT'}}",
  ],
  ['network_intercepted', 'SyntaxError: Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON'],
  [
    'network_timeout',
    "TypeError: fetch failed\n  [cause]: ConnectTimeoutError: Connect Timeout Error (attempt address: generativelanguage.googleapis.com:443, timeout: 10000ms)\n  code: 'UND_ERR_CONNECT_TIMEOUT'",
  ],
  [
    'network_connect',
    'Error: Client network socket disconnected before secure TLS connection was established',
  ],
  ['network_dns', 'getaddrinfo ENOTFOUND generativelanguage.googleapis.com'],
  ['network_tls', 'Error: self-signed certificate in certificate chain'],
  [
    'server_error',
    '[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse: [503 Service Unavailable] The model is overloaded. Please try again later.',
  ],
  [
    'auth_key_rejected',
    '{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_TYPE_UNSUPPORTED","metadata":{"service":"generativelanguage.googleapis.com"}}]}} (key AQ.Ab8R…)',
  ],
  [
    'quota_exhausted',
    'RESOURCE_EXHAUSTED: Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model with base model: gemini-1.5-flash. Please submit a quota increase request.',
  ],
  [
    'key_invalid',
    '✕ [API Error: {"error":{"message":"{\\\\n  \\\\\\"error\\\\\\": {\\\\n    \\\\\\"code\\\\\\": 400,\\\\n    \\\\\\"message\\\\\\": \\\\\\"API key not valid. Please pass a valid API key.\\\\\\",\\\\n    \\\\\\"status\\\\\\": \\\\\\"INVALID_ARGUMENT\\\\\\"\\\\n  }\\\\n}\\\\n","code":400,"status":"Bad Request"}}]',
  ],
  [
    'service_disabled',
    'PermissionDenied: 403 Generative Language API has not been used in project 42 before or it is disabled. [reason: "SERVICE_DISABLED"\ndomain: "googleapis.com"\nmetadata {\n  key: "activationUrl"\n  value: "https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=42"\n}\n]  (my API key is in .env)',
  ],
  // .NET HttpClient's EnsureSuccessStatusCode wording carries the status (no body): read as a 400.
  [
    'bad_request',
    'System.Net.Http.HttpRequestException: Response status code does not indicate success: 400 (Bad Request).',
  ],
  [
    'server_error',
    'HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).',
  ],
  [
    'key_missing',
    'ValueError: Gemini API key must be provided via the apiKey option or the GEMINI_API_KEY variable',
  ],
  ['key_missing', 'Error: the Google AI api key should be set before calling generate()'],
];

describe('classify: general wordings and wrappers', () => {
  for (const [cause, text] of WORDINGS) {
    it(`${cause}: ${text.slice(0, 70).replace(/\s+/g, ' ')}`, () => {
      assert.equal(explain(text).cause, cause);
    });
  }
});

describe('classify: priority rules', () => {
  it('429 with limit 0 on a free-tier quota → free_tier_limit_zero, even with quota wording', () => {
    const text = JSON.stringify({
      error: {
        code: 429,
        message: 'You exceeded your current quota, please check your plan and billing details.',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier', quotaValue: '0' }],
          },
        ],
      },
    });
    const d = classify(parseErrorText(text));
    assert.equal(d.cause, 'free_tier_limit_zero');
    assert.ok(d.alternatives.includes('quota_exhausted'));
  });

  it('429 on a free-tier quota with a non-zero limit → quota_exhausted, limit zero as the alternative', () => {
    const text =
      '429 RESOURCE_EXHAUSTED {"quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "quotaValue": "10"}';
    const d = classify(parseErrorText(text));
    assert.equal(d.cause, 'quota_exhausted');
    assert.ok(d.alternatives.includes('free_tier_limit_zero'));
  });

  it('403 SERVICE_DISABLED → service_disabled even when the message talks about a key', () => {
    const text = JSON.stringify({
      error: {
        code: 403,
        message:
          'API key is valid but Generative Language API has not been used in project 9 before or it is disabled.',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }],
      },
    });
    assert.equal(classify(parseErrorText(text)).cause, 'service_disabled');
  });

  it('a specific wording outranks the generic reason it comes with (expired key under API_KEY_INVALID)', () => {
    const text =
      '{"error":{"code":400,"message":"API key expired. Please renew the API key.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}';
    assert.equal(classify(parseErrorText(text)).cause, 'key_expired');
  });

  it('a bare 502/504 with no Google body is a proxy or gateway; a Google 504 is server_error', () => {
    assert.equal(classify(parseErrorText('Request failed with status code 502')).cause, 'network_proxy');
    const google504 =
      '{"error":{"code":504,"message":"Deadline expired before operation could complete.","status":"DEADLINE_EXCEEDED"}}';
    assert.equal(classify(parseErrorText(google504)).cause, 'server_error');
  });

  it('a method of a non-public API version that takes no key → bad_request (use v1beta)', () => {
    const text =
      '{"error":{"code":401,"message":"API keys are not supported by this API.","status":"UNAUTHENTICATED","details":[{"reason":"CREDENTIALS_MISSING","metadata":{"service":"generativelanguage.googleapis.com","method":"google.ai.generativelanguage.v1main.GenerativeService.GenerateContent"}}]}}';
    assert.equal(classify(parseErrorText(text)).cause, 'bad_request');
  });
});

describe('classify: unknown keeps what it found', () => {
  it('unrecognised prose → unknown, low confidence, with the message as evidence', () => {
    const d = classify(parseErrorText('The flux capacitor refused to cooperate.'));
    assert.equal(d.cause, 'unknown');
    assert.equal(d.confidence, 'low');
    assert.equal(d.evidence.message, 'The flux capacitor refused to cooperate.');
  });

  it('an unrecognised status is kept as evidence', () => {
    const d = classify(
      parseErrorText('{"error":{"code":409,"message":"Something conflicted.","status":"ABORTED"}}'),
    );
    assert.equal(d.cause, 'unknown');
    assert.equal(d.evidence.httpStatus, 409);
    assert.equal(d.evidence.rpcStatus, 'ABORTED');
  });
});
