import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';
import { classifyHttpResponse } from '../core/classify.js';
import type { KeyKind } from '../core/key-material.js';
import { maskKeysInText } from '../core/key-material.js';
import { displayUrl } from '../core/url-display.js';
import type { HttpAnswer, HttpProbeResult } from '../io/http-probe.js';

export interface AnswerContext {
  keyKind?: KeyKind;
  endpointStyle?: 'native' | 'openai';
  model?: string;
  baseUrl: string;
}

/** What one probe's answer means: `cause` null is success; `json` is the parsed body then. */
export interface ClassifiedAnswer {
  cause: CauseId | null;
  httpStatus?: number;
  evidence: Evidence;
  /** One safe line (keys masked) saying what came back. */
  detail: string;
  json?: unknown;
}

/**
 * Turns a transport result into a cause. Transport-level oddities are decided here (a redirect,
 * a proxy's 407, an HTML page from a middlebox); Google's own error bodies go to the catalog's
 * classifier.
 */
export function classifyAnswer(result: HttpProbeResult, context: AnswerContext): ClassifiedAnswer {
  const evidence: Evidence = { baseUrl: displayUrl(context.baseUrl) };
  if (context.keyKind) evidence.keyKind = context.keyKind;
  if (context.model) evidence.model = context.model;
  if (result.kind === 'network') {
    if (result.code) evidence['errorCode'] = result.code;
    if (result.interceptedTls) evidence['interceptedTls'] = true;
    evidence['host'] = result.host;
    return { cause: result.cause, evidence, detail: result.message };
  }
  const status = result.status;
  evidence.httpStatus = status;
  if (result.redirectTo !== undefined) {
    evidence['redirectTo'] = safeLocation(result.redirectTo);
    return {
      cause: 'network_intercepted',
      httpStatus: status,
      evidence,
      detail: `HTTP ${status} redirect to ${evidence['redirectTo']} — not followed, so the key was not sent there`,
    };
  }
  if (status === 407) {
    return {
      cause: 'network_proxy',
      httpStatus: status,
      evidence,
      detail: 'HTTP 407: a proxy wants credentials',
    };
  }
  if (status >= 200 && status < 300) {
    const json = parseJson(result.body);
    if (json !== undefined)
      return { cause: null, httpStatus: status, evidence, detail: `HTTP ${status}`, json };
    return intercepted(status, result, evidence);
  }
  const diagnosis = classifyHttpResponse(
    { status, contentType: result.contentType, body: result.body },
    {
      ...(context.keyKind ? { keyKind: context.keyKind } : {}),
      ...(context.endpointStyle ? { endpointStyle: context.endpointStyle } : {}),
      ...(context.model ? { model: context.model } : {}),
    },
  );
  if (
    diagnosis.cause === 'network_intercepted' ||
    (diagnosis.cause === 'unknown' && parseJson(result.body) === undefined)
  ) {
    return intercepted(status, result, { ...evidence, ...diagnosis.evidence });
  }
  const merged: Evidence = { ...evidence, ...diagnosis.evidence, httpStatus: status };
  // Google echoes some keys whole (CONSUMER_SUSPENDED: "Consumer 'api_key:AIza…'"): mask every string.
  for (const [name, value] of Object.entries(merged)) {
    if (typeof value === 'string') merged[name] = maskKeysInText(value).slice(0, 500);
  }
  const alternatives = [...diagnosis.alternatives];
  // reference/auth-keys-2026.md §3b: once standard keys are refused, Google answers them with the
  // same 400 API_KEY_INVALID as a deleted key; the answer alone cannot tell the two apart.
  if (
    diagnosis.cause === 'key_invalid' &&
    context.keyKind === 'standard' &&
    !alternatives.includes('standard_key_rejected')
  ) {
    alternatives.unshift('standard_key_rejected');
  }
  if (alternatives.length > 0) merged['alternatives'] = alternatives;
  merged['confidence'] = diagnosis.confidence;
  const said = merged.reason ?? merged.rpcStatus ?? '';
  return {
    cause: diagnosis.cause,
    httpStatus: status,
    evidence: merged,
    detail: `HTTP ${status}${said ? ` ${said}` : ''}${merged.message ? `: ${merged.message}` : ''}`,
  };
}

function intercepted(status: number, result: HttpAnswer, evidence: Evidence): ClassifiedAnswer {
  evidence['contentType'] = result.contentType || '(none)';
  if (result.truncated) evidence['truncated'] = true;
  delete evidence.message;
  const what =
    /html/i.test(result.contentType) || /^\s*</.test(result.body) ? 'an HTML page' : 'a non-JSON answer';
  return {
    cause: 'network_intercepted',
    httpStatus: status,
    evidence,
    detail: `HTTP ${status} with ${what}${result.truncated ? ' (over 1 MB, cut)' : ''}: not the Gemini API speaking`,
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Origin and path of a redirect target; its query may carry anything, so it is dropped. */
function safeLocation(location: string): string {
  try {
    const url = new URL(location, 'http://relative.invalid');
    return url.origin === 'http://relative.invalid' ? url.pathname : `${url.origin}${url.pathname}`;
  } catch {
    return '(unparseable location)';
  }
}
