import type { CauseId } from '../catalog/cause-id.js';
import type { ClassifyContext } from './classify.js';
import type { ParsedError } from './error-parse/parsed-error.js';
import type { KeyKind } from './key-material.js';

/**
 * Where one signal fits several causes, what else the text (or the caller) shows decides: the key's kind,
 * the route, the service that answered. Each refiner names the cause and keeps the other readings as
 * alternatives, most likely first.
 */
export interface Refined {
  cause: CauseId;
  alternatives: CauseId[];
  ambiguous: boolean;
}

interface Signals {
  parsed: ParsedError;
  context: ClassifyContext;
  status: number | undefined;
  /** The matcher fired on a reason or wording, not on a bare status. */
  specific: boolean;
  keyKind: KeyKind | undefined;
  style: 'native' | 'openai' | undefined;
  /** The service that answered (the body outranks where the caller believes it sent the request). */
  backend: 'gemini-api' | 'vertex' | undefined;
}

type Refiner = (cause: CauseId, s: Signals) => Refined;

const same = (cause: CauseId, alternatives: CauseId[] = [], ambiguous = false): Refined => ({
  cause,
  alternatives,
  ambiguous,
});

export function refine(
  cause: CauseId,
  parsed: ParsedError,
  context: ClassifyContext,
  status: number | undefined,
  specific = true,
): Refined {
  const refiner = REFINERS[cause];
  if (refiner === undefined) return same(cause);
  return refiner(cause, {
    parsed,
    context,
    status,
    specific,
    keyKind: context.keyKind ?? parsed.keyKind,
    style: context.endpointStyle ?? parsed.endpoint.style,
    backend: parsed.endpoint.backend ?? context.backend,
  });
}

/**
 * 401 "Expected OAuth 2 access token…" / ACCESS_TOKEN_TYPE_UNSUPPORTED (reference/auth-keys-2026.md §3):
 * a key sent as Bearer to a native route, an unrestricted or retired standard key, or an auth key that
 * Google does not accept — the reason alone cannot tell them apart.
 */
const oauthWording: Refiner = (_cause, s) => {
  if (s.backend === 'vertex') return same('vertex_requires_oauth', ['auth_key_unsupported_endpoint'], true);
  if (s.parsed.endpoint.bearer && s.style !== 'openai') {
    return same('key_sent_as_bearer', ['auth_key_rejected', 'standard_key_rejected'], true);
  }
  if (s.keyKind === 'standard') {
    return same('standard_key_rejected', ['standard_key_unrestricted', 'key_sent_as_bearer'], true);
  }
  // 2026: the auth-key wave is the common case; a key sent as Bearer and the standard-key policy stay open
  return same(
    'auth_key_rejected',
    ['key_sent_as_bearer', 'standard_key_rejected', 'standard_key_unrestricted'],
    true,
  );
};

const serviceBlocked: Refiner = (cause, s) => {
  // 401 with API_KEY_SERVICE_BLOCKED: reported for an auth key sent as Bearer on a native route.
  if (s.status === 401) return same('key_sent_as_bearer', ['api_blocked_by_key_restriction'], true);
  const blockedApi = /Requests to this API ([\w.-]{1,100})/i.exec(s.parsed.text)?.[1];
  // A standard key whose API restriction excludes the API it was sent to is a plain key restriction;
  // an auth key (or one of unknown kind) on Vertex is an AI Studio key on the wrong host (§3 f3/f4).
  if (s.keyKind === 'standard') return same(cause, ['auth_key_unsupported_endpoint']);
  if (blockedApi?.startsWith('aiplatform') || s.keyKind === 'auth') {
    return same('auth_key_unsupported_endpoint', ['api_blocked_by_key_restriction'], true);
  }
  return same(cause, ['auth_key_unsupported_endpoint']);
};

const noCredential: Refiner = (cause, s) => {
  // CREDENTIALS_MISSING on Vertex means "this path takes no API key"; elsewhere, none was sent.
  if (s.parsed.reason === 'CREDENTIALS_MISSING' && s.backend === 'vertex') {
    return same('vertex_requires_oauth', ['vertex_mode_enabled']);
  }
  return same(cause, s.style === 'openai' ? ['multiple_credentials'] : []);
};

