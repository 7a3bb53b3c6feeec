import { redactSecret } from '../core/key-material.js';
import { classifyNetworkError, type NetworkFailure } from './network-error.js';

/** Largest body we read from a probe answer; the rest is cancelled (a middlebox may send megabytes). */
export const MAX_PROBE_BODY_BYTES = 1024 * 1024;
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export interface HttpProbeRequest {
  url: URL;
  method: 'GET' | 'POST';
  /** The credential header is set by the caller; this module never logs or echoes headers. */
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
  /** Aborts the probe early (Ctrl-C); reported like a timeout. */
  signal?: AbortSignal;
}

export interface HttpAnswer {
  kind: 'answer';
  status: number;
  contentType: string;
  body: string;
  /** True when the body was longer than the cap and was cut. */
  truncated: boolean;
  /** Set for a 3xx: where the server wanted us to go. Never followed (the key would travel along). */
  redirectTo?: string;
}

export type HttpProbeResult = HttpAnswer | NetworkFailure;

/**
 * One HTTP request the way a probe must make it: native fetch, the key only in a header the caller
 * set, no redirect followed (`redirect: 'manual'`), a deadline covering the body too, the body
 * capped and the rest cancelled. It never throws: network failures come back as `NetworkFailure`.
 * Whatever comes back is free of the credential that was sent: a server or proxy that echoes the
 * key (in its body, a redirect target, an error) cannot make a caller print it.
 */
export async function httpProbe(request: HttpProbeRequest): Promise<HttpProbeResult> {
  const result = await exchange(request);
  const secrets = credentialsIn(request.headers);
  if (secrets.length === 0) return result;
  const redact = (text: string): string => secrets.reduce(redactSecret, text);
  if (result.kind === 'network')
    return { ...result, message: redact(result.message), host: redact(result.host) };
  const clean: HttpAnswer = { ...result, body: redact(result.body), contentType: redact(result.contentType) };
  if (result.redirectTo !== undefined) clean.redirectTo = redact(result.redirectTo);
  return clean;
}

/** The credential values a request carries: the API key header and a bearer token. */
function credentialsIn(headers: Record<string, string>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-goog-api-key') values.push(value);
    else if (lower === 'authorization') values.push(value.replace(/^\s*bearer\s+/i, ''));
  }
  return values.filter((value) => value.length > 0);
}

/** Timers take at most 2^31-1 ms; a larger deadline would fire at once (Node clamps it to 1). */
const MAX_TIMER_MS = 2 ** 31 - 1;

async function exchange(request: HttpProbeRequest): Promise<HttpProbeResult> {
  const requested = request.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const timeoutMs = Number.isNaN(requested)
    ? DEFAULT_PROBE_TIMEOUT_MS
    : Math.min(Math.max(1, Math.floor(requested)), MAX_TIMER_MS);
  const maxBytes = request.maxBytes ?? MAX_PROBE_BODY_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const doFetch = request.fetch ?? fetch;
  try {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await doFetch(request.url, init);
    const { text, truncated } = await readCapped(response, maxBytes);
    const answer: HttpAnswer = {
      kind: 'answer',
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text,
      truncated,
    };
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) answer.redirectTo = location;
    return answer;
  } catch (error) {
    return classifyNetworkError(error, { timedOut: timeout.aborted, timeoutMs, url: request.url });
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.byteLength >= room) {
      chunks.push(value.subarray(0, room));
      size += room;
      truncated = value.byteLength > room;
      if (!truncated) continue;
      // Stop reading: the rest of a huge body is of no use and may never end.
      await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, size)), truncated };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
