import type { CauseId } from './cause-id.js';

/**
 * How each cause is recognised in an error the server (or a client, or something in between)
 * produced: `google.rpc.ErrorInfo.reason` codes, message wordings, and statuses. This is data;
 * `src/core/classify.ts` applies it and resolves the few ambiguous cases with what else the text
 * shows (key prefix, endpoint, headers).
 *
 * Wordings come from real pastes (`fixtures/real-errors.json`, public issues of googleapis/js-genai,
 * python-genai, gemini-cli, litellm, langchain) — generalised to the stable part of each sentence,
 * never to one paste's specifics. Patterns run on a whitespace-collapsed, escape-flattened copy of
 * the text, are case-insensitive where the wording varies, and are linear (no nested quantifiers).
 */
export interface CauseMatcher {
  cause: CauseId;
  /** Higher wins when several matchers fire; ties keep list order. */
  priority: number;
  /** `ErrorInfo.reason` values that name this cause. */
  reasons?: readonly string[];
  /** Message wordings that name this cause. */
  messages?: readonly RegExp[];
  /**
   * Status-only matchers (no reasons/messages): fire on these HTTP statuses (or the RPC status's
   * HTTP equivalent). With reasons/messages: the match is kept only if the status, when known, is one of these.
   */
  statuses?: readonly number[];
  rpcStatuses?: readonly string[];
}

/** Priority bands: specific wording that outranks a reason code › reason codes › wording › status only. */
export const PRIORITY = {
  decisiveMessage: 100,
  reason: 90,
  message: 70,
  weakMessage: 50,
  status: 20,
} as const;

