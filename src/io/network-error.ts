import { maskKeysInText } from '../core/key-material.js';

export type NetworkCauseId =
  | 'network_dns'
  | 'network_connect'
  | 'network_timeout'
  | 'network_tls'
  | 'network_proxy'
  | 'network_intercepted';

/** A request that got no HTTP answer we could read. `message` is safe to print (keys masked). */
export interface NetworkFailure {
  kind: 'network';
  cause: NetworkCauseId;
  /** The system or undici error code, e.g. ENOTFOUND, SELF_SIGNED_CERT_IN_CHAIN. */
  code?: string;
  message: string;
  host: string;
  /** True for TLS failures that look like an intercepting (corporate) proxy's own certificate. */
  interceptedTls?: boolean;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'EADDRNOTAVAIL',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** Certificates a TLS-inspecting proxy typically presents: its own CA is not in Node's store. */
const INTERCEPTION_TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/**
 * Names the network failure behind a fetch rejection. undici wraps the real error:
 * `TypeError('fetch failed', { cause })`, where the cause (or an AggregateError's members, for
 * happy-eyeballs connects) carries `code`. Timeouts from AbortSignal.timeout arrive as `TimeoutError`.
 */
export function classifyNetworkError(
  error: unknown,
  context: { timedOut: boolean; timeoutMs: number; url: URL },
): NetworkFailure {
  const host = context.url.host;
  const code = findCode(error);
  const base = { kind: 'network' as const, host, ...(code ? { code } : {}) };
  const said = maskKeysInText(describe(error));
  if (context.timedOut || isNamed(error, 'TimeoutError') || (code && TIMEOUT_CODES.has(code))) {
    return {
      ...base,
      cause: 'network_timeout',
      message: `no answer from ${host} within ${context.timeoutMs} ms`,
    };
  }
  if (isNamed(error, 'AbortError')) {
    return { ...base, cause: 'network_timeout', message: `the request to ${host} was interrupted` };
  }
  if (code && DNS_CODES.has(code)) {
    return { ...base, cause: 'network_dns', message: `cannot resolve ${context.url.hostname} (${code})` };
  }
  if (code && CONNECT_CODES.has(code)) {
    return { ...base, cause: 'network_connect', message: `cannot connect to ${host} (${code})` };
  }
  if (code && (INTERCEPTION_TLS_CODES.has(code) || code.startsWith('ERR_TLS') || /CERT|SSL|TLS/.test(code))) {
    return {
      ...base,
      cause: 'network_tls',
      interceptedTls: INTERCEPTION_TLS_CODES.has(code),
      message: `TLS handshake with ${host} failed (${code})`,
    };
  }
  if (code === 'UND_ERR_PROXY' || /proxy/i.test(said)) {
    return { ...base, cause: 'network_proxy', message: `the proxy refused the request to ${host}: ${said}` };
  }
  return { ...base, cause: 'network_connect', message: `request to ${host} failed: ${said}` };
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

/** The first `code` along the cause chain (and inside AggregateErrors), depth-limited. */
function findCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code.length > 0) return code;
  const fromCause = findCode(cause, depth + 1);
  if (fromCause) return fromCause;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = findCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    try {
      return String(error).slice(0, 300);
    } catch {
      return 'unexpected error';
    }
  }
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 300);
}
