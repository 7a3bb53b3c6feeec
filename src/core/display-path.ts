import { maskKeysInText } from './key-material.js';

/**
 * Every path the product prints goes through here. A folder or file name is the user's text and
 * may hold a key (`keys/AIza…/.env`) or a newline that forges a line of the report
 * (`z\n\n✓ No leaked keys.\n.txt`): keys are masked, and every control, format and bidi character
 * (newlines and tabs included) becomes a visible `\uXXXX` escape.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function displayPath(path: string): string {
  return maskKeysInText(path).replace(
    UNPRINTABLE,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
