import type { CauseId } from '../catalog/cause-id.js';

/**
 * When and how long to wait before trying again. Pure: the client feeds it what the answer said.
 * Only transient answers are retried: a 429 rate limit and a 503 overload. A 429 that is really
 * billing or a zero free-tier limit never gets better by waiting, so it is not retried.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);
const NEVER_RETRY: ReadonlySet<CauseId> = new Set(['billing', 'free_tier_limit_zero']);

export interface RetryPolicy {
  retries: number;
  /** First backoff when the server names no delay; doubled per attempt. */
  baseDelayMs: number;
  /** Longest single wait; a server asking for longer is not retried (the caller sees its delay). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 10_000 };

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined to stop.
 * `retryInfoDelay` is RetryInfo's Duration ("22s", "7.96s"); `retryAfter` the Retry-After header
 * (seconds or an HTTP date). RetryInfo wins: it is Google's own, per quota.
 */
export function retryDelayMs(
  answer: { status: number; cause: CauseId; retryInfoDelay?: string; retryAfter?: string | null },
  attempt: number,
  policy: RetryPolicy,
  now: number = Date.now(),
): number | undefined {
  if (attempt > policy.retries) return undefined;
  if (!RETRYABLE_STATUSES.has(answer.status) || NEVER_RETRY.has(answer.cause)) return undefined;
  const asked = parseDuration(answer.retryInfoDelay) ?? parseRetryAfter(answer.retryAfter, now);
  const wait = asked ?? policy.baseDelayMs * 2 ** (attempt - 1);
  if (asked !== undefined && asked > policy.maxDelayMs) return undefined;
  return Math.min(wait, policy.maxDelayMs);
}

/** Proto Duration JSON ("1.5s") → milliseconds. */
export function parseDuration(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** Retry-After: delta-seconds or an HTTP date → milliseconds from now (never negative). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
