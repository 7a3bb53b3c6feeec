import { characterName, codePointLabel } from './lint/character-names.js';

/** Why a key cannot be put in an HTTP header at all: Node's fetch would throw before sending. */
export interface UnsendableKey {
  cause: 'key_invisible_chars' | 'key_whitespace';
  /** Safe to print: names the character and its position, never the key. */
  detail: string;
}

/**
 * fetch (undici) trims spaces, tabs and line breaks at the ends of a header value, then refuses
 * a value with a character above U+00FF ("Cannot convert argument to a ByteString"), or with
 * NUL, CR or LF inside. Such a key never reaches the server, so a probe must not report the
 * resulting TypeError as a network failure: the key itself is the problem.
 */
export function unsendableKey(value: string): UnsendableKey | null {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  let position = 0;
  for (const char of trimmed) {
    position++;
    const code = char.codePointAt(0)!;
    if (code > 0xff) {
      return {
        cause: 'key_invisible_chars',
        detail: `the key was not sent: character ${position} is ${codePointLabel(code)} (${characterName(code)}), which an HTTP header cannot carry`,
      };
    }
    if (code === 0 || code === 0x0a || code === 0x0d) {
      return {
        cause: 'key_whitespace',
        detail: `the key was not sent: character ${position} is a ${code === 0 ? 'NUL byte' : 'line break'}, which an HTTP header cannot carry`,
      };
    }
  }
  return null;
}
