import type { CauseId } from '../catalog/cause-id.js';
import {
  CAUSE_MATCHERS,
  type CauseMatcher,
  PRIORITY,
  statusOnlyCauses,
  unrecognisedBodyCause,
} from '../catalog/matchers.js';
import type { Evidence } from '../catalog/types.js';
import { parseErrorText } from './error-parse/parse-error.js';
import type { ParsedError } from './error-parse/parsed-error.js';
import { effectiveHttpStatus } from './error-parse/rpc-status.js';
import { BODY_DROPPING_SURFACES } from './error-parse/status-only-surfaces.js';
import type { KeyKind } from './key-material.js';

/** What the caller knows beyond the text (the doctor knows the key kind and where it sent it). */
export interface ClassifyContext {
  keyKind?: KeyKind;
  endpointStyle?: 'native' | 'openai';
  backend?: 'gemini-api' | 'vertex';
  model?: string;
}

export type Confidence = 'high' | 'medium' | 'low';

/** The named cause, the evidence it rests on, and what else could be true. Never holds a key. */
export interface Diagnosis {
  cause: CauseId;
  evidence: Evidence;
  alternatives: CauseId[];
  confidence: Confidence;
}

interface Hit {
  cause: CauseId;
  priority: number;
  /** Fired on a reason code or wording, not on a bare status. */
  specific: boolean;
}

const MAX_ALTERNATIVES = 3;
/** A bare status fits many causes; all of them are listed, most common first. */
const MAX_STATUS_ONLY_ALTERNATIVES = 12;

/**
 * Names the cause of a parsed error. Pure and total: the matchers (catalog data) propose causes,
 * the highest priority wins, and ambiguous answers are resolved with the key prefix, endpoint and
 * headers the text (or the context) shows. Nothing recognised → `unknown`, with the evidence found.
 */
export function classify(parsed: ParsedError, context: ClassifyContext = {}): Diagnosis {
  try {
    return classifyUnsafe(parsed, context);
  } catch {
    return { cause: 'unknown', evidence: {}, alternatives: [], confidence: 'low' };
  }
}

