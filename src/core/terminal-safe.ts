/**
 * Text from outside (a server's error message, a pasted log, a file name) must not drive the
 * user's terminal: an ESC sequence can retitle the window, clear the screen, hide lines or write
 * the clipboard (OSC 52), and bidi overrides reorder what is shown. Such characters are printed as
 * visible escapes instead; line breaks and tabs stay. Apply before adding our own colours.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same over every string in a JSON-like value (a report), leaving its shape alone. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((item) => terminalSafeDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = terminalSafeDeep(item);
    return out as T;
  }
  return value;
}
