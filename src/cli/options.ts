import { keyKindOf, maskKey, maskKeysInText } from '../core/key-material.js';
import { parseUrl, requestBaseUrl } from '../core/url-display.js';
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
  const url = httpUrl(value, '--base-url');
  if (url.username || url.password || url.search)
    throw new UsageError('--base-url must not carry credentials or a query');
  return url.href.replace(/\/+$/, '');
}

/** Where a command's requests go, and what set it. */
export interface CommandBaseUrl {
  url: string;
  from: '--base-url' | 'GOOGLE_GEMINI_BASE_URL';
}

/**
 * The base URL every command that sends requests uses: `--base-url` (baseUrlOption's rules), else
 * GOOGLE_GEMINI_BASE_URL, which must be http(s) too and loses its credentials, query and fragment
 * (a proxy's password or a `?key=` there must not ride along); else undefined (Google's). Bad
 * input is a UsageError (exit 2) that shows the URL masked, never whole.
 */
export function commandBaseUrl(flag: string | undefined, env: Env): CommandBaseUrl | undefined {
  if (flag !== undefined) return { url: baseUrlOption(flag), from: '--base-url' };
  const fromEnv = envValue(env, 'GOOGLE_GEMINI_BASE_URL')?.trim();
  if (!fromEnv) return undefined;
  httpUrl(fromEnv, 'GOOGLE_GEMINI_BASE_URL');
  return { url: requestBaseUrl(fromEnv), from: 'GOOGLE_GEMINI_BASE_URL' };
}

function httpUrl(value: string, name: string): URL {
  const url = parseUrl(value);
  if (!url) throw new UsageError(`${name}: '${maskKeysInText(value.slice(0, 200))}' is not a URL`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`${name} must be http(s), not ${maskKeysInText(url.protocol)}`);
  return url;
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

/** A key is under a hundred characters; with stray text around it, still far below this. */
export const MAX_KEY_INPUT_CHARS = 64 * 1024;

/**
 * A key read from `--key-stdin`: more than MAX_KEY_INPUT_CHARS is not a key but a file piped by
 * mistake, refused in one line (15 MB of random bytes used to end in a V8 out-of-memory abort).
 */
export function keyInput(value: string): string {
  if (value.length > MAX_KEY_INPUT_CHARS) {
    throw new UsageError(
      `--key-stdin: standard input holds ${value.length} characters; a key has under 100 (at most ${MAX_KEY_INPUT_CHARS} are read)`,
    );
  }
  return value;
}

/** `-v, --verbose` (the flutter-doctor alias): details of passing checks, every client, notes. */
export const VERBOSE_OPTION = [
  '-v, --verbose',
  'show details: passing checks, every client and its notes',
] as const;