/** Google's own HTML error page ("Error 404 (Not Found)!!1 … That's an error."): Google answered, the path was wrong. */
const GOOGLE_ERROR_PAGE = /That(?:'|’)s an error|Error \d{3} \([^)]{1,40}\)!!1/;
/** Its 400 page: the front end refused the HTTP request before any API saw it. */
const GOOGLE_FRONTEND_400 = /Error 400 \(Bad\s{1,20}Request\)!!1/;

/**
 * For the doctor's live probes: one HTTP answer (status, content type, body) → a diagnosis.
 * JSON bodies and Google's own HTML error pages are classified as usual. Any other HTML page (a proxy,
 * captive portal or firewall) is `network_intercepted`. An empty body is read by its status (with
 * `network_intercepted` as an alternative); other non-JSON text counts only if its wording is recognised.
 */
export function classifyHttpResponse(
  res: { status: number; contentType?: string; body: string },
  context: ClassifyContext = {},
): Diagnosis {
  try {
    const body = typeof res.body === 'string' ? res.body : '';
    const parsed = parseErrorText(body);
    if (Number.isInteger(res.status) && res.status >= 400 && res.status <= 599)
      parsed.httpStatus = res.status;
    const json = /json/i.test(res.contentType ?? '') || /^\s*[[{]/.test(body);
    if (json || parsed.rpcStatus !== undefined || parsed.reason !== undefined)
      return classify(parsed, context);
    if (parsed.isHtml && GOOGLE_ERROR_PAGE.test(parsed.text)) return classify(parsed, context);
    const byStatus = classify(parsed, context);
    if (body.trim() === '') {
      // No body at all: the status is all there is; something in between may have eaten the body.
      return { ...byStatus, alternatives: withAlternative(byStatus.alternatives, 'network_intercepted') };
    }
    if (!parsed.isHtml && byStatus.confidence === 'high') return byStatus;
    const evidence = evidenceOf(parsed, context);
    if (res.contentType !== undefined) evidence['contentType'] = res.contentType.slice(0, 100);
    const statusCause =
      byStatus.cause === 'network_intercepted' || byStatus.cause === 'unknown'
        ? []
        : [byStatus.cause, ...byStatus.alternatives];
    return {
      cause: 'network_intercepted',
      evidence,
      alternatives: withAlternative(statusCause, res.status >= 500 ? 'server_error' : undefined),
      confidence: parsed.isHtml ? 'high' : 'medium',
    };
  } catch {
    return { cause: 'unknown', evidence: { httpStatus: res.status }, alternatives: [], confidence: 'low' };
  }
}

function withAlternative(list: CauseId[], extra: CauseId | undefined): CauseId[] {
  const all = extra === undefined ? list : [...list, extra];
  return all.filter((c, i) => all.indexOf(c) === i).slice(0, MAX_ALTERNATIVES);
}

function classifyUnsafe(parsed: ParsedError, context: ClassifyContext): Diagnosis {
  const evidence = evidenceOf(parsed, context);
  const status = effectiveHttpStatus(parsed.httpStatus, parsed.rpcStatus);
  const hits = matchAll(parsed, status, context);

  // An HTML page with no Google error inside: something between the client and Google answered.
  if (parsed.isHtml && parsed.reason === undefined && !hasRpcStatusField(parsed)) {
    const googlePage = GOOGLE_ERROR_PAGE.test(parsed.text);
    if (!googlePage) {
      return {
        cause: 'network_intercepted',
        evidence,
        alternatives: causesOf(hits, 'network_intercepted'),
        confidence: 'high',
      };
    }
    if (status === 404) {
      return {
        cause: 'bad_request',
        evidence,
        alternatives: ['model_not_found', 'base_url_override'],
        confidence: 'medium',
      };
    }
    if (status === 403) {
      // Google's front end refused the URL itself: not an API answer about the key or the project.
      return {
        cause: 'permission_denied_other',
        evidence,
        alternatives: ['location_unsupported', 'ip_blocked', 'network_intercepted'],
        confidence: 'low',
      };
    }
  }

  // Google's front end rejected the HTTP request itself (its HTML "Error 400 (Bad Request)!!1", no API
  // error inside). Clients that send an API key hit this mostly with an empty x-goog-api-key header
  // (root cause traced in NousResearch/hermes-agent PR #15133). The doctor always sends a key, so with a
  // known key kind it stays a malformed request.
  if (parsed.reason === undefined && !hasRpcStatusField(parsed) && GOOGLE_FRONTEND_400.test(parsed.text)) {
    return context.keyKind === undefined
      ? {
          cause: 'key_missing',
          evidence,
          alternatives: ['bad_request', 'key_invisible_chars'],
          confidence: 'medium',
        }
      : { cause: 'bad_request', evidence, alternatives: ['key_invisible_chars'], confidence: 'medium' };
  }

  const top = hits[0];
  if (top === undefined) {
    return { cause: 'unknown', evidence, alternatives: [], confidence: 'low' };
  }
  if (!top.specific && parsed.reason === undefined && status !== undefined && !hasRpcStatusField(parsed)) {
    return statusOnly(top, parsed, context, status, evidence);
  }
  const refined = refine(top.cause, parsed, context, status, top.specific);
  const alternatives = [...refined.alternatives, ...causesOf(hits, refined.cause)]
    .filter((c, i, all) => c !== refined.cause && all.indexOf(c) === i)
    .slice(0, MAX_ALTERNATIVES);
  let confidence: Confidence = top.specific ? (top.priority >= PRIORITY.message ? 'high' : 'medium') : 'low';
  if (refined.ambiguous && confidence === 'high') confidence = 'medium';
  if (!top.specific && parsed.message !== undefined) confidence = 'medium';
  return { cause: refined.cause, evidence, alternatives, confidence };
}

/**
 * Only a status is known: name its most common cause on this route, list the others by how common
 * they are, and say so (low confidence, `statusOnly` evidence) so the reader goes and gets the body.
 */
function statusOnly(
  top: Hit,
  parsed: ParsedError,
  context: ClassifyContext,
  status: number,
  evidence: Evidence,
): Diagnosis {
  const refined = refine(top.cause, parsed, context, status, false);
  const ranked = statusOnlyCauses(status, context.endpointStyle ?? parsed.endpoint.style);
  // the ranking is the order; a refinement that changed the cause (a bare 404 → a wrong URL) leads it
  const lead = refined.cause === top.cause ? [] : refined.alternatives;
  const alternatives = [...lead, ...ranked]
    .filter((c, i, all) => c !== refined.cause && all.indexOf(c) === i)
    .slice(0, MAX_STATUS_ONLY_ALTERNATIVES);
  return {
    cause: refined.cause,
    evidence: { ...evidence, statusOnly: true },
    alternatives,
    confidence: 'low',
  };
}

function hasRpcStatusField(parsed: ParsedError): boolean {
  return parsed.rpcStatus !== undefined && /"status"\s?:\s?"[A-Z_]+"/.test(parsed.text);
}

function causesOf(hits: Hit[], except: CauseId): CauseId[] {
  return hits.filter((h) => h.specific && h.cause !== except).map((h) => h.cause);
}

function matchAll(parsed: ParsedError, status: number | undefined, context: ClassifyContext): Hit[] {
  const hits: Hit[] = [];
  for (const matcher of CAUSE_MATCHERS) {
    const hit = matchOne(matcher, parsed, status);
    if (hit) hits.push(hit);
  }
  const byStatus =
    status === undefined
      ? undefined
      : hasRpcStatusField(parsed)
        ? unrecognisedBodyCause(status)
        : statusOnlyCauses(status, context.endpointStyle ?? parsed.endpoint.style)[0];
  if (byStatus !== undefined) hits.push({ cause: byStatus, priority: PRIORITY.status, specific: false });
  // stable: equal priorities keep the data's order
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => b.h.priority - a.h.priority || a.i - b.i)
    .map(({ h }) => h);
}

function matchOne(m: CauseMatcher, parsed: ParsedError, status: number | undefined): Hit | undefined {
  const specific = m.reasons !== undefined || m.messages !== undefined;
  if (specific) {
    const byReason = parsed.reason !== undefined && (m.reasons?.includes(parsed.reason) ?? false);
    const byMessage = !byReason && (m.messages?.some((re) => re.test(parsed.text)) ?? false);
    if (!byReason && !byMessage) return undefined;
    if (m.statuses && status !== undefined && !m.statuses.includes(status)) return undefined;
    return { cause: m.cause, priority: m.priority, specific: true };
  }
  const byStatus = status !== undefined && (m.statuses?.includes(status) ?? false);
  const byRpc = parsed.rpcStatus !== undefined && (m.rpcStatuses?.includes(parsed.rpcStatus) ?? false);
  return byStatus || byRpc ? { cause: m.cause, priority: m.priority, specific: false } : undefined;
}

interface Refined {
  cause: CauseId;
  alternatives: CauseId[];
  ambiguous: boolean;
}

/** Where one signal fits several causes, what else the text shows decides; the rest become alternatives. */
function refine(
  cause: CauseId,
  parsed: ParsedError,
  context: ClassifyContext,
  status: number | undefined,
  specific = true,
): Refined {
  const keyKind = context.keyKind ?? parsed.keyKind;
  const style = context.endpointStyle ?? parsed.endpoint.style;
  // the body names the service that answered; it outranks where the caller believes it sent the request
  const backend = parsed.endpoint.backend ?? context.backend;
  const same = (c: CauseId, alternatives: CauseId[] = [], ambiguous = false): Refined => ({
    cause: c,
    alternatives,
    ambiguous,
  });

  switch (cause) {
    case 'auth_key_rejected': {
      // 401 "Expected OAuth 2 access token…" / ACCESS_TOKEN_TYPE_UNSUPPORTED (reference/auth-keys-2026.md §3):
      // a key sent as Bearer to a native route, an unrestricted or retired standard key, or an auth key
      // that Google does not accept — the reason alone cannot tell them apart.
      if (backend === 'vertex') return same('vertex_requires_oauth', ['auth_key_unsupported_endpoint'], true);
      if (parsed.endpoint.bearer && style !== 'openai') {
        return same('key_sent_as_bearer', ['auth_key_rejected', 'standard_key_rejected'], true);
      }
      if (keyKind === 'standard') {
        return same('standard_key_rejected', ['standard_key_unrestricted', 'key_sent_as_bearer'], true);
      }
      // 2026: the auth-key wave is the common case; a key sent as Bearer and the standard-key policy stay open
      return same(
        'auth_key_rejected',
        ['key_sent_as_bearer', 'standard_key_rejected', 'standard_key_unrestricted'],
        true,
      );
    }
    case 'api_blocked_by_key_restriction': {
      // 401 with API_KEY_SERVICE_BLOCKED: reported for an auth key sent as Bearer on a native route.
      if (status === 401) return same('key_sent_as_bearer', ['api_blocked_by_key_restriction'], true);
      const blockedApi = /Requests to this API ([\w.-]{1,100})/i.exec(parsed.text)?.[1];
      // A standard key whose API restriction excludes the API it was sent to is a plain key restriction;
      // an auth key (or one of unknown kind) on Vertex is an AI Studio key on the wrong host (§3 f3/f4).
      if (keyKind === 'standard') return same(cause, ['auth_key_unsupported_endpoint']);
      if (blockedApi?.startsWith('aiplatform') || keyKind === 'auth') {
        return same('auth_key_unsupported_endpoint', ['api_blocked_by_key_restriction'], true);
      }
      return same(cause, ['auth_key_unsupported_endpoint']);
    }
    case 'key_missing': {
      // CREDENTIALS_MISSING on Vertex means "this path takes no API key"; elsewhere, none was sent.
      if (parsed.reason === 'CREDENTIALS_MISSING' && backend === 'vertex') {
        return same('vertex_requires_oauth', ['vertex_mode_enabled']);
      }
      return same(cause, style === 'openai' ? ['multiple_credentials'] : []);
    }
    case 'vertex_requires_oauth':
      // "API keys are not supported by this API" from the Gemini API itself (not Vertex): the key is
      // not one this route accepts (a key made for another service, or another key variable won).
      if (backend === 'gemini-api') {
        // A method of a non-public API version (v1main, v1internal…) takes no API key at all: the client
        // called the wrong version; v1beta/v1 take the key.
        const version = /\.(v\d[a-z\d]{0,20})\.[A-Za-z]{1,60}Service\./.exec(parsed.text)?.[1];
        if (version !== undefined && !/^v1(?:beta\d*|alpha\d*)?$/.test(version)) {
          return same('bad_request', ['auth_key_unsupported_endpoint', 'vertex_requires_oauth'], true);
        }
        return same(
          'auth_key_unsupported_endpoint',
          ['key_wrong_credential', 'env_conflict', 'vertex_requires_oauth'],
          true,
        );
      }
      return same(cause, ['vertex_mode_enabled', 'env_conflict', 'auth_key_unsupported_endpoint']);
    case 'quota_exhausted':
    case 'free_tier_limit_zero': {
      if (hasZeroLimit(parsed)) return same('free_tier_limit_zero', ['quota_exhausted', 'billing']);
      return same('quota_exhausted', isFreeTier(parsed) ? ['free_tier_limit_zero'] : []);
    }
    case 'key_invalid':
      // A standard key past Google's standard-key cutoff reportedly gets this very body
      // (reference/auth-keys-2026.md §3 row b), so for an AIza key both readings stay open. Otherwise
      // the usual reasons a real key reads as "not valid": another variable won, or the value was altered.
      if (keyKind === 'standard') return same(cause, ['standard_key_rejected', 'key_standard_retired']);
      return same(
        cause,
        keyKind === 'auth'
          ? ['key_whitespace', 'env_conflict']
          : ['env_conflict', 'key_whitespace', 'standard_key_rejected'],
      );
    case 'service_disabled':
      // Without SERVICE_DISABLED itself (the guide's "doesn't have the required permissions"), a key
      // restriction or the project can also be why the key may not call the API.
      if (parsed.reason === undefined && !/has not been used in project|it is disabled/i.test(parsed.text)) {
        return same(
          cause,
          ['api_blocked_by_key_restriction', 'consumer_invalid', 'permission_denied_other'],
          true,
        );
      }
      return same(cause);
    case 'model_not_found': {
      // A bare 404 that names no model is more likely a wrong URL than a wrong model.
      if (parsed.model === undefined && context.model === undefined && !/\bmodel/i.test(parsed.text)) {
        return same('bad_request', ['model_not_found', 'base_url_override'], true);
      }
      return same(cause);
    }
    case 'location_unsupported':
      // Since 2025 Google also refuses some regions only on the free tier (a billed project works), and
      // a VPN, proxy or relay decides which location Google sees.
      return same(cause, ['free_tier_unavailable_region', 'network_proxy']);
    case 'server_error':
      if (status === 502 || status === 504) {
        // Google's own 502/504 carry an RPC status or wording; a bare one came from a proxy or gateway in between.
        if (!specific && parsed.rpcStatus === undefined && parsed.reason === undefined) {
          const alternatives: CauseId[] = ['server_error', 'network_timeout'];
          if (backend === undefined) alternatives.push('base_url_override');
          return same('network_proxy', alternatives, true);
        }
        return same(cause, ['network_proxy']);
      }
      return same(cause);
    default:
      return same(cause);
  }
}

function hasZeroLimit(parsed: ParsedError): boolean {
  if (parsed.quotaViolations.some((v) => v.quotaValue === '0')) return true;
  if (parsed.metadata['quota_limit_value'] === '0') return true;
  return /\blimit: ?0(?![\d.])/.test(parsed.text);
}

function isFreeTier(parsed: ParsedError): boolean {
  return parsed.quotaViolations.some((v) => /free_?tier/i.test(`${v.quotaMetric ?? ''} ${v.quotaId ?? ''}`));
}

/** The evidence a fix template can use, from the parse and the caller's context. */
export function evidenceOf(parsed: ParsedError, context: ClassifyContext = {}): Evidence {
  const e: Evidence = {};
  const set = <K extends keyof Evidence>(key: K, value: Evidence[K] | undefined): void => {
    if (value !== undefined && value !== '') e[key] = value;
  };
  set('httpStatus', parsed.httpStatus);
  set('rpcStatus', parsed.rpcStatus);
  set('reason', parsed.reason);
  set('domain', parsed.domain);
  set('message', parsed.message);
  const md = parsed.metadata;
  set('service', md['service'] ?? md['apiName'] ?? hostOf(parsed.endpoint.backend));
  set('project', projectOf(parsed));
  set('activationUrl', md['activationUrl']);
  const quota = parsed.quotaViolations.find((v) => v.quotaId) ?? parsed.quotaViolations[0];
  set('quotaId', quota?.quotaId ?? md['quota_id'] ?? md['quota_limit']);
  set('quotaMetric', quota?.quotaMetric ?? md['quota_metric']);
  set('quotaValue', quota?.quotaValue ?? md['quota_limit_value']);
  set('retryDelay', parsed.retryDelay);
  set('model', context.model ?? parsed.model);
  set('location', quota?.location ?? md['quota_location']);
  set('method', md['method'] ?? md['methodName']);
  if (parsed.helpLinks.length > 0) e.helpLinks = parsed.helpLinks;
  set('maskedKey', parsed.maskedKey);
  set('keyKind', context.keyKind ?? parsed.keyKind);
  const style = context.endpointStyle ?? parsed.endpoint.style;
  set('endpoint', style === 'openai' ? 'openai-compatible' : style);
  for (const k of ['httpReferrer', 'callerIp', 'serviceTitle'] as const) set(k, md[k]);
  set('variable', parsed.keyVariable);
  const surface = BODY_DROPPING_SURFACES.find((s) => s.id === parsed.bodyDroppedBy);
  if (surface !== undefined) e['bodyDroppedBy'] = surface.name;
  return e;
}

function hostOf(backend: ParsedError['endpoint']['backend']): string | undefined {
  if (backend === 'vertex') return 'aiplatform.googleapis.com';
  if (backend === 'gemini-api') return 'generativelanguage.googleapis.com';
  return undefined;
}

function projectOf(parsed: ParsedError): string | undefined {
  const consumer = parsed.metadata['consumer'] ?? parsed.metadata['consumer_project'];
  if (consumer !== undefined && !consumer.startsWith('api_key')) return consumer.replace(/^projects\//, '');
  const container = parsed.metadata['containerInfo'];
  if (container !== undefined) return container;
  const m =
    /project_number:(\d{1,20})/.exec(parsed.text) ??
    /\bConsumer '?projects\/([\w:.-]{1,100}?)'? /.exec(parsed.text) ??
    /\bin project ([\w:.-]{1,100}?) before\b/.exec(parsed.text) ??
    /resource project ([\w:.-]{1,100}?)\.?(?:\s|$|")/.exec(parsed.text) ??
    /[?&]project=([\w:-]{1,100})/.exec(parsed.text);
  return m?.[1];
}
