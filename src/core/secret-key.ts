import { inspect } from 'node:util';
import { fingerprintOf, type KeyKind, keyKindOf, maskKey } from './key-material.js';

/**
 * A key value that cannot be printed by accident: string conversion, JSON and util.inspect all
 * give the masked form. Only `reveal()` gives the key, and only the transport that sends it
 * (a probe, the client) should call it. The invariant is set where a key is read, once.
 */
export class SecretKey {
  readonly #value: string;
  readonly kind: KeyKind;
  readonly masked: string;
  readonly fingerprint: string;
  readonly length: number;

  constructor(value: string) {
    this.#value = value;
    this.kind = keyKindOf(value);
    this.masked = maskKey(value);
    this.fingerprint = fingerprintOf(value);
    this.length = value.length;
  }

  /** The key itself. Call only where it is sent; never log or store the result. */
  reveal(): string {
    return this.#value;
  }

  equals(other: SecretKey): boolean {
    return this.#value === other.#value;
  }

  toString(): string {
    return this.masked;
  }

  toJSON(): string {
    return this.masked;
  }

  [inspect.custom](): string {
    return `SecretKey(${this.masked} #${this.fingerprint})`;
  }
}
