import { keyKindOf, maskKey } from '../core/key-material.js';
import type { Env } from './context.js';
import { UsageError } from './usage-error.js';

/** Option values every command reads the same way; a bad one is a UsageError (exit 2). */

/** Longest per-request deadline a command accepts: ten minutes. */
export const MAX_TIMEOUT_MS = 600_000;

/** A plain decimal integer in [min, max]: `1e3`, `0x10`, `-5` and `10.5` are refused, not guessed at. */
export function integerOption(name: string, value: string | undefined, min: number, max: number): number {
  const number = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, got '${value ?? ''}'`);
  }
  return number;
}

/** `--timeout MS`: a deadline a timer can hold (larger values used to make every probe fail at once). */
export function timeoutOption(value: string | undefined): number {
  return integerOption('--timeout', value, 1, MAX_TIMEOUT_MS);
}

/** `gemini-2.5-flash` or `models/gemini-2.5-flash`: it goes into a URL path, so nothing else is let through. */
const MODEL_ID = /^(models\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * `--model ID`. A key pasted here by mistake would be echoed in reports and request paths,
 * so a key-shaped value is refused with its masked form only.
 */
export function modelOption(value: string): string {
  const bare = value.replace(/^models\//, '');
  if (keyKindOf(bare) !== 'unknown') {
    throw new UsageError(
      `--model: ${maskKey(bare)} looks like an API key, not a model id; keys are read from the environment, a .env file or --key-stdin`,
    );
  }
  if (!MODEL_ID.test(value)) {
    throw new UsageError(
      `--model: '${value.slice(0, 80)}' is not a model id (letters, digits, '.', '-', '_', optionally after 'models/')`,
    );
  }
  return value;
}

/**
 * `--base-url URL` given on the command line: http(s) only, and without credentials or a query
 * (a secret typed there would land in shell history and in every request URL).
 */
export function baseUrlOption(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url: '${value.slice(0, 200)}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--base-url must be http(s), not ${url.protocol}`);
  if (url.username || url.password || url.search)
    throw new UsageError('--base-url must not carry credentials or a query');
  return url.href.replace(/\/+$/, '');
}

/**
 * The value of a variable the user named (`--key-env NAME`): only the environment's own entries
 * count, so `__proto__` or `constructor` is "not set" rather than an object that crashes the run.
 */
export function envValue(env: Env, name: string): string | undefined {
  if (!Object.hasOwn(env, name)) return undefined;
  const value = env[name];
  return typeof value === 'string' ? value : undefined;
}

/** `-v, --verbose` (the flutter-doctor alias): details of passing checks, every client, notes. */
export const VERBOSE_OPTION = [
  '-v, --verbose',
  'show details: passing checks, every client and its notes',
] as const;
