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
  /**
   * Texts this matcher must fire on, and near misses it must not (like gitleaks rules' true and false
   * positives); test/catalog/matcher-examples.test.ts runs them all.
   */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

/** A Google error body with one ErrorInfo reason, for the reason matchers' examples. */
function body(code: number, status: string, message: string, reason: string): string {
  return JSON.stringify({
    error: {
      code,
      message,
      status,
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason }],
    },
  });
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
    examples: {
      match: [
        '403 Your API key was reported as leaked. Please use another API key.',
        'Error: the key has been exposed in a public repository',
      ],
      noMatch: ['Please do not leak your API key', 'API key not valid'],
    },
    priority: PRIORITY.decisiveMessage,
    messages: [/reported as leaked/i, /\bkey (?:was|has been) (?:leaked|exposed)/i],
  },
  {
    cause: 'key_expired',
    examples: {
      match: [
        '400 API key expired. Please renew the API key.',
        body(400, 'INVALID_ARGUMENT', 'x', 'API_KEY_EXPIRED'),
      ],
      noMatch: [
        'API key not valid. Please pass a valid API key.',
        'The access token expires in 3600 seconds',
      ],
    },
    priority: PRIORITY.decisiveMessage,
    reasons: ['API_KEY_EXPIRED', 'ACCESS_TOKEN_EXPIRED'],
    messages: [/API key (?:is |has )?expired/i, /renew the API key/i],
  },
  {
    cause: 'free_tier_unavailable_region',
    examples: {
      match: [
        'Gemini API free tier is not available in your country. Please enable billing on your project in Google AI Studio.',
        'User location is not supported for the API use without a billing account linked.',
      ],
      noMatch: [
        'User location is not supported for the API use.',
        'The free tier has a limit of 15 requests per minute',
      ],
    },
    priority: PRIORITY.decisiveMessage,
    messages: [
      /free tier is not available in your (?:country|region|location)/i,
      /location is not supported for the API use without a billing account/i,
    ],
  },
  {
    cause: 'multiple_credentials',
    examples: {
      match: [
        '[{"error":{"code":400,"message":"Multiple authentication credentials received. Please pass only one.","status":"INVALID_ARGUMENT"}}]',
      ],
      noMatch: ['No credentials received', 'API key not valid'],
    },
    priority: PRIORITY.decisiveMessage,
    messages: [/Multiple authentication credentials/i, /pass only one\b/i],
  },
  {
    cause: 'vertex_requires_oauth',
    examples: {
      match: [
        '401 API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal.',
      ],
      noMatch: [
        'Request had invalid authentication credentials. Expected OAuth 2 access token',
        'API key not valid',
      ],
    },
    priority: PRIORITY.decisiveMessage,
    messages: [
      /API keys are not supported by this API/i,
      /authentication credentials that assert a principal/i,
    ],
  },
  {
    cause: 'billing',
    examples: {
      match: [
        'Your prepayment credits are depleted. Please go to AI Studio to manage your project and billing.',
        body(403, 'PERMISSION_DENIED', 'This API method requires billing to be enabled.', 'BILLING_DISABLED'),
      ],
      noMatch: [
        'You exceeded your current quota, please check your plan and billing details.',
        'billing details: see the invoice',
      ],
    },
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
  {
    cause: 'key_invalid',
    examples: {
      match: [
        body(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID'),
      ],
      noMatch: [body(400, 'INVALID_ARGUMENT', 'x', 'API_KEY_EXPIRED')],
    },
    priority: PRIORITY.reason,
    reasons: ['API_KEY_INVALID', 'API_KEY_NOT_FOUND'],
  },
  {
    cause: 'service_disabled',
    examples: {
      match: [
        body(
          403,
          'PERMISSION_DENIED',
          'Generative Language API has not been used in project 1 before or it is disabled.',
          'SERVICE_DISABLED',
        ),
      ],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'CONSUMER_SUSPENDED')],
    },
    priority: PRIORITY.reason,
    reasons: ['SERVICE_DISABLED', 'API_DISABLED'],
  },
  {
    cause: 'api_blocked_by_key_restriction',
    examples: {
      match: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_SERVICE_BLOCKED')],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_HTTP_REFERRER_BLOCKED')],
    },
    priority: PRIORITY.reason,
    reasons: ['API_KEY_SERVICE_BLOCKED', 'API_KEY_METHOD_BLOCKED'],
  },
  {
    cause: 'referrer_blocked',
    examples: {
      match: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_HTTP_REFERRER_BLOCKED')],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_IP_ADDRESS_BLOCKED')],
    },
    priority: PRIORITY.reason,
    reasons: ['API_KEY_HTTP_REFERRER_BLOCKED'],
  },
  {
    cause: 'ip_blocked',
    examples: {
      match: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_IP_ADDRESS_BLOCKED')],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_HTTP_REFERRER_BLOCKED')],
    },
    priority: PRIORITY.reason,
    reasons: ['API_KEY_IP_ADDRESS_BLOCKED'],
  },
  {
    cause: 'app_blocked',
    examples: {
      match: [
        body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_ANDROID_APP_BLOCKED'),
        body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_IOS_APP_BLOCKED'),
      ],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_SERVICE_BLOCKED')],
    },
    priority: PRIORITY.reason,
    reasons: ['API_KEY_ANDROID_APP_BLOCKED', 'API_KEY_IOS_APP_BLOCKED'],
  },
  {
    cause: 'consumer_suspended',
    examples: {
      match: [
        body(403, 'PERMISSION_DENIED', 'x', 'CONSUMER_SUSPENDED'),
        body(403, 'PERMISSION_DENIED', 'x', 'TOS_VIOLATION'),
      ],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'CONSUMER_INVALID')],
    },
    priority: PRIORITY.reason,
    reasons: ['CONSUMER_SUSPENDED', 'PROJECT_SUSPENDED', 'TOS_VIOLATION'],
  },
  {
    cause: 'consumer_invalid',
    examples: {
      match: [body(403, 'PERMISSION_DENIED', 'x', 'CONSUMER_INVALID')],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'CONSUMER_SUSPENDED')],
    },
    priority: PRIORITY.reason,
    reasons: ['CONSUMER_INVALID', 'PROJECT_INVALID'],
  },
  // Ambiguous: which of auth_key_rejected / standard_key_rejected / key_sent_as_bearer is decided in classify.
  {
    cause: 'auth_key_rejected',
    examples: {
      match: [body(401, 'UNAUTHENTICATED', 'x', 'ACCESS_TOKEN_TYPE_UNSUPPORTED')],
      noMatch: [body(401, 'UNAUTHENTICATED', 'x', 'CREDENTIALS_MISSING')],
    },
    priority: PRIORITY.reason,
    reasons: ['ACCESS_TOKEN_TYPE_UNSUPPORTED'],
  },
  // No credential at all, or a Vertex path that takes no API key: decided in classify.
  {
    cause: 'key_missing',
    examples: {
      match: [body(401, 'UNAUTHENTICATED', 'x', 'CREDENTIALS_MISSING')],
      noMatch: [body(401, 'UNAUTHENTICATED', 'x', 'ACCESS_TOKEN_TYPE_UNSUPPORTED')],
    },
    priority: PRIORITY.reason,
    reasons: ['CREDENTIALS_MISSING'],
  },
  {
    cause: 'quota_exhausted',
    examples: {
      match: [body(429, 'RESOURCE_EXHAUSTED', 'x', 'RATE_LIMIT_EXCEEDED')],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'SERVICE_DISABLED')],
    },
    priority: PRIORITY.reason,
    reasons: ['RATE_LIMIT_EXCEEDED', 'RESOURCE_EXHAUSTED', 'RESOURCE_PROJECT_INVALID_QUOTA'],
  },
  {
    cause: 'permission_denied_other',
    examples: {
      match: [
        body(403, 'PERMISSION_DENIED', 'x', 'IAM_PERMISSION_DENIED'),
        body(403, 'PERMISSION_DENIED', 'x', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'),
      ],
      noMatch: [body(403, 'PERMISSION_DENIED', 'x', 'API_KEY_SERVICE_BLOCKED')],
    },
    priority: PRIORITY.reason,
    reasons: ['ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'IAM_PERMISSION_DENIED', 'USER_PROJECT_DENIED'],
  },

  // Wordings, for pastes where the reason was lost or never sent.
  {
    cause: 'key_invalid',
    examples: {
      match: [
        '400 API key not valid. Please pass a valid API key.',
        'API Key not found. Please pass a valid API key.',
        'Error: Invalid API key provided',
      ],
      noMatch: ['API key expired. Please renew the API key.', 'the API key is valid'],
    },
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
    examples: {
      match: [
        "Method doesn't allow unregistered callers (callers without established identity).",
        'Missing key inputs argument! To use the Google AI API, provide (`api_key`) arguments.',
        "Google Generative AI API key is missing. Pass it using the 'apiKey' parameter or the GOOGLE_GENERATIVE_AI_API_KEY environment variable.",
        'Could not load the default credentials.',
      ],
      noMatch: ['API key not valid', 'the key is present and loaded'],
    },
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
    examples: {
      match: [
        'Generative Language API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/',
        'reason: SERVICE_DISABLED',
      ],
      noMatch: [
        'The service is currently unavailable.',
        'This service has been disabled in this account for violation of Terms of Service.',
      ],
    },
    priority: PRIORITY.message,
    messages: [/has not been used in project/i, /it is disabled\. Enable it/i, /\bSERVICE_DISABLED\b/],
  },
  {
    cause: 'api_blocked_by_key_restriction',
    examples: {
      match: [
        'Requests to this API generativelanguage.googleapis.com method google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent are blocked.',
      ],
      noMatch: ['Requests from referer <empty> are blocked.', 'Requests to this API are welcome'],
    },
    priority: PRIORITY.message,
    messages: [
      /Requests to this API [\w.-]{1,100} method [\w.-]{1,200} are blocked/i,
      /API_KEY_SERVICE_BLOCKED/,
    ],
  },
  {
    cause: 'referrer_blocked',
    examples: {
      match: [
        'Requests from referer <empty> are blocked.',
        'Requests from referrer https://example.com/ are blocked.',
      ],
      noMatch: ['Requests to this API generativelanguage.googleapis.com method x are blocked.'],
    },
    priority: PRIORITY.message,
    messages: [/Requests from referr?er\b/i, /HTTP_REFERRER_BLOCKED/, /referr?er restriction/i],
  },
  {
    cause: 'ip_blocked',
    examples: {
      match: [
        'The IP address restriction of this API key blocks the request',
        'The originating IP address 203.0.113.5 is not allowed',
      ],
      noMatch: ['Requests from referer <empty> are blocked.'],
    },
    priority: PRIORITY.message,
    messages: [/IP address restriction/i, /originating IP address/i, /IP_ADDRESS_BLOCKED/],
  },
  {
    cause: 'app_blocked',
    examples: {
      match: [
        'Requests from this Android client application <empty> are blocked.',
        'Requests from this iOS client application com.example are blocked.',
      ],
      noMatch: ['Requests from referer <empty> are blocked.'],
    },
    priority: PRIORITY.message,
    messages: [/Requests from this (?:Android|iOS) client application/i, /_(?:ANDROID|IOS)_APP_BLOCKED/],
  },
  {
    cause: 'consumer_suspended',
    examples: {
      match: [
        "Permission denied: Consumer 'api_key:AIzaSy...' has been suspended.",
        'This service has been disabled in this account for violation of Terms of Service.',
      ],
      noMatch: ['Permission denied on resource project default.', 'the project was resumed'],
    },
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
    examples: {
      match: ['Permission denied on resource project default.'],
      noMatch: ["Permission 'cloudaicompanion.companions.generateChat' denied on resource"],
    },
    priority: PRIORITY.message,
    messages: [/Permission denied on resource project/i, /CONSUMER_INVALID/],
  },
  {
    cause: 'auth_key_rejected',
    examples: {
      match: [
        '401 Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'reason: ACCESS_TOKEN_TYPE_UNSUPPORTED',
      ],
      noMatch: ['API keys are not supported by this API.', 'OAuth login succeeded'],
    },
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
    examples: {
      match: [
        'The service account bound to this API key is disabled or does not exist.',
        'Service account projects/p/serviceAccounts/x has been deleted',
      ],
      noMatch: ['Use a service account to call Vertex AI'],
    },
    priority: PRIORITY.message,
    messages: [
      /service account\b.{0,80}\b(?:is|was|has been) (?:disabled|deleted)/i,
      /service account\b.{0,80}\bdoes not exist/i,
    ],
  },
  {
    cause: 'location_unsupported',
    examples: {
      match: ['User location is not supported for the API use.', 'Gemini is not available in your country'],
      noMatch: ['Location header missing', 'location: global'],
    },
    priority: PRIORITY.message,
    messages: [
      /User location is not supported/i,
      /not (?:available|supported) in your (?:country|region|location)/i,
      /unsupported (?:country|region|location)/i,
    ],
  },
  {
    cause: 'quota_exhausted',
    examples: {
      match: [
        'You exceeded your current quota, please check your plan and billing details.',
        '429 Resource has been exhausted (e.g. check quota).',
        'Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0',
      ],
      noMatch: ['Too Many Requests', 'quota: 1000 requests per day is your plan'],
    },
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
    examples: {
      match: [
        'models/gemini-9-pro is not found for API version v1beta, or is not supported for generateContent.',
        'The model `gemini-x` does not exist',
      ],
      noMatch: ['404 Not Found', 'model: gemini-2.5-flash'],
    },
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
    examples: {
      match: ["Your API key doesn't have the required permissions", 'The API key does not have permission'],
      noMatch: ['The caller does not have permission'],
    },
    priority: PRIORITY.message,
    messages: [
      /\b(?:API )?key (?:doesn't|does not|do not|don't) have (?:the )?(?:required |necessary |sufficient )?permissions?\b/i,
    ],
  },
  {
    cause: 'permission_denied_other',
    examples: {
      match: [
        'The caller does not have permission',
        "Permission 'cloudaicompanion.companions.generateChat' denied on resource",
        "You must be a named user on your organization's Gemini Code Assist Standard edition subscription",
      ],
      noMatch: ["Your API key doesn't have the required permissions", 'Permission granted'],
    },
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
    examples: {
      match: [
        'The model is overloaded. Please try again later.',
        'An internal error has occurred.',
        '500 Internal Server Error',
      ],
      noMatch: ['User error: bad input', 'server: nginx'],
    },
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
    examples: {
      match: [
        'Request contains an invalid argument.',
        'Invalid JSON payload received. Unknown name "foo"',
        '* GenerateContentRequest.contents: contents is not specified',
      ],
      noMatch: ['API key not valid', 'The request succeeded'],
    },
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
    examples: {
      match: [
        'SyntaxError: Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON',
        'invalid json response body at https://proxy.example/ reason: Unexpected end',
      ],
      noMatch: ['Invalid JSON payload received.'],
    },
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
    examples: {
      match: [
        'POST https://generativelanguage.googleapis.com/v1beta/models/x:generateContent?key=undefined',
        '?key=None&alt=json',
      ],
      noMatch: ['?key=AIzaSyFAKE', '?key=nonempty'],
    },
    priority: PRIORITY.weakMessage,
    messages: [/[?&]key=(?:None|null|undefined|nil)(?![\w-])/],
  },
  {
    // OpenAI's own answer: a Gemini key was sent to api.openai.com (base URL not pointed at Google).
    cause: 'base_url_override',
    examples: {
      match: [
        'Incorrect API key provided: AIzaSy***. You can find your API key at https://platform.openai.com/account/api-keys.',
      ],
      noMatch: ['API key not valid. Please pass a valid API key.'],
    },
    priority: PRIORITY.weakMessage,
    messages: [/Incorrect API key provided/i, /platform\.openai\.com\/account\/api-keys/i],
  },
  {
    cause: 'network_dns',
    examples: {
      match: [
        'getaddrinfo ENOTFOUND generativelanguage.googleapis.com',
        'curl: (6) Could not resolve host: generativelanguage.googleapis.com',
      ],
      noMatch: ['ECONNREFUSED 127.0.0.1:443'],
    },
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
    examples: {
      match: [
        'Error: self-signed certificate in certificate chain',
        'unable to get local issuer certificate',
      ],
      noMatch: ['certificate renewed successfully'],
    },
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
    examples: {
      match: [
        '407 Proxy Authentication Required',
        'tunneling socket could not be established, cause=connect ECONNREFUSED',
      ],
      noMatch: ['proxy settings loaded'],
    },
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
    examples: {
      match: ['connect ETIMEDOUT 142.250.1.1:443', 'The operation was aborted due to timeout'],
      noMatch: ['timeout set to 60s'],
    },
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
    examples: {
      match: ['TypeError: fetch failed', 'read ECONNRESET', 'socket hang up'],
      noMatch: ['connection established'],
    },
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
  {
    cause: 'location_unsupported',
    examples: {
      match: ['{"error":{"code":400,"message":"Precondition check failed.","status":"FAILED_PRECONDITION"}}'],
      noMatch: ['{"error":{"code":400,"message":"x","status":"INVALID_ARGUMENT"}}'],
    },
    priority: PRIORITY.status,
    rpcStatuses: ['FAILED_PRECONDITION'],
  },
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
      'auth_key_service_account',
    ],
    openai: [
      'auth_key_unsupported_endpoint',
      'auth_key_rejected',
      'standard_key_rejected',
      'standard_key_unrestricted',
      'key_sent_as_bearer',
      'vertex_requires_oauth',
      'auth_key_service_account',
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
