import { maskKeysInText } from './key-material.js';

/**
 * Base URLs come from the user's environment and may carry secrets of their own
 * (`https://user:pw@proxy/?key=AIza…`). These two forms are the only ones that leave the code
 * that read the variable: one to show, one to send requests to.
 */

/** `https://user:pw@host/path?key=…#x` → `https://host/path`, keys masked: safe to print. */
export function displayUrl(raw: string): string {
  const url = parseUrl(raw);
  if (!url) return '(not a valid URL)';
  return maskKeysInText(withoutSecrets(raw, url));
}

/**
 * The base URL a probe may build requests on: credentials, query and fragment dropped, so a key
 * written into the variable never rides along in a request URL. Invalid input comes back as is,
 * for the transport to reject with a clear error.
 */
export function requestBaseUrl(raw: string): string {
  const url = parseUrl(raw);
  if (!url) return raw;
  return withoutSecrets(raw, url);
}

/** Origin and path only, keeping the user's own trailing-slash style (`http://h:1` stays so). */
function withoutSecrets(raw: string, url: URL): string {
  const stripped = `${url.protocol}//${url.host}${url.pathname}`;
  const rawPath = raw.split(/[?#]/, 1)[0] ?? raw;
  return url.pathname === '/' && !rawPath.endsWith('/') ? stripped.slice(0, -1) : stripped;
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Whether fetch can send a request to it: a parseable http: or https: URL. */
export function isHttpUrl(raw: string): boolean {
  const protocol = parseUrl(raw)?.protocol;
  return protocol === 'https:' || protocol === 'http:';
}