export const CAUSE_MATCHERS: readonly CauseMatcher[] = [
  // Specific wordings that the server pairs with a generic reason (API_KEY_INVALID, FAILED_PRECONDITION…).
  {
    cause: 'key_leaked',
    priority: PRIORITY.decisiveMessage,
    messages: [/reported as leaked/i, /\bkey (?:was|has been) (?:leaked|exposed)/i],
  },
  {
    cause: 'key_expired',
    priority: PRIORITY.decisiveMessage,
    reasons: ['API_KEY_EXPIRED', 'ACCESS_TOKEN_EXPIRED'],
    messages: [/API key (?:is |has )?expired/i, /renew the API key/i],
  },
  {
    cause: 'free_tier_unavailable_region',
    priority: PRIORITY.decisiveMessage,
    messages: [
      /free tier is not available in your (?:country|region|location)/i,
      /location is not supported for the API use without a billing account/i,
    ],
  },
  {
    cause: 'multiple_credentials',
    priority: PRIORITY.decisiveMessage,
    messages: [/Multiple authentication credentials/i, /pass only one\b/i],
  },
  {
    cause: 'vertex_requires_oauth',
    priority: PRIORITY.decisiveMessage,
    messages: [
      /API keys are not supported by this API/i,
      /authentication credentials that assert a principal/i,
    ],
  },
  {
    cause: 'billing',
    priority: PRIORITY.decisiveMessage,
    reasons: ['BILLING_DISABLED', 'BILLING_NOT_ACTIVE', 'BILLING_ACCOUNT_CLOSED'],
    messages: [
      /prepayment credits?/i,
      /credits? (?:are|is|have been) (?:depleted|exhausted|used up)/i,
      /requires? billing to be enabled/i,
      /billing must be enabled/i,
      /billing (?:has not been|is not|isn't|was not) (?:enabled|set up|active)/i,
      /billing account (?:is |was |has been )?(?:disabled|closed|suspended|delinquent|not (?:found|active|open))/i,
      /billing account\b.{0,60}?\b(?:is|was|has been) (?:disabled|closed|suspended|delinquent)/i,
      /enable billing for (?:project|your project)/i,
      /\bonly (?:accessible|available) to billed (?:users|accounts)/i,
      /\b(?:requires?|needs?) (?:a |an active )?(?:linked )?billing account\b/i,
    ],
  },

  // ErrorInfo reasons (google.rpc.ErrorInfo.reason): authoritative where present.
  { cause: 'key_invalid', priority: PRIORITY.reason, reasons: ['API_KEY_INVALID', 'API_KEY_NOT_FOUND'] },
  { cause: 'service_disabled', priority: PRIORITY.reason, reasons: ['SERVICE_DISABLED', 'API_DISABLED'] },
  {
    cause: 'api_blocked_by_key_restriction',
    priority: PRIORITY.reason,
    reasons: ['API_KEY_SERVICE_BLOCKED', 'API_KEY_METHOD_BLOCKED'],
  },
  { cause: 'referrer_blocked', priority: PRIORITY.reason, reasons: ['API_KEY_HTTP_REFERRER_BLOCKED'] },
  { cause: 'ip_blocked', priority: PRIORITY.reason, reasons: ['API_KEY_IP_ADDRESS_BLOCKED'] },
  {
    cause: 'app_blocked',
    priority: PRIORITY.reason,
    reasons: ['API_KEY_ANDROID_APP_BLOCKED', 'API_KEY_IOS_APP_BLOCKED'],
  },
  {
    cause: 'consumer_suspended',
    priority: PRIORITY.reason,
    reasons: ['CONSUMER_SUSPENDED', 'PROJECT_SUSPENDED', 'TOS_VIOLATION'],
  },
  { cause: 'consumer_invalid', priority: PRIORITY.reason, reasons: ['CONSUMER_INVALID', 'PROJECT_INVALID'] },
  // Ambiguous: which of auth_key_rejected / standard_key_rejected / key_sent_as_bearer is decided in classify.
  { cause: 'auth_key_rejected', priority: PRIORITY.reason, reasons: ['ACCESS_TOKEN_TYPE_UNSUPPORTED'] },
  // No credential at all, or a Vertex path that takes no API key: decided in classify.
  { cause: 'key_missing', priority: PRIORITY.reason, reasons: ['CREDENTIALS_MISSING'] },
  {
    cause: 'quota_exhausted',
    priority: PRIORITY.reason,
    reasons: ['RATE_LIMIT_EXCEEDED', 'RESOURCE_EXHAUSTED', 'RESOURCE_PROJECT_INVALID_QUOTA'],
  },
  {
    cause: 'permission_denied_other',
    priority: PRIORITY.reason,
    reasons: ['ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'IAM_PERMISSION_DENIED', 'USER_PROJECT_DENIED'],
  },

  // Wordings, for pastes where the reason was lost or never sent.
  {
    cause: 'key_invalid',
    priority: PRIORITY.message,
    messages: [
      /API key not valid/i,
      /API Key not found/i,
      /API_KEY_INVALID/,
      /Invalid Auth key/i,
      /\binvalid API key\b/i,
      /API key (?:is )?invalid/i,
    ],
  },
  {
    cause: 'key_missing',
    priority: PRIORITY.message,
    messages: [
      /unregistered callers/i,
      // "API key must be set", "Gemini api key should be passed in plugin params or as …" (Genkit)
      /\bAPI[ _]key (?:should|must|needs to) be (?:set|passed|provided|specified|supplied)\b/i,
      /Missing key inputs argument/i,
      /\bAPI[ _]key (?:is )?(?:missing|required|not (?:set|provided|specified))/i,
      /(?:no|missing) API[ _]key (?:was )?(?:found|provided|set|specified)?/i,
      // "missing a configured Gemini Developer API key", "Please set an API key for …"
      /\bmissing (?:an? |the )?(?:[\w-]{1,20} ){0,3}API[ _]key\b/i,
      /\bPlease (?:set|provide) (?:an|your|the) API[ _]key\b/i,
      /\b(?:GEMINI|GOOGLE|GOOGLE_GENERATIVE_AI)_API_KEY\b.{0,40}?\b(?:is )?(?:not (?:set|found|defined)|missing|empty|undefined)\b/i,
      /missing required authentication credential/i,
      /No API_KEY or ADC found/i,
      /default credentials (?:were )?not found|Could not load the default credentials/i,
      // no key, so google-auth fell back to Application Default Credentials and the metadata server
      /Could not automatically determine credentials/i,
      /computeMetadata\/v1\/instance\/service-accounts/i,
      /must specify the GEMINI_API_KEY/i,
      /Did not find google_api_key/i,
      /Missing or invalid Authorization header/i,
      /CREDENTIALS_MISSING/,
    ],
  },
  {
    cause: 'service_disabled',
    priority: PRIORITY.message,
    messages: [/has not been used in project/i, /it is disabled\. Enable it/i, /\bSERVICE_DISABLED\b/],
  },
  {
    cause: 'api_blocked_by_key_restriction',
    priority: PRIORITY.message,
    messages: [
      /Requests to this API [\w.-]{1,100} method [\w.-]{1,200} are blocked/i,
      /API_KEY_SERVICE_BLOCKED/,
    ],
  },
  {
    cause: 'referrer_blocked',
    priority: PRIORITY.message,
    messages: [/Requests from referr?er\b/i, /HTTP_REFERRER_BLOCKED/, /referr?er restriction/i],
  },
  {
    cause: 'ip_blocked',
    priority: PRIORITY.message,
    messages: [/IP address restriction/i, /originating IP address/i, /IP_ADDRESS_BLOCKED/],
  },
  {
    cause: 'app_blocked',
    priority: PRIORITY.message,
    messages: [/Requests from this (?:Android|iOS) client application/i, /_(?:ANDROID|IOS)_APP_BLOCKED/],
  },
  {
    cause: 'consumer_suspended',
    priority: PRIORITY.message,
    messages: [
      /\bhas been suspended\b/i,
      /CONSUMER_SUSPENDED/,
      /project has been denied access/i,
      // an account decision: "disabled in this account for violation of Terms of Service"
      /\bviolation of (?:the )?Terms of Service\b/i,
      /\bTOS_VIOLATION\b/,
    ],
  },
  {
    cause: 'consumer_invalid',
    priority: PRIORITY.message,
    messages: [/Permission denied on resource project/i, /CONSUMER_INVALID/],
  },
  {
    cause: 'auth_key_rejected',
    priority: PRIORITY.message,
    messages: [
      /Expected OAuth ?2 access token/i,
      /Request had invalid authentication credentials/i,
      /ACCESS_TOKEN_TYPE_UNSUPPORTED/,
    ],
  },
  {
    // No public payload yet (reference/auth-keys-2026.md §3d); Google's usual wording for a disabled
    // or deleted service account, which an auth key runs as.
    cause: 'auth_key_service_account',
    priority: PRIORITY.message,
    messages: [
      /service account\b.{0,80}\b(?:is|was|has been) (?:disabled|deleted)/i,
      /service account\b.{0,80}\bdoes not exist/i,
    ],
  },
  {
    cause: 'location_unsupported',
    priority: PRIORITY.message,
    messages: [
      /User location is not supported/i,
      /not (?:available|supported) in your (?:country|region|location)/i,
      /unsupported (?:country|region|location)/i,
    ],
  },
  {
    cause: 'quota_exhausted',
    priority: PRIORITY.message,
    messages: [
      /exceeded your current quota/i,
      /Quota exceeded/i,
      /Resource (?:has been )?exhausted/i,
      /\bRESOURCE_EXHAUSTED\b/,
      // a QuotaFailure detail (or its fields) is a quota answer even when the status was cut off
      /google\.rpc\.QuotaFailure/,
      /["']quota(?:Id|Metric)["']/,
      /\brate[- ]limit(?:ed| exceeded| reached)/i,
      /RATE_LIMIT_EXCEEDED/,
    ],
  },
  {
    cause: 'model_not_found',
    priority: PRIORITY.message,
    messages: [
      /is not found for API version/i,
      /no longer available to new users/i,
      /not supported for (?:generateContent|streamGenerateContent|embedContent|countTokens)/i,
      /models\/[\w.-]{1,100} is not found/i,
      /Publisher Model [^ ]{1,200} (?:was not found|not found)/i,
      /\bmodel(?: [`'"]?[\w./-]{1,100}[`'"]?)? (?:is not found|not found|does not exist|is not supported|is not available)/i,
      /\b(?:unknown|invalid) model\b/i,
      /unexpected model name format/i,
      /\bmodel_not_found\b/i,
    ],
  },
  {
    // The troubleshooting guide's 403 row: "Your API key doesn't have the required permissions". A key
    // that exists but may not call the API: most often the API is not enabled in the key's project.
    cause: 'service_disabled',
    priority: PRIORITY.message,
    messages: [
      /\b(?:API )?key (?:doesn't|does not|do not|don't) have (?:the )?(?:required |necessary |sufficient )?permissions?\b/i,
    ],
  },
  {
    cause: 'permission_denied_other',
    priority: PRIORITY.message,
    messages: [
      /(?:do|does) not have permission/i,
      /caller does not have permission/i,
      /Permission '[\w.]{1,100}' denied/i,
      /insufficient authentication scopes/i,
      // account-side access (an entitlement, a release channel an admin disabled), not the key
      /\b(?:do not|don't|does not|doesn't) have access to\b/i,
      /\bmust be a named user\b/i,
      /\brequest an entitlement\b/i,
    ],
  },
  {
    cause: 'server_error',
    priority: PRIORITY.message,
    messages: [
      /model is overloaded/i,
      /internal error (?:has )?occurred/i,
      /\binternal error encountered\b/i,
      /experiencing high demand/i,
      /service is (?:currently )?unavailable/i,
      /\bInternal Server Error\b/i,
      /\bDeadline (?:exceeded|expired)\b/i,
      /\bbackend error\b/i,
      /\bServer Error\b/,
    ],
  },
  {
    cause: 'bad_request',
    priority: PRIORITY.message,
    messages: [
      /Request contains an invalid argument/i,
      /Invalid JSON payload/i,
      /\bcontents? (?:is|are) not specified/i,
      /Invalid value at '/i,
      /Unknown name "/i,
      /Unable to submit request because/i,
      /\bexceeds the maximum number of tokens/i,
      /\binput token count\b.{0,80}\bexceeds\b/i,
      /\bmime ?type\b.{0,60}\bnot supported/i,
      /\* GenerateContentRequest\./,
    ],
  },
  {
    cause: 'network_intercepted',
    priority: PRIORITY.message,
    messages: [
      /Unexpected token '?<'?/i,
      /<!DOCTYPE ?"?\.{0,3} is not valid JSON/i,
      /invalid json response body/i,
      /\bis not valid JSON\b/i,
    ],
  },
  {
    // The client put an unset variable into the URL (`?key=None`, `?key=undefined`): no key was configured.
    cause: 'key_missing',
    priority: PRIORITY.weakMessage,
    messages: [/[?&]key=(?:None|null|undefined|nil)(?![\w-])/],
  },
  {
    // OpenAI's own answer: a Gemini key was sent to api.openai.com (base URL not pointed at Google).
    cause: 'base_url_override',
    priority: PRIORITY.weakMessage,
    messages: [/Incorrect API key provided/i, /platform\.openai\.com\/account\/api-keys/i],
  },
  {
    cause: 'network_dns',
    priority: PRIORITY.message,
    messages: [
      /\bENOTFOUND\b/,
      /\bEAI_AGAIN\b/,
      /getaddrinfo/i,
      /Could not resolve host/i,
      /Name or service not known/i,
      /nodename nor servname/i,
      /Temporary failure in name resolution/i,
    ],
  },
  {
    cause: 'network_tls',
    priority: PRIORITY.message,
    messages: [
      /self[- ]signed certificate/i,
      /unable to (?:verify|get) (?:the first|local issuer|issuer)/i,
      /\bCERT_[A-Z_]{3,40}\b/,
      /certificate (?:has expired|verify failed|is not valid)/i,
      /\bSSL(?:Error|: |_ERROR|V3_)/,
      /ERR_TLS_/,
      /\bEPROTO\b/,
    ],
  },
  {
    cause: 'network_proxy',
    priority: PRIORITY.message,
    messages: [
      /Proxy Authentication Required/i,
      /tunneling socket could not be established/i,
      /\bproxy (?:error|refused|connection failed)/i,
      /ERR_PROXY_/,
    ],
  },
  {
    cause: 'network_timeout',
    priority: PRIORITY.weakMessage,
    messages: [
      /\bETIMEDOUT\b/,
      /\bESOCKETTIMEDOUT\b/,
      /UND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT/,
      /\btimed out\b/i,
      /aborted due to timeout/i,
      /\bTimeoutError\b/,
      /\b(?:request|connect|connection|read) timeout\b/i,
    ],
  },
  {
    cause: 'network_connect',
    priority: PRIORITY.weakMessage,
    messages: [
      /\bECONNREFUSED\b/,
      /\bECONNRESET\b/,
      /\bEHOSTUNREACH\b/,
      /\bENETUNREACH\b/,
      /socket hang up/i,
      /Connection (?:refused|reset)/i,
      /\bfetch failed\b/i,
      /\bFailed to fetch\b/i,
      /\bAPIConnectionError\b/,
      /Failed to connect/i,
      /socket disconnected before secure TLS connection/i,
      /UND_ERR_SOCKET/,
    ],
  },

  // Status only: the last resort when no reason or wording was recognised (ranked in STATUS_ONLY_CAUSES).
  { cause: 'location_unsupported', priority: PRIORITY.status, rpcStatuses: ['FAILED_PRECONDITION'] },
];

/**
 * When only an HTTP status is known (a client dropped the body, a log kept the status line), the
 * causes that status has, most common first, on each route. The order follows how often each cause
 * came with that status in this repository's real pastes (test/fixtures/explain: 400 → key_invalid 16,
 * bad_request 11, location_unsupported 11, multiple_credentials 5…; 403 → the project/API answers
 * before the key restrictions; 429 → quota 25, limit 0 four times), with the guide's reading first where
 * it is the key user's common case (403: "enable the Generative Language API").
 */
export interface StatusOnlyCauses {
  native: readonly CauseId[];
  /** When Google's body was there but said nothing recognised (default: the first of `native`). */
  withBody?: CauseId;
  /** The OpenAI-compatible route, where they differ (it always takes the key as Bearer). */
  openai?: readonly CauseId[];
}

export const STATUS_ONLY_CAUSES: Readonly<Record<number, StatusOnlyCauses>> = {
  // A 400 is first of all a malformed request; among the named causes a bad key is the most common.
  400: {
    native: [
      'bad_request',
      'key_invalid',
      'location_unsupported',
      'multiple_credentials',
      'key_expired',
      'free_tier_unavailable_region',
    ],
    openai: [
      'bad_request',
      'key_invalid',
      'location_unsupported',
      'model_not_found',
      'multiple_credentials',
      'key_expired',
      'free_tier_unavailable_region',
      'standard_key_rejected',
    ],
  },
  401: {
    native: [
      'auth_key_rejected',
      'key_sent_as_bearer',
      'standard_key_rejected',
      'standard_key_unrestricted',
      'vertex_requires_oauth',
    ],
    openai: [
      'auth_key_unsupported_endpoint',
      'auth_key_rejected',
      'standard_key_rejected',
      'standard_key_unrestricted',
      'key_sent_as_bearer',
      'vertex_requires_oauth',
      'key_invalid',
    ],
  },
  403: {
    withBody: 'permission_denied_other',
    native: [
      'service_disabled',
      'permission_denied_other',
      'consumer_suspended',
      'key_leaked',
      'consumer_invalid',
      'api_blocked_by_key_restriction',
      'referrer_blocked',
      'ip_blocked',
      'app_blocked',
      'key_missing',
      'auth_key_unsupported_endpoint',
      'auth_key_service_account',
      'location_unsupported',
    ],
  },
  404: { native: ['model_not_found', 'bad_request', 'base_url_override'] },
  405: { native: ['bad_request', 'base_url_override'] },
  407: { native: ['network_proxy'] },
  408: { native: ['network_timeout', 'network_proxy'] },
  413: { native: ['bad_request'] },
  429: { native: ['quota_exhausted', 'free_tier_limit_zero', 'billing'] },
  500: { native: ['server_error'] },
  501: { native: ['server_error', 'bad_request'] },
  // a 502 with no Google body is usually a proxy or gateway in between (its HTML page was dropped)
  502: { native: ['server_error', 'network_proxy', 'network_intercepted'] },
  503: { native: ['server_error'] },
  504: { native: ['server_error', 'network_timeout', 'network_proxy'] },
};

/** The cause of a status whose body Google sent but no matcher recognised. */
export function unrecognisedBodyCause(status: number): CauseId | undefined {
  const entry = STATUS_ONLY_CAUSES[status];
  return entry?.withBody ?? entry?.native[0];
}

/** The ranked causes of a bare status on a route (empty for a status with no known causes). */
export function statusOnlyCauses(status: number, style: 'native' | 'openai' | undefined): readonly CauseId[] {
  const entry = STATUS_ONLY_CAUSES[status];
  if (entry === undefined) return [];
  return (style === 'openai' ? entry.openai : undefined) ?? entry.native;
}
