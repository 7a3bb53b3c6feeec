import { randomBytes } from 'node:crypto';

/**
 * Test keys are fake and look fake in a documented way: every test key built here carries the
 * marker `FAKE` right after its prefix, so a reader (and a scanner's allow-list) can tell at a glance.
 * Canary keys add a random tail so a test can prove that exact string never reaches any output.
 */
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function randomTail(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return out;
}

/** A standard-shaped (`AIza` + 35) fake key: `AIzaFAKE` + 31 random key characters. */
export function fakeStandardKey(): string {
  return `AIzaFAKE${randomTail(31)}`;
}

/** An auth-shaped (`AQ.` + 50) fake key: `AQ.FAKE` + 46 random key characters (53 in all). */
export function fakeAuthKey(): string {
  return `AQ.FAKE${randomTail(46)}`;
}
