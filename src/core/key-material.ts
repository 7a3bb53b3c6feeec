import { needsVisibleForm, visibleText } from './visible-text.js';

/**
 * What we know about the shape of Gemini credentials (reference/auth-keys-2026.md):
 * standard keys are `AIza` + 35 of [A-Za-z0-9_-] (39 chars); auth keys are `AQ.` + a long
 * [A-Za-z0-9_-] tail (53 chars in every public sample, so length is only a heuristic);
 * ephemeral tokens for the Live API are `auth_tokens/…`.
 */
export type KeyKind = 'standard' | 'auth' | 'ephemeral' | 'unknown';

export const STANDARD_KEY_LENGTH = 39;
export const AUTH_KEY_TYPICAL_LENGTH = 53;
/** Shortest auth-key tail we still call an auth key when scanning text; shorter is a decoy. */
export const AUTH_KEY_MIN_TAIL = 30;

const KEY_CHAR = 'A-Za-z0-9_\\-';
/** Exact shapes, for a value already isolated (a variable's value). */
export const STANDARD_KEY_EXACT = new RegExp(`^AIza[${KEY_CHAR}]{35}$`);
export const AUTH_KEY_EXACT = new RegExp(`^AQ\\.[${KEY_CHAR}]{${AUTH_KEY_MIN_TAIL},}$`);

/**
 * Keys inside free text. The boundaries reject matches inside longer tokens
 * (a key-char immediately before or after) but accept `…&`, `"…"`, `<string>…</string>`, `\n`.
 */
export const STANDARD_KEY_IN_TEXT = new RegExp(
  `(?<![${KEY_CHAR}.])AIza[${KEY_CHAR}]{35}(?![${KEY_CHAR}])`,
  'g',
);
export const AUTH_KEY_IN_TEXT = new RegExp(
  `(?<![${KEY_CHAR}.])AQ\\.[${KEY_CHAR}]{${AUTH_KEY_MIN_TAIL},}(?![${KEY_CHAR}])`,
  'g',
);

/** Characters that render as nothing: a key pasted with one inside is still the key. */
const INVISIBLE = '\\u00ad\\u200b-\\u200f\\u2060-\\u2064\\ufeff';
/** A key character, possibly after invisible ones. */
const KEY_RUN = `(?:[${INVISIBLE}]*[${KEY_CHAR}])`;

/**
 * Looser, for masking: anything that starts like a key, whatever its length, whatever the case
 * of its prefix (`aiza…` is still the rest of a key), with invisible characters inside, is hidden.
 */
const KEYLIKE_FOR_MASKING = new RegExp(
  `[Aa][Ii][Zz][Aa]${KEY_RUN}{8,}|[Aa][Qq]\\.${KEY_RUN}{8,}|auth_tokens/${KEY_RUN}{8,}`,
  'g',
);

export function keyKindOf(value: string): KeyKind {
  if (value.startsWith('AIza')) return 'standard';
  if (value.startsWith('AQ.')) return 'auth';
  if (value.startsWith('auth_tokens/')) return 'ephemeral';
  return 'unknown';
}

/** First 8 hex characters of SHA-256 of the exact key bytes: the same in doctor, scan and explain. */
export function fingerprintOf(key: string): string {
  // node:crypto takes ~3 ms to load: only what fingerprints a key pays for it, not every start-up.
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(key, 'utf8')
    .digest('hex')
    .slice(0, 8);
}

/**
 * A form of the key safe to print: the kind's public prefix, an ellipsis and the last four
 * characters (`AIza…Xy9Z`). Short or unknown values show less, never more than 4 characters.
 */
export function maskKey(key: string): string {
  const kind = keyKindOf(key);
  const prefix =
    kind === 'standard' ? 'AIza' : kind === 'auth' ? 'AQ.' : kind === 'ephemeral' ? 'auth_tokens/' : '';
  const rest = key.slice(prefix.length);
  if (rest.length >= 16) return `${prefix}…${visibleControls(rest.slice(-4))}`;
  if (rest.length >= 8) return `${prefix}…${visibleControls(rest.slice(-2))}`;
  return `${prefix}…(${key.length} chars)`;
}

/**
 * A line break or tab at the end of a key (a value read with its newline) would break the line the
 * masked key is printed on: control characters show as their visible symbols (⏎, ␍, ⇥, ␀…).
 */
function visibleControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\n') return '⏎';
    if (c === '\t') return '⇥';
    if (c === '\u007f') return '␡';
    return String.fromCharCode(0x2400 + c.charCodeAt(0));
  });
}

/** A printable, masked stand-in for a key: never the key itself. */
export interface MaskedKey {
  kind: KeyKind;
  masked: string;
  fingerprint: string;
  length: number;
}

export function describeKey(key: string): MaskedKey {
  return { kind: keyKindOf(key), masked: maskKey(key), fingerprint: fingerprintOf(key), length: key.length };
}