const keysNotSupported: Refiner = (cause, s) => {
  // "API keys are not supported by this API" from the Gemini API itself (not Vertex): the key is not
  // one this route accepts (a key made for another service, or another key variable won).
  if (s.backend !== 'gemini-api') {
    return same(cause, ['vertex_mode_enabled', 'env_conflict', 'auth_key_unsupported_endpoint']);
  }
  // A method of a non-public API version (v1main, v1internal…) takes no API key at all: the client
  // called the wrong version; v1beta/v1 take the key.
  const version = /\.(v\d[a-z\d]{0,20})\.[A-Za-z]{1,60}Service\./.exec(s.parsed.text)?.[1];
  if (version !== undefined && !/^v1(?:beta\d*|alpha\d*)?$/.test(version)) {
    return same('bad_request', ['auth_key_unsupported_endpoint', 'vertex_requires_oauth'], true);
  }
  return same(
    'auth_key_unsupported_endpoint',
    ['key_wrong_credential', 'env_conflict', 'vertex_requires_oauth'],
    true,
  );
};

const quota: Refiner = (_cause, s) => {
  if (hasZeroLimit(s.parsed)) return same('free_tier_limit_zero', ['quota_exhausted', 'billing']);
  return same('quota_exhausted', isFreeTier(s.parsed) ? ['free_tier_limit_zero'] : []);
};

/**
 * A standard key past Google's standard-key cutoff reportedly gets the API_KEY_INVALID body too
 * (reference/auth-keys-2026.md §3 row b), so for an AIza key both readings stay open. Otherwise the usual
 * reasons a real key reads as "not valid": another variable won, or the value was altered.
 */
const keyNotValid: Refiner = (cause, s) => {
  if (s.keyKind === 'standard') return same(cause, ['standard_key_rejected', 'key_standard_retired']);
  if (s.keyKind === 'auth') return same(cause, ['key_whitespace', 'env_conflict']);
  return same(cause, ['env_conflict', 'key_whitespace', 'standard_key_rejected']);
};

const apiNotEnabled: Refiner = (cause, s) => {
  // Without SERVICE_DISABLED itself (the guide's "doesn't have the required permissions"), a key
  // restriction or the project can also be why the key may not call the API.
  if (s.parsed.reason === undefined && !/has not been used in project|it is disabled/i.test(s.parsed.text)) {
    return same(
      cause,
      ['api_blocked_by_key_restriction', 'consumer_invalid', 'permission_denied_other'],
      true,
    );
  }
  return same(cause);
};

const notFound: Refiner = (cause, s) => {
  // A bare 404 that names no model is more likely a wrong URL than a wrong model.
  if (s.parsed.model === undefined && s.context.model === undefined && !/\bmodel/i.test(s.parsed.text)) {
    return same('bad_request', ['model_not_found', 'base_url_override'], true);
  }
  return same(cause);
};

// Since 2025 Google also refuses some regions only on the free tier (a billed project works), and a VPN,
// proxy or relay decides which location Google sees.
const location: Refiner = (cause) => same(cause, ['free_tier_unavailable_region', 'network_proxy']);

const serverSide: Refiner = (cause, s) => {
  if (s.status !== 502 && s.status !== 504) return same(cause);
  // Google's own 502/504 carry an RPC status or wording; a bare one came from a proxy or gateway in between.
  if (!s.specific && s.parsed.rpcStatus === undefined && s.parsed.reason === undefined) {
    const alternatives: CauseId[] = ['server_error', 'network_timeout'];
    if (s.backend === undefined) alternatives.push('base_url_override');
    return same('network_proxy', alternatives, true);
  }
  return same(cause, ['network_proxy']);
};

const REFINERS: Readonly<Partial<Record<CauseId, Refiner>>> = {
  auth_key_rejected: oauthWording,
  api_blocked_by_key_restriction: serviceBlocked,
  key_missing: noCredential,
  vertex_requires_oauth: keysNotSupported,
  quota_exhausted: quota,
  free_tier_limit_zero: quota,
  key_invalid: keyNotValid,
  service_disabled: apiNotEnabled,
  model_not_found: notFound,
  location_unsupported: location,
  server_error: serverSide,
};

function hasZeroLimit(parsed: ParsedError): boolean {
  if (parsed.quotaViolations.some((v) => v.quotaValue === '0')) return true;
  if (parsed.metadata['quota_limit_value'] === '0') return true;
  return /\blimit: ?0(?![\d.])/.test(parsed.text);
}

function isFreeTier(parsed: ParsedError): boolean {
  return parsed.quotaViolations.some((v) => /free_?tier/i.test(`${v.quotaMetric ?? ''} ${v.quotaId ?? ''}`));
}
