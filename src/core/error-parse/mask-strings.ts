import { maskKeysInText } from '../key-material.js';

/**
 * Masks every key-like run in every string (and property name) of a plain value. Escapes decoded
 * while parsing (`\u0041Iza…`) or templates echoing evidence can rebuild a key that a text-level mask
 * did not see, so results are masked once more on their way out.
 */
export function maskStrings<T>(value: T): T {
  if (typeof value === 'string') return maskKeysInText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[maskKeysInText(k)] = maskStrings(v);
    return out as T;
  }
  return value;
}
