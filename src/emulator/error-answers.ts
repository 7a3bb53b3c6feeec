import { errorInfo, type GoogleErrorBody, googleError, help, localizedMessage } from './google-status.js';

/**
 * The answers the emulator builds (Google's error bodies, HTML pages, faults) and the facts about the
 * request they echo. scenarios.ts is the table that names each answer; the real payload each builder
 * follows is noted next to it.
 */
export type FaultId = 'connection_reset' | 'hang' | 'truncated_body' | 'huge_body';

/** How sure we are that Google answers exactly so: a verbatim paste, a maintainer's account, or inferred. */
export type Provenance = 'real' | 'reported' | 'inferred';

/** What the server does instead of (or as) a success. */
export type FailureAnswer =
  | { kind: 'error'; status: number; body: GoogleErrorBody }
  | { kind: 'html'; status: number; html: string }
  | { kind: 'fault'; fault: FaultId };

export type EmulatedAnswer = { kind: 'ok' } | FailureAnswer;

/** Facts about the request that real error bodies echo back. */
export interface RequestEcho {
  /** `v1beta` or `v1`, as in the URL. */
  apiVersion: string;
  /** RPC name suffix, e.g. `GenerativeService.GenerateContent`, `ModelService.ListModels`. */
  rpc: string;
  /** REST method word used in 404 texts: `generateContent`, `countTokens`… */
  verb: string;
  /** Bare model id (`gemini-2.5-flash`), or the default model on routes without one. */
  model: string;
  /** Masked form of the key sent: Google echoes some keys (CONSUMER_SUSPENDED); we never echo one whole. */
  maskedKey: string;
  projectNumber: string;
  retryDelaySeconds: number;
  callerIp: string;
}

export const SERVICE = 'generativelanguage.googleapis.com';
export const fullRpc = (ctx: RequestEcho): string =>
  `google.ai.generativelanguage.${ctx.apiVersion}.${ctx.rpc}`;
export const error = (status: number, body: GoogleErrorBody): FailureAnswer => ({
  kind: 'error',
  status,
  body,
});

/**
 * The 403 Google sends when a key's restrictions block the call: ErrorInfo with the reason and its
 * metadata (in Google's field order, as given), then the message again as a LocalizedMessage.
 */
export function blockedByKeyRestriction(
  reason: string,
  message: string,
  metadata: Record<string, string>,
): FailureAnswer {
  return error(
    403,
    googleError(403, 'PERMISSION_DENIED', message, [errorInfo(reason, metadata), localizedMessage(message)]),
  );
}

/** Shared by several causes: Google's OAuth-flavoured 401 (fixture xalgorix-2, ak26-forum-175711). */
export function accessTokenTypeUnsupported(ctx: RequestEcho): FailureAnswer {
  return error(
    401,
    googleError(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      [errorInfo('ACCESS_TOKEN_TYPE_UNSUPPORTED', { method: fullRpc(ctx), service: SERVICE }, null)],
    ),
  );
}

/** 400 API_KEY_INVALID (fixtures continue-8516, edsl-918). */
export function apiKeyInvalid(message = 'API key not valid. Please pass a valid API key.'): FailureAnswer {
  return error(
    400,
    googleError(400, 'INVALID_ARGUMENT', message, [
      errorInfo('API_KEY_INVALID', { service: SERVICE }),
      localizedMessage(message),
    ]),
  );
}

/** 403 "unregistered callers": no credential reached Google (fixture openai-gemini-92). */
export function unregisteredCaller(): FailureAnswer {
  return error(
    403,
    googleError(
      403,
      'PERMISSION_DENIED',
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    ),
  );
}

/** 400 with no details (fixture ak26-openclaude-749; reference §3 c1). */
export function multipleCredentials(): FailureAnswer {
  return error(
    400,
    googleError(
      400,
      'INVALID_ARGUMENT',
      'Multiple authentication credentials received. Please pass only one.',
    ),
  );
}

