import type { IncomingMessage } from 'node:http';
import { AUTH_KEY_EXACT, STANDARD_KEY_EXACT } from '../core/key-material.js';

/** The credentials a request carries, by where Google looks for them. */
export interface SentCredentials {
  /** `x-goog-api-key` header. */
  header?: string;
  /** `?key=` query parameter. */
  query?: string;
  /** `Authorization: Bearer …` token. */
  bearer?: string;
}

export type CredentialPlace = 'x-goog-api-key' | 'key-param' | 'bearer' | 'none' | 'several';

export function credentialsOf(req: IncomingMessage, url: URL): SentCredentials {
  const sent: SentCredentials = {};
  const header = req.headers['x-goog-api-key'];
  const headerValue = Array.isArray(header) ? header[0] : header;
  if (headerValue !== undefined && headerValue !== '') sent.header = headerValue;
  const query = url.searchParams.get('key');
  if (query !== null && query !== '') sent.query = query;
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    sent.bearer = match ? match[1]!.trim() : authorization.trim();
  }
  return sent;
}

export function countCredentials(sent: SentCredentials): number {
  return (sent.header ? 1 : 0) + (sent.query ? 1 : 0) + (sent.bearer ? 1 : 0);
}

export function placeOf(sent: SentCredentials): CredentialPlace {
  const count = countCredentials(sent);
  if (count === 0) return 'none';
  if (count > 1) return 'several';
  return sent.header ? 'x-goog-api-key' : sent.query ? 'key-param' : 'bearer';
}

/** Whether Google's key check could accept this string at all (standard or auth shape). */
export function isWellFormedKey(value: string): boolean {
  return STANDARD_KEY_EXACT.test(value) || AUTH_KEY_EXACT.test(value);
}