/**
 * Replaces every key-like run in free text by its masked form, so pasted text can be echoed.
 * Keys are looked for in what a reader sees (core/visible-text.ts: escapes decoded, invisible and
 * control characters dropped, look-alike letters folded), and each span found there is masked in
 * the original text. Fragments of LEAKING_FRAGMENT characters of any key found, or of one of the
 * `known` keys, are hidden too.
 */
export function maskKeysInText(text: string, known: readonly string[] = []): string {
  if (!needsVisibleForm(text) && known.length === 0) {
    return text.replace(KEYLIKE_FOR_MASKING, (match) => maskKey(match));
  }
  const view = visibleText(text);
  const spans: Array<{ from: number; to: number; mask: string }> = [];
  const found = new Set(known.filter((key) => key.length > LEAKING_FRAGMENT));
  for (const match of view.text.matchAll(KEYLIKE_FOR_MASKING)) {
    const at = match.index;
    spans.push({ from: at, to: at + match[0].length, mask: maskKey(match[0]) });
    if (match[0].length > LEAKING_FRAGMENT) found.add(match[0]);
  }
  for (const [from, to] of fragmentSpans(view.text, found)) spans.push({ from, to, mask: '…' });
  const original = spans.map((span) => ({
    from: view.start[span.from] ?? 0,
    to: view.end[span.to - 1] ?? 0,
    mask: span.mask,
  }));
  // The raw text too: `%0AIza…` is a newline before a key to one reader and a key to another.
  for (const match of text.matchAll(KEYLIKE_FOR_MASKING)) {
    original.push({ from: match.index, to: match.index + match[0].length, mask: maskKey(match[0]) });
  }
  if (original.length === 0) return text;
  // Merge overlapping spans, a key's mask winning over a fragment's.
  original.sort((a, b) => a.from - b.from || b.to - a.to);
  let out = '';
  let at = 0;
  for (const span of original) {
    if (span.from < at) {
      if (span.to > at) at = span.to;
      continue;
    }
    out += text.slice(at, span.from) + span.mask;
    at = span.to;
  }
  return out + text.slice(at);
}

/** The key-like runs a reader would see in a text (its visible form: escapes decoded, look-alikes folded). */
export function keyLikeRuns(text: string): string[] {
  const visible = needsVisibleForm(text) ? visibleText(text).text : text;
  const runs = new Set<string>();
  for (const source of new Set([text, visible])) {
    for (const match of source.matchAll(KEYLIKE_FOR_MASKING))
      if (match[0].length > LEAKING_FRAGMENT) runs.add(match[0]);
  }
  return [...runs];
}

/** Where any LEAKING_FRAGMENT-long run of one of the keys occurs in the text (ASCII case ignored). */
function fragmentSpans(text: string, keys: ReadonlySet<string>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (keys.size === 0) return spans;
  const haystack = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  for (const key of keys) {
    const needle = key.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (let start = 0; start + LEAKING_FRAGMENT <= needle.length; start++) {
      const piece = needle.slice(start, start + LEAKING_FRAGMENT);
      for (let at = haystack.indexOf(piece); at !== -1; at = haystack.indexOf(piece, at + 1)) {
        spans.push([at, at + LEAKING_FRAGMENT]);
      }
    }
  }
  return spans;
}

/** A run this long copied from a key narrows it down enough to count as leaking it. */
const LEAKING_FRAGMENT = 12;

/**
 * Hides one known secret inside text that came from elsewhere (a server's answer, a redirect
 * target, an error message): the whole value, its URL-encoded form, and any fragment of
 * LEAKING_FRAGMENT characters or more. Unlike maskKeysInText it needs no key shape, so it also
 * catches a key with a typo, a stray quote or an unknown prefix. Values too short to be a key
 * are left alone (replacing them would garble the text and protect nothing).
 */
export function redactSecret(text: string, secret: string): string {
  if (secret.length < 8 || text.length === 0) return text;
  const masked = maskKey(secret);
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(masked);
  if (secret.length <= LEAKING_FRAGMENT) return out;
  // Host names and some logs lower-case what they repeat: fragments match in any ASCII case
  // (lowering only A-Z keeps every index in place).
  const lower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const haystack = lower(out);
  const needle = lower(secret);
  const hidden: boolean[] = [];
  let found = false;
  for (let start = 0; start + LEAKING_FRAGMENT <= needle.length; start++) {
    const piece = needle.slice(start, start + LEAKING_FRAGMENT);
    for (let at = haystack.indexOf(piece); at !== -1; at = haystack.indexOf(piece, at + 1)) {
      for (let i = at; i < at + LEAKING_FRAGMENT; i++) hidden[i] = true;
      found = true;
    }
  }
  if (!found) return out;
  let result = '';
  for (let i = 0; i < out.length; i++) {
    if (!hidden[i]) result += out[i];
    else if (!hidden[i - 1]) result += '…';
  }
  return result;
}
