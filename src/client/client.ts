import { setTimeout as sleep } from 'node:timers/promises';
import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';
import { classifyHttpResponse } from '../core/classify.js';
import { DEFAULT_PROBE_MODEL, endpointUrl, GOOGLE_BASE_URL, modelPath } from '../core/gemini-endpoints.js';
import { type KeyKind, maskKeysInText } from '../core/key-material.js';
import type { SecretKey } from '../core/secret-key.js';
import { unsendableKey } from '../core/unsendable-key.js';
import { isHttpUrl, requestBaseUrl } from '../core/url-display.js';
import { httpProbe } from '../io/http-probe.js';
import { GeminiRequestError } from './gemini-request-error.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-policy.js';

export interface ClientOptions {
  key: SecretKey;
  /** Default https://generativelanguage.googleapis.com (or whatever the caller resolved). */
  baseUrl?: string;
  model?: string;
  /** Per attempt, covering the body too. Default 30 s. */
  timeoutMs?: number;
  /** Retries on 429 / 503 (default 2), honouring RetryInfo / Retry-After. */
  retries?: number;
  /** Longest single wait between attempts (default 10 s); a server asking for more is not retried. */
  maxRetryDelayMs?: number;
  /** Largest answer read (default 4 MB); bigger answers are cut and reported. */
  maxBodyBytes?: number;
  /** Stops everything (Ctrl-C). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Waits between attempts (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
}

export interface GenerateResult {
  text: string;
  model: string;
  finishReason?: string;
  usage?: { promptTokens?: number; outputTokens?: number; totalTokens?: number };
  attempts: number;
}

export interface GeminiClient {
  readonly model: string;
  readonly baseUrl: string;
  /** One prompt → the model's text. Throws GeminiRequestError (classified) on any failure. */
  generate(prompt: string, options?: { model?: string }): Promise<GenerateResult>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * A small Gemini client with the transport rules of DESIGN.md: the key travels only in the
 * `x-goog-api-key` header to the configured host, redirects are not followed (the key would go
 * along), bodies are capped, every attempt has a deadline, and failures come back diagnosed.
 */
export function createClient(options: ClientOptions): GeminiClient {
  // Credentials, query and fragment are dropped: `fetch` refuses a URL with a user:password
  // (and its error would repeat it), and a `?key=` would ride along in every request URL.
  const baseUrl = requestBaseUrl(options.baseUrl ?? GOOGLE_BASE_URL);
  if (!isHttpUrl(baseUrl)) throw new TypeError('baseUrl must be an http(s) URL');
  const model = options.model ?? DEFAULT_PROBE_MODEL;
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    ...(options.retries !== undefined ? { retries: Math.max(0, Math.floor(options.retries)) } : {}),
    ...(options.maxRetryDelayMs !== undefined ? { maxDelayMs: options.maxRetryDelayMs } : {}),
  };
  const wait =
    options.sleep ?? ((ms: number) => sleep(ms, undefined, options.signal ? { signal: options.signal } : {}));

  return {
    model,
    baseUrl,
    async generate(prompt, call = {}) {
      const useModel = call.model ?? model;
      const url = endpointUrl(baseUrl, `${modelPath(useModel)}:generateContent`);
      const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: prompt }] }] });
      const unsendable = unsendableKey(options.key.reveal());
      if (unsendable) {
        throw new GeminiRequestError(
          unsendable.cause,
          `${unsendable.cause}: ${unsendable.detail}`,
          { message: unsendable.detail, endpoint: url.pathname },
          0,
        );
      }
      for (let attempt = 1; ; attempt++) {
        const outcome = await sendOnce(options, { url, body, model: useModel, attempt, policy });
        if ('result' in outcome) return outcome.result;
        try {
          await wait(outcome.retryInMs);
        } catch {
          throw new GeminiRequestError(
            'network_timeout',
            'network_timeout: interrupted while waiting to retry',
            { httpStatus: outcome.status, message: 'interrupted while waiting to retry' },
            attempt,
          );
        }
      }
    },
  };
}

interface Attempt {
  url: URL;
  body: string;
  model: string;
  attempt: number;
  policy: RetryPolicy;
}

