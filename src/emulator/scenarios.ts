import type { CauseId } from '../catalog/cause-id.js';
import {
  accessTokenTypeUnsupported,
  apiKeyInvalid,
  blockedByKeyRestriction,
  type EmulatedAnswer,
  error,
  fullRpc,
  invalidArgument,
  multipleCredentials,
  PROXY_502_HTML,
  type Provenance,
  quotaHelp,
  quotaMessage,
  type RequestEcho,
  SERVICE,
  unregisteredCaller,
  vertexApiKeysNotSupported,
  vertexBlockedForAuthKey,
} from './error-answers.js';
import {
  errorInfo,
  formatDuration,
  googleError,
  help,
  localizedMessage,
  quotaFailure,
  retryInfo,
} from './google-status.js';

/**
 * Every answer the emulator can give besides a success, named. Error bodies are modelled on the
 * real payloads in ../shared/fixtures/real-errors.json and reference/auth-keys-2026.md (§3); the
 * fixture id or reference row each one follows is noted next to it, and `evidence` says how sure
 * we are that Google answers exactly so ('real': a verbatim paste; 'reported': a maintainer's or
 * probe's account; 'inferred': no public payload, shape kept to Google's usual form).
 */

export interface ScenarioDefinition<Id extends string = ScenarioId> {
  id: Id;
  /** The catalog cause a correct diagnosis names; null for success. */
  cause: CauseId | null;
  /** HTTP status of the answer; 0 where no HTTP answer comes at all (reset, hang). */
  http: number;
  description: string;
  evidence: Provenance;
  /** Standard keys in this scenario work when the emulator runs with the pre-2026 rules. */
  legacyWorks?: boolean;
  answer(ctx: RequestEcho): EmulatedAnswer;
}