/** The regional Vertex AI path's answer to any API key: 401, no details (fixture gemini-cli-5739). */
export function vertexApiKeysNotSupported(): FailureAnswer {
  return error(
    401,
    googleError(
      401,
      'UNAUTHENTICATED',
      'API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal. See https://cloud.google.com/docs/authentication',
    ),
  );
}

/** Vertex express path, non-express key: the same text with CREDENTIALS_MISSING (reference §3 f5). */
export function vertexCredentialsMissing(): FailureAnswer {
  const message =
    'API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal. See https://cloud.google.com/docs/authentication';
  return error(
    401,
    googleError(401, 'UNAUTHENTICATED', message, [
      errorInfo('CREDENTIALS_MISSING', {
        service: 'aiplatform.googleapis.com',
        method: 'google.cloud.aiplatform.v1beta1.PredictionService.GenerateContent',
      }),
    ]),
  );
}

/** An AI Studio auth key sent to Vertex AI (reference §3 f3, hermes-agent#115306). */
export function vertexBlockedForAuthKey(ctx: RequestEcho): FailureAnswer {
  const method = 'google.cloud.aiplatform.v1beta1.PredictionService.GenerateContent';
  const message = `Requests to this API aiplatform.googleapis.com method ${method} are blocked.`;
  return blockedByKeyRestriction('API_KEY_SERVICE_BLOCKED', message, {
    consumer: `projects/${ctx.projectNumber}`,
    service: 'aiplatform.googleapis.com',
    apiName: 'aiplatform.googleapis.com',
    methodName: method,
  });
}

/** The real 404 for an unknown model or a method the model lacks (fixture gptel-667). */
export function modelNotFound(ctx: RequestEcho): FailureAnswer {
  return error(
    404,
    googleError(
      404,
      'NOT_FOUND',
      `models/${ctx.model} is not found for API version ${ctx.apiVersion}, or is not supported for ${ctx.verb}. Call ListModels to see the list of available models and their supported methods.`,
    ),
  );
}

/** Google's answer to a body that is not JSON (google.rpc.BadRequest with the parser's complaint). */
export function invalidJson(detail: string): FailureAnswer {
  const message = `Invalid JSON payload received. ${detail}`;
  return error(
    400,
    googleError(400, 'INVALID_ARGUMENT', message, [
      { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: message }] },
    ]),
  );
}

/** A 400 INVALID_ARGUMENT with Google's validation message. */
export function invalidArgument(message: string): FailureAnswer {
  return error(400, googleError(400, 'INVALID_ARGUMENT', message));
}

/** The nginx-style page a proxy or load balancer in between sends (what `network_intercepted` looks like). */
export const PROXY_502_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export function quotaMessage(ctx: RequestEcho, metric: string, limit: string, delay: string): string {
  return `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \n* Quota exceeded for metric: generativelanguage.googleapis.com/${metric}, limit: ${limit}, model: ${ctx.model}\nPlease retry in ${delay}.`;
}

export const quotaHelp = help([
  {
    description: 'Learn more about Gemini API quotas',
    url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
  },
]);

/** Vertex AI without any credential (the standard Cloud 401). */
export function vertexUnauthenticated(): FailureAnswer {
  return error(
    401,
    googleError(
      401,
      'UNAUTHENTICATED',
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    ),
  );
}

/** The OpenAI-compatible layer without `Authorization: Bearer` (reference/auth-keys-2026.md §2). */
export function missingAuthorizationHeader(): FailureAnswer {
  return error(400, googleError(400, 'INVALID_ARGUMENT', 'Missing or invalid Authorization header.'));
}

/** Google's request size limit ("Request payload size exceeds the limit: 20971520 bytes."). */
export const MAX_REQUEST_BYTES = 20 * 1024 * 1024;

export function payloadTooLarge(): FailureAnswer {
  return invalidArgument(`Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`);
}