/** One request: the parsed answer, or how long to wait before the next try; throws when there is none. */
async function sendOnce(
  options: ClientOptions,
  { url, body, model, attempt, policy }: Attempt,
): Promise<{ result: GenerateResult } | { retryInMs: number; status: number }> {
  let retryAfter: string | null = null;
  const baseFetch = options.fetch ?? fetch;
  const result = await httpProbe({
    url,
    method: 'POST',
    headers: { 'x-goog-api-key': options.key.reveal(), 'content-type': 'application/json' },
    body,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    ...(options.signal ? { signal: options.signal } : {}),
    // Wraps fetch only to see Retry-After; httpProbe keeps redirect: 'manual' and the caps.
    fetch: async (input, init) => {
      const response = await baseFetch(input, init);
      retryAfter = response.headers.get('retry-after');
      return response;
    },
  });
  if (result.kind === 'network') {
    throw new GeminiRequestError(
      result.cause,
      `${result.cause}: ${result.message}`,
      { message: result.message, endpoint: url.pathname, ...(result.code ? { code: result.code } : {}) },
      attempt,
    );
  }
  if (result.status >= 200 && result.status < 300 && !result.truncated) {
    const parsed = parseGenerateResponse(result.body);
    if (parsed) return { result: { ...parsed, model, attempts: attempt } };
  }
  const failure = causeOfAnswer(result, { model, keyKind: options.key.kind });
  const retryDelay = failure.evidence.retryDelay;
  const delay = retryDelayMs(
    {
      status: result.status,
      cause: failure.cause,
      ...(typeof retryDelay === 'string' ? { retryInfoDelay: retryDelay } : {}),
      retryAfter,
    },
    attempt,
    policy,
  );
  if (delay !== undefined) return { retryInMs: delay, status: result.status };
  const said = failure.evidence.message ? `: ${failure.evidence.message}` : '';
  throw new GeminiRequestError(
    failure.cause,
    maskKeysInText(`${failure.cause} (HTTP ${result.status})${said}`).slice(0, 1000),
    failure.evidence,
    attempt,
  );
}

/** The cause of an answer that is not a usable GenerateContentResponse. */
function causeOfAnswer(
  answer: { status: number; contentType: string; body: string; truncated: boolean; redirectTo?: string },
  context: { model: string; keyKind: KeyKind },
): { cause: CauseId; evidence: Evidence } {
  if (answer.truncated) {
    return {
      cause: 'network_intercepted',
      evidence: {
        httpStatus: answer.status,
        message: `the answer was larger than the client reads (${answer.body.length} bytes read)`,
        contentType: answer.contentType,
      },
    };
  }
  if (answer.redirectTo !== undefined) {
    let host = '';
    try {
      host = new URL(answer.redirectTo).host;
    } catch {}
    return {
      cause: 'network_intercepted',
      evidence: {
        httpStatus: answer.status,
        message: `redirected${host ? ` to ${host}` : ''}; not followed`,
      },
    };
  }
  const diagnosis = classifyHttpResponse(
    { status: answer.status, contentType: answer.contentType, body: answer.body },
    { endpointStyle: 'native', backend: 'gemini-api', ...context },
  );
  if (answer.status >= 200 && answer.status < 300) {
    return {
      cause: 'unknown',
      evidence: { httpStatus: answer.status, message: 'a 200 answer that is not a GenerateContentResponse' },
    };
  }
  return { cause: diagnosis.cause, evidence: { httpStatus: answer.status, ...diagnosis.evidence } };
}

function parseGenerateResponse(text: string): Omit<GenerateResult, 'model' | 'attempts'> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const record = json as {
    candidates?: { content?: { parts?: { text?: unknown }[] }; finishReason?: unknown }[];
    usageMetadata?: { promptTokenCount?: unknown; candidatesTokenCount?: unknown; totalTokenCount?: unknown };
    promptFeedback?: unknown;
  };
  if (!Array.isArray(record.candidates) && record.promptFeedback === undefined) return undefined;
  const first = record.candidates?.[0];
  const parts = Array.isArray(first?.content?.parts) ? first.content.parts : [];
  const result: Omit<GenerateResult, 'model' | 'attempts'> = {
    text: parts.map((p) => (typeof p?.text === 'string' ? p.text : '')).join(''),
  };
  if (typeof first?.finishReason === 'string') result.finishReason = first.finishReason;
  const u = record.usageMetadata;
  if (u && typeof u === 'object') {
    result.usage = {};
    if (typeof u.promptTokenCount === 'number') result.usage.promptTokens = u.promptTokenCount;
    if (typeof u.candidatesTokenCount === 'number') result.usage.outputTokens = u.candidatesTokenCount;
    if (typeof u.totalTokenCount === 'number') result.usage.totalTokens = u.totalTokenCount;
  }
  return result;
}
