/**
 * What a real user sees for each failing scenario, written down from the real payloads in
 * ../shared/fixtures/real-errors.json (fixture ids in comments) and reference/auth-keys-2026.md §3,
 * independently of the emulator's code, so the conformance tests check the emulator against
 * reality rather than against itself. Faults without an HTTP JSON answer are not listed.
 */
export interface ExpectedError {
  status: string;
  message: RegExp;
  /** ErrorInfo reason, or undefined where Google sends no details. */
  reason: string | undefined;
}

export const EXPECTED_ERRORS: Readonly<Record<string, ExpectedError>> = {
  // continue-8516, edsl-918
  key_invalid: {
    status: 'INVALID_ARGUMENT',
    message: /^API key not valid\. Please pass a valid API key\.$/,
    reason: 'API_KEY_INVALID',
  },
  key_expired: {
    status: 'INVALID_ARGUMENT',
    message: /^API key expired\. Please renew the API key\.$/,
    reason: 'API_KEY_INVALID',
  },
  // continue-10513: no details at all
  key_leaked: {
    status: 'PERMISSION_DENIED',
    message: /^Your API key was reported as leaked\. Please use another API key\.$/,
    reason: undefined,
  },
  // reference §3 b (claimed)
  standard_key_rejected: {
    status: 'INVALID_ARGUMENT',
    message: /^API key not valid\./,
    reason: 'API_KEY_INVALID',
  },
  // reference §3 a; xalgorix-2 for the body
  standard_key_unrestricted: {
    status: 'UNAUTHENTICATED',
    message: /^Request had invalid authentication credentials\. Expected OAuth 2 access token/,
    reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
  },
  // ak26-forum-175711
  auth_key_rejected: {
    status: 'UNAUTHENTICATED',
    message: /^Request had invalid authentication credentials\. Expected OAuth 2 access token, login cookie/,
    reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
  },
  // reference §3 f3
  auth_key_unsupported_endpoint: {
    status: 'PERMISSION_DENIED',
    message: /^Requests to this API aiplatform\.googleapis\.com method .* are blocked\.$/,
    reason: 'API_KEY_SERVICE_BLOCKED',
  },
  auth_key_service_account: {
    status: 'UNAUTHENTICATED',
    message: /service account/,
    reason: undefined,
  },
  // ak26-openclaude-749
  multiple_credentials: {
    status: 'INVALID_ARGUMENT',
    message: /^Multiple authentication credentials received\. Please pass only one\.$/,
    reason: undefined,
  },
  // xalgorix-2
  key_sent_as_bearer: {
    status: 'UNAUTHENTICATED',
    message: /Expected OAuth 2 access token/,
    reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
  },
  // gemini-cli-1343 (shape), generative-ai-python#10 (generativelanguage wording)
  service_disabled: {
    status: 'PERMISSION_DENIED',
    message:
      /^Generative Language API has not been used in project \d+ before or it is disabled\. Enable it by visiting https:\/\/console\.developers\.google\.com\/apis\/api\/generativelanguage\.googleapis\.com\/overview\?project=\d+ then retry/,
    reason: 'SERVICE_DISABLED',
  },
  // continue-12781
  api_blocked_by_key_restriction: {
    status: 'PERMISSION_DENIED',
    message:
      /^Requests to this API generativelanguage\.googleapis\.com method google\.ai\.generativelanguage\.v1beta\.GenerativeService\.GenerateContent are blocked\.$/,
    reason: 'API_KEY_SERVICE_BLOCKED',
  },
  // geminiapp-10
  referrer_blocked: {
    status: 'PERMISSION_DENIED',
    message: /^Requests from referer <empty> are blocked\.$/,
    reason: 'API_KEY_HTTP_REFERRER_BLOCKED',
  },
  // purainity-blog-ip-address-blocked
  ip_blocked: {
    status: 'PERMISSION_DENIED',
    message:
      /^The provided API key has an IP address restriction\. The originating IP address of the call \(.+\) violates this restriction\.$/,
    reason: 'API_KEY_IP_ADDRESS_BLOCKED',
  },
  // android-170
  app_blocked: {
    status: 'PERMISSION_DENIED',
    message: /^Requests from this Android client application <empty> are blocked\.$/,
    reason: 'API_KEY_ANDROID_APP_BLOCKED',
  },
  // muse-6
  consumer_suspended: {
    status: 'PERMISSION_DENIED',
    message: /^Permission denied: Consumer 'api_key:.+' has been suspended\.$/,
    reason: 'CONSUMER_SUSPENDED',
  },
  // gemini-cli-1808
  consumer_invalid: {
    status: 'PERMISSION_DENIED',
    message: /^Permission denied on resource project .+\.$/,
    reason: 'CONSUMER_INVALID',
  },
  // discuss-169215
  billing: {
    status: 'RESOURCE_EXHAUSTED',
    message:
      /^Your prepayment credits are depleted\. Please go to AI Studio at https:\/\/ai\.studio\/projects/,
    reason: undefined,
  },
  // poenl-gemini-api-4
  location_unsupported: {
    status: 'FAILED_PRECONDITION',
    message: /^User location is not supported for the API use\.$/,
    reason: undefined,
  },
  // neo-chat-7
  free_tier_unavailable_region: {
    status: 'FAILED_PRECONDITION',
    message: /^User location is not supported for the API use without a billing account linked\.$/,
    reason: undefined,
  },
  // oppl-free-tier-daily-250-wrapped
  quota_exhausted: {
    status: 'RESOURCE_EXHAUSTED',
    message: /^You exceeded your current quota, please check your plan and billing details\./,
    reason: undefined,
  },
  // continue-10066
  free_tier_limit_zero: {
    status: 'RESOURCE_EXHAUSTED',
    message:
      /Quota exceeded for metric: generativelanguage\.googleapis\.com\/generate_content_free_tier_requests, limit: 0, model: gemini-2\.5-flash\nPlease retry in/,
    reason: undefined,
  },
  // gemini-cli-5739
  vertex_requires_oauth: {
    status: 'UNAUTHENTICATED',
    message:
      /^API keys are not supported by this API\. Expected OAuth2 access token or other authentication credentials that assert a principal\./,
    reason: undefined,
  },
  // claude-mem-3278
  model_not_found: {
    status: 'NOT_FOUND',
    message: /^This model models\/gemini-2\.5-flash is no longer available to new users\./,
    reason: undefined,
  },
  permission_denied_other: {
    status: 'PERMISSION_DENIED',
    message: /^The caller does not have permission$/,
    reason: undefined,
  },
  bad_request: {
    status: 'INVALID_ARGUMENT',
    message: /^Request contains an invalid argument\.$/,
    reason: undefined,
  },
  // gemini-openai-proxy-63
  server_error: {
    status: 'INTERNAL',
    message: /^An internal error has occurred\. Please retry or report in/,
    reason: undefined,
  },
  // cookbook-425
  server_overloaded: {
    status: 'UNAVAILABLE',
    message: /^The model is overloaded\. Please try again later\.$/,
    reason: undefined,
  },
  // openai-gemini-92
  key_missing: {
    status: 'PERMISSION_DENIED',
    message: /^Method doesn't allow unregistered callers \(callers without established identity\)\./,
    reason: undefined,
  },
  'quota_exhausted*2,ok': {
    status: 'RESOURCE_EXHAUSTED',
    message: /^You exceeded your current quota/,
    reason: undefined,
  },
  'server_overloaded,ok': {
    status: 'UNAVAILABLE',
    message: /^The model is overloaded\./,
    reason: undefined,
  },
};
