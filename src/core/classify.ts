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
import { refine } from './refine-cause.js';
import { mayMatch } from './required-literal.js';

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
// \u2019 is ’ (a typographic apostrophe): the bundles stay ASCII (scripts/build.mjs says why)
const GOOGLE_ERROR_PAGE = /That(?:'|\u2019)s an error|Error \d{3} \([^)]{1,40}\)!!1/;
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
  const lowered = parsed.text.toLowerCase();
  for (const matcher of CAUSE_MATCHERS) {
    const hit = matchOne(matcher, parsed, status, lowered);
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

/** Whether one matcher fires on a text: what each matcher's own examples are checked with. */
export function matcherFiresOn(matcher: CauseMatcher, text: string): boolean {
  const parsed = parseErrorText(text);
  const status = effectiveHttpStatus(parsed.httpStatus, parsed.rpcStatus);
  return matchOne(matcher, parsed, status, parsed.text.toLowerCase()) !== undefined;
}

function matchOne(
  m: CauseMatcher,
  parsed: ParsedError,
  status: number | undefined,
  lowered: string,
): Hit | undefined {
  const specific = m.reasons !== undefined || m.messages !== undefined;
  if (specific) {
    const byReason = parsed.reason !== undefined && (m.reasons?.includes(parsed.reason) ?? false);
    const byMessage =
      !byReason && (m.messages?.some((re) => mayMatch(re, lowered) && re.test(parsed.text)) ?? false);
    if (!byReason && !byMessage) return undefined;
    if (m.statuses && status !== undefined && !m.statuses.includes(status)) return undefined;
    return { cause: m.cause, priority: m.priority, specific: true };
  }
  const byStatus = status !== undefined && (m.statuses?.includes(status) ?? false);
  const byRpc = parsed.rpcStatus !== undefined && (m.rpcStatuses?.includes(parsed.rpcStatus) ?? false);
  return byStatus || byRpc ? { cause: m.cause, priority: m.priority, specific: false } : undefined;
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
  // Each pattern below has `project` in it: without the word, none is compiled (~0.2 ms cold).
  if (!parsed.text.includes('project')) return undefined;
  const m =
    /project_number:(\d{1,20})/.exec(parsed.text) ??
    /\bConsumer '?projects\/([\w:.-]{1,100}?)'? /.exec(parsed.text) ??
    /\bin project ([\w:.-]{1,100}?) before\b/.exec(parsed.text) ??
    /resource project ([\w:.-]{1,100}?)\.?(?:\s|$|")/.exec(parsed.text) ??
    /[?&]project=([\w:-]{1,100})/.exec(parsed.text);
  return m?.[1];
}