const DEFINITIONS = [
  {
    id: 'ok',
    cause: null,
    http: 200,
    description: 'works: every route answers 200 with deterministic content',
    evidence: 'real',
    answer: () => ({ kind: 'ok' }),
  },
  {
    id: 'key_missing',
    cause: 'key_missing',
    http: 403,
    description: 'as if something in between dropped the key: 403 "unregistered callers"',
    evidence: 'real',
    answer: unregisteredCaller,
  },
  {
    id: 'key_invalid',
    cause: 'key_invalid',
    http: 400,
    description: 'deleted or mistyped key: 400 INVALID_ARGUMENT, reason API_KEY_INVALID',
    evidence: 'real',
    answer: () => apiKeyInvalid(),
  },
  {
    id: 'key_expired',
    cause: 'key_expired',
    http: 400,
    description: 'expired key: 400 "API key expired. Please renew the API key.", reason API_KEY_INVALID',
    evidence: 'real',
    answer: () => apiKeyInvalid('API key expired. Please renew the API key.'),
  },
  {
    // fixture continue-10513: no details at all, the message is the only signal.
    id: 'key_leaked',
    cause: 'key_leaked',
    http: 403,
    description: 'key blocked as leaked: 403 PERMISSION_DENIED without details',
    evidence: 'real',
    answer: () =>
      error(
        403,
        googleError(
          403,
          'PERMISSION_DENIED',
          'Your API key was reported as leaked. Please use another API key.',
        ),
      ),
  },
  {
    // reference §3 b: the claimed answer once all standard keys are refused (cutoff never confirmed).
    id: 'standard_key_rejected',
    cause: 'standard_key_rejected',
    http: 400,
    description:
      'standard AIza key after the announced standard-key cutoff: 400 API_KEY_INVALID (works with --legacy-keys)',
    evidence: 'reported',
    legacyWorks: true,
    answer: () => apiKeyInvalid(),
  },
  {
    // reference §3 a: maintainers attribute this 401 to unrestricted standard keys after 2026-06-19.
    id: 'standard_key_unrestricted',
    cause: 'standard_key_unrestricted',
    http: 401,
    description:
      'unrestricted standard key (rejected since 2026-06-19): 401 ACCESS_TOKEN_TYPE_UNSUPPORTED (works with --legacy-keys)',
    evidence: 'reported',
    legacyWorks: true,
    answer: accessTokenTypeUnsupported,
  },
  {
    id: 'auth_key_rejected',
    cause: 'auth_key_rejected',
    http: 401,
    description: 'well-formed AQ. auth key not accepted for its project: 401 ACCESS_TOKEN_TYPE_UNSUPPORTED',
    evidence: 'real',
    answer: accessTokenTypeUnsupported,
  },
  {
    id: 'auth_key_unsupported_endpoint',
    cause: 'auth_key_unsupported_endpoint',
    http: 403,
    description:
      'AI Studio auth key sent to Vertex AI: 403 API_KEY_SERVICE_BLOCKED for aiplatform.googleapis.com',
    evidence: 'real',
    answer: vertexBlockedForAuthKey,
  },
  {
    id: 'auth_key_service_account',
    cause: 'auth_key_service_account',
    // reference §3 d: no public payload; the one account of it says "a 401 needs a valid or re-enabled
    // service account", and every other auth-key refusal is 401 UNAUTHENTICATED.
    http: 401,
    description:
      "auth key whose bound service account is disabled or deleted: 401 UNAUTHENTICATED (no public payload; Google's usual shape)",
    evidence: 'inferred',
    answer: () =>
      error(
        401,
        googleError(
          401,
          'UNAUTHENTICATED',
          'The service account bound to this API key is disabled or does not exist.',
        ),
      ),
  },
  {
    id: 'multiple_credentials',
    cause: 'multiple_credentials',
    http: 400,
    description: 'as if two credentials were sent: 400 "Multiple authentication credentials received"',
    evidence: 'real',
    answer: multipleCredentials,
  },
  {
    id: 'key_sent_as_bearer',
    cause: 'key_sent_as_bearer',
    http: 401,
    description:
      'as if the key went as Authorization: Bearer to a native route: 401 ACCESS_TOKEN_TYPE_UNSUPPORTED',
    evidence: 'real',
    answer: accessTokenTypeUnsupported,
  },
  {
    // fixture gemini-cli-1343 (metadata key set) and generative-ai-python#10 (Help link text).
    id: 'service_disabled',
    cause: 'service_disabled',
    http: 403,
    description:
      "Generative Language API disabled in the key's project: 403 SERVICE_DISABLED with activationUrl",
    evidence: 'real',
    answer: (ctx) => {
      const url = `https://console.developers.google.com/apis/api/${SERVICE}/overview?project=${ctx.projectNumber}`;
      const message = `Generative Language API has not been used in project ${ctx.projectNumber} before or it is disabled. Enable it by visiting ${url} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`;
      return error(
        403,
        googleError(403, 'PERMISSION_DENIED', message, [
          errorInfo('SERVICE_DISABLED', {
            serviceTitle: 'Generative Language API',
            consumer: `projects/${ctx.projectNumber}`,
            containerInfo: ctx.projectNumber,
            service: SERVICE,
            activationUrl: url,
          }),
          localizedMessage(message),
          help([{ description: 'Google developers console API activation', url }]),
        ]),
      );
    },
  },
  {
    // fixture continue-12781.
    id: 'api_blocked_by_key_restriction',
    cause: 'api_blocked_by_key_restriction',
    http: 403,
    description: "key's API restrictions exclude the Gemini API: 403 API_KEY_SERVICE_BLOCKED",
    evidence: 'real',
    answer: (ctx) => {
      const message = `Requests to this API ${SERVICE} method ${fullRpc(ctx)} are blocked.`;
      return blockedByKeyRestriction('API_KEY_SERVICE_BLOCKED', message, {
        consumer: `projects/${ctx.projectNumber}`,
        service: SERVICE,
        apiName: SERVICE,
        methodName: fullRpc(ctx),
      });
    },
  },
  {
    // fixture geminiapp-10.
    id: 'referrer_blocked',
    cause: 'referrer_blocked',
    http: 403,
    description:
      'key restricted to websites, called without an allowed Referer: 403 API_KEY_HTTP_REFERRER_BLOCKED',
    evidence: 'real',
    answer: (ctx) => {
      const message = 'Requests from referer <empty> are blocked.';
      return blockedByKeyRestriction('API_KEY_HTTP_REFERRER_BLOCKED', message, {
        consumer: `projects/${ctx.projectNumber}`,
        service: SERVICE,
        httpReferrer: '<empty>',
      });
    },
  },
  {
    // fixture purainity-blog-ip-address-blocked.
    id: 'ip_blocked',
    cause: 'ip_blocked',
    http: 403,
    description:
      "key restricted to IP addresses that do not include the caller's: 403 API_KEY_IP_ADDRESS_BLOCKED",
    evidence: 'real',
    answer: (ctx) => {
      const message = `The provided API key has an IP address restriction. The originating IP address of the call (${ctx.callerIp}) violates this restriction.`;
      return blockedByKeyRestriction('API_KEY_IP_ADDRESS_BLOCKED', message, {
        callerIp: ctx.callerIp,
        service: SERVICE,
        consumer: `projects/${ctx.projectNumber}`,
      });
    },
  },
  {
    // fixture android-170 (message; the reason name is the documented one for this text).
    id: 'app_blocked',
    cause: 'app_blocked',
    http: 403,
    description:
      'key restricted to an Android app, called without its package/certificate: 403 API_KEY_ANDROID_APP_BLOCKED',
    evidence: 'real',
    answer: (ctx) => {
      const message = 'Requests from this Android client application <empty> are blocked.';
      return blockedByKeyRestriction('API_KEY_ANDROID_APP_BLOCKED', message, {
        consumer: `projects/${ctx.projectNumber}`,
        service: SERVICE,
      });
    },
  },
  {
    // fixture muse-6 (Google echoes the key here; we echo only its masked form).
    id: 'consumer_suspended',
    cause: 'consumer_suspended',
    http: 403,
    description: 'key or project suspended for abuse: 403 CONSUMER_SUSPENDED',
    evidence: 'real',
    answer: (ctx) =>
      error(
        403,
        googleError(
          403,
          'PERMISSION_DENIED',
          `Permission denied: Consumer 'api_key:${ctx.maskedKey}' has been suspended.`,
          [errorInfo('CONSUMER_SUSPENDED', { service: SERVICE, consumer: `projects/${ctx.projectNumber}` })],
        ),
      ),
  },
  {
    // fixture gemini-cli-1808 (with its legacy errors[] list).
    id: 'consumer_invalid',
    cause: 'consumer_invalid',
    http: 403,
    description: 'the project behind the request is invalid or deleted: 403 CONSUMER_INVALID',
    evidence: 'real',
    answer: (ctx) => {
      const message = `Permission denied on resource project ${ctx.projectNumber}.`;
      const body = googleError(403, 'PERMISSION_DENIED', message, [
        errorInfo('CONSUMER_INVALID', {
          service: SERVICE,
          consumer: `projects/${ctx.projectNumber}`,
          containerInfo: ctx.projectNumber,
        }),
        localizedMessage(message),
        help([{ description: 'Google developers console', url: 'https://console.developers.google.com' }]),
      ]);
      return error(403, {
        error: {
          code: 403,
          message,
          errors: [{ message, domain: 'global', reason: 'forbidden' }],
          status: 'PERMISSION_DENIED',
          ...(body.error.details ? { details: body.error.details } : {}),
        },
      });
    },
  },
  {
    // fixture discuss-169215 (the trailing space is Google's).
    id: 'billing',
    cause: 'billing',
    http: 429,
    description: 'prepaid credits used up: 429 RESOURCE_EXHAUSTED "Your prepayment credits are depleted"',
    evidence: 'real',
    answer: () =>
      error(
        429,
        googleError(
          429,
          'RESOURCE_EXHAUSTED',
          'Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing. Learn more at https://ai.google.dev/gemini-api/docs/billing#prepay. ',
        ),
      ),
  },
  {
    // fixture poenl-gemini-api-4.
    id: 'location_unsupported',
    cause: 'location_unsupported',
    http: 400,
    description: 'caller in an unsupported country (or a VPN/proxy exit there): 400 FAILED_PRECONDITION',
    evidence: 'real',
    answer: () =>
      error(400, googleError(400, 'FAILED_PRECONDITION', 'User location is not supported for the API use.')),
  },
  {
    // fixture neo-chat-7.
    id: 'free_tier_unavailable_region',
    cause: 'free_tier_unavailable_region',
    http: 400,
    description: 'free tier not offered in the caller\'s region: 400 "…without a billing account linked."',
    evidence: 'real',
    answer: () =>
      error(
        400,
        googleError(
          400,
          'FAILED_PRECONDITION',
          'User location is not supported for the API use without a billing account linked.',
        ),
      ),
  },
  {
    // fixture oppl-free-tier-daily-250-wrapped (details order) with the current message suffix.
    id: 'quota_exhausted',
    cause: 'quota_exhausted',
    http: 429,
    description: 'rate limit hit: 429 RESOURCE_EXHAUSTED with QuotaFailure, Help and RetryInfo',
    evidence: 'real',
    answer: (ctx) => {
      const delay = formatDuration(ctx.retryDelaySeconds);
      return error(
        429,
        googleError(
          429,
          'RESOURCE_EXHAUSTED',
          quotaMessage(ctx, 'generate_content_free_tier_requests', '10', delay),
          [
            quotaFailure([
              {
                quotaMetric: `${SERVICE}/generate_content_free_tier_requests`,
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                quotaDimensions: { location: 'global', model: ctx.model },
                quotaValue: '10',
              },
            ]),
            quotaHelp,
            retryInfo(ctx.retryDelaySeconds),
          ],
        ),
      );
    },
  },
  {
    // fixture continue-10066: "limit: 0" on free-tier metrics, yet still "Please retry in …".
    id: 'free_tier_limit_zero',
    cause: 'free_tier_limit_zero',
    http: 429,
    description: 'no free quota at all for this model in this project: 429 with "limit: 0"',
    evidence: 'real',
    answer: (ctx) => {
      const delay = formatDuration(ctx.retryDelaySeconds);
      return error(
        429,
        googleError(
          429,
          'RESOURCE_EXHAUSTED',
          quotaMessage(ctx, 'generate_content_free_tier_requests', '0', delay),
          [
            quotaHelp,
            quotaFailure([
              {
                quotaMetric: `${SERVICE}/generate_content_free_tier_requests`,
                quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
                quotaDimensions: { location: 'global', model: ctx.model },
                quotaValue: '0',
              },
            ]),
            retryInfo(ctx.retryDelaySeconds),
          ],
        ),
      );
    },
  },
  {
    id: 'vertex_requires_oauth',
    cause: 'vertex_requires_oauth',
    http: 401,
    description:
      'as if the key went to a Vertex AI project path: 401 "API keys are not supported by this API"',
    evidence: 'real',
    answer: vertexApiKeysNotSupported,
  },
  {
    // fixture claude-mem-3278: the 404 depends on the key's age, so it looks like a key problem.
    id: 'model_not_found',
    cause: 'model_not_found',
    http: 404,
    description: 'the model is not available to this key: 404 NOT_FOUND "…no longer available to new users"',
    evidence: 'real',
    answer: (ctx) =>
      error(
        404,
        googleError(
          404,
          'NOT_FOUND',
          `This model models/${ctx.model} is no longer available to new users. Please update your code to use a newer model for the latest features and improvements.`,
        ),
      ),
  },
  {
    id: 'permission_denied_other',
    cause: 'permission_denied_other',
    http: 403,
    description: 'some other permission problem: 403 PERMISSION_DENIED "The caller does not have permission"',
    evidence: 'real',
    answer: () => error(403, googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission')),
  },
  {
    id: 'bad_request',
    cause: 'bad_request',
    http: 400,
    description: 'a malformed request, not a key problem: 400 "Request contains an invalid argument."',
    evidence: 'real',
    answer: () => invalidArgument('Request contains an invalid argument.'),
  },
  {
    // fixture gemini-openai-proxy-63.
    id: 'server_error',
    cause: 'server_error',
    http: 500,
    description: 'Google-side failure: 500 INTERNAL',
    evidence: 'real',
    answer: () =>
      error(
        500,
        googleError(
          500,
          'INTERNAL',
          'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
        ),
      ),
  },
  {
    // fixture cookbook-425.
    id: 'server_overloaded',
    cause: 'server_error',
    http: 503,
    description: 'model overloaded: 503 UNAVAILABLE "The model is overloaded. Please try again later."',
    evidence: 'real',
    answer: () =>
      error(503, googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.')),
  },
  {
    id: 'proxy_html_502',
    cause: 'network_intercepted',
    http: 502,
    description: 'a proxy in between answers with its own HTML 502 page instead of JSON',
    evidence: 'real',
    answer: () => ({ kind: 'html', status: 502, html: PROXY_502_HTML }),
  },
  {
    id: 'connection_reset',
    cause: 'network_connect',
    http: 0,
    description: 'the connection is reset after the request arrives (ECONNRESET, "fetch failed")',
    evidence: 'real',
    answer: () => ({ kind: 'fault', fault: 'connection_reset' }),
  },
  {
    id: 'hang',
    cause: 'network_timeout',
    http: 0,
    description: 'no answer at all until the client gives up (tests your timeout)',
    evidence: 'real',
    answer: () => ({ kind: 'fault', fault: 'hang' }),
  },
  {
    id: 'truncated_body',
    cause: 'network_connect',
    http: 200,
    description: 'a 200 whose JSON body stops half-way and the connection closes',
    evidence: 'real',
    answer: () => ({ kind: 'fault', fault: 'truncated_body' }),
  },
  {
    id: 'huge_body',
    cause: 'network_intercepted',
    http: 502,
    description: 'a 10 MB HTML body from something in between (tests your body-size cap)',
    evidence: 'inferred',
    answer: () => ({ kind: 'fault', fault: 'huge_body' }),
  },
] as const satisfies readonly ScenarioDefinition<string>[];

export type ScenarioId = (typeof DEFINITIONS)[number]['id'];
export type { FailureAnswer, FaultId, Provenance, RequestEcho } from './error-answers.js';

/** Every scenario id, in table order: derived from the table, so none can be missing. */
export const SCENARIO_IDS: readonly ScenarioId[] = DEFINITIONS.map((d) => d.id);

export const SCENARIOS: Readonly<Record<ScenarioId, ScenarioDefinition>> = Object.fromEntries(
  DEFINITIONS.map((d) => [d.id, d]),
) as Record<ScenarioId, ScenarioDefinition>;

const SCENARIO_ID_SET: ReadonlySet<string> = new Set(SCENARIO_IDS);

export function isScenarioId(value: string): value is ScenarioId {
  return SCENARIO_ID_SET.has(value);
}
