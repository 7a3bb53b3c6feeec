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
  return maskKeysInText(`${url.protocol}//${url.host}${url.pathname}`);
}

/**
 * The base URL a probe may build requests on: credentials, query and fragment dropped, so a key
 * written into the variable never rides along in a request URL. Invalid input comes back as is,
 * for the transport to reject with a clear error.
 */
export function requestBaseUrl(raw: string): string {
  const url = parseUrl(raw);
  if (!url) return raw;
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
