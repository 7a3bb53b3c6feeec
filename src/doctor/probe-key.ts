import { CATALOG } from '../catalog/catalog.js';
import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';
import {
  DEFAULT_PROBE_MODEL,
  GOOGLE_BASE_URL,
  type ProbeKind,
  probeHeaders,
  probeRequest,
} from '../core/gemini-endpoints.js';
import type { SecretKey } from '../core/secret-key.js';
import { unsendableKey } from '../core/unsendable-key.js';
import { httpProbe } from '../io/http-probe.js';
import { type ClassifiedAnswer, classifyAnswer } from './classify-answer.js';

export interface ProbeKeyOptions {
  baseUrl?: string;
  timeoutMs?: number;
  model?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** live: the API accepted the key; rejected: the API refused it; unknown: we could not tell. */
export interface ProbeOutcome {
  verdict: 'live' | 'rejected' | 'unknown';
  cause: CauseId | null;
  httpStatus?: number;
  detail: string;
  evidence?: Evidence;
}

/**
 * Calls one probe endpoint with the key in its header and classifies the answer. Never throws.
 * Used by probeKey (the model listing) and by the doctor's pipeline for every live check.
 */
export async function callProbe(
  key: SecretKey,
  kind: ProbeKind,
  options: ProbeKeyOptions & { baseUrl: string; model: string },
): Promise<ClassifiedAnswer> {
  const unsendable = unsendableKey(key.reveal());
  if (unsendable) {
    return {
      cause: unsendable.cause,
      evidence: { baseUrl: options.baseUrl, keyKind: key.kind, message: unsendable.detail },
      detail: unsendable.detail,
    };
  }
  const spec = probeRequest(kind, options.baseUrl, options.model);
  const result = await httpProbe({
    url: spec.url,
    method: spec.method,
    headers: probeHeaders(spec, key),
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return classifyAnswer(result, {
    keyKind: key.kind,
    endpointStyle: kind === 'openai' ? 'openai' : 'native',
    ...(kind === 'model' || kind === 'generate' ? { model: options.model } : {}),
    baseUrl: options.baseUrl,
  });
}

/**
 * What an answer says about the key, from the catalog's facts about its cause: accepted (success, or
 * a refusal that still counts against the key), rejected (a 4xx about the key or its project), or
 * undecided (network trouble, a malformed request, a server fault).
 */
export function keyVerdict(cause: CauseId | null, httpStatus: number | undefined): ProbeOutcome['verdict'] {
  if (cause === null || CATALOG[cause].keyAccepted) return 'live';
  const status = httpStatus ?? 0;
  if (status >= 400 && status < 500 && CATALOG[cause].aboutTheKey) return 'rejected';
  return 'unknown';
}

export function verdictOf(answer: ClassifiedAnswer): ProbeOutcome['verdict'] {
  return keyVerdict(answer.cause, answer.httpStatus);
}

/**
 * Is this key live? One model-listing call (GET /v1beta/models), the key only in `x-goog-api-key`,
 * no redirect followed, body capped, a timeout. Never throws.
 */
export async function probeKey(key: SecretKey, options: ProbeKeyOptions = {}): Promise<ProbeOutcome> {
  try {
    const answer = await callProbe(key, 'models', {
      ...options,
      baseUrl: options.baseUrl ?? GOOGLE_BASE_URL,
      model: options.model ?? DEFAULT_PROBE_MODEL,
    });
    const outcome: ProbeOutcome = {
      verdict: verdictOf(answer),
      cause: answer.cause,
      detail: answer.cause === null ? 'the API accepted the key (model listing)' : answer.detail,
      evidence: answer.evidence,
    };
    if (answer.httpStatus !== undefined) outcome.httpStatus = answer.httpStatus;
    return outcome;
  } catch (error) {
    return {
      verdict: 'unknown',
      cause: 'unknown',
      detail: `the probe failed unexpectedly: ${error instanceof Error ? error.name : 'error'}`,
    };
  }
}
