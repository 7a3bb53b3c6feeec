import { confusablesMap } from 'confusables';

/**
 * What a reader sees in a text, with a map back to where each character came from. A key pasted
 * with a zero-width space, a tab, an ANSI colour code, a Cyrillic `А`, `%41` or `&#65;` inside it
 * is still that key to a reader (and to whoever copies it), so masking must find keys in this view:
 * - percent-, HTML- and `\u`/`\x`-escapes are decoded;
 * - ANSI escape sequences, control (Cc), format (Cf) and combining (Mn) characters are dropped;
 * - letters are folded to ASCII (NFKC for full-width and mathematical forms, then Unicode's
 *   confusables: Cyrillic and Greek look-alikes).
 * Character `i` of `text` came from `source.slice(start[i], end[i])`.
 */
export interface VisibleText {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

/** Anything that can change what a reader sees; a text without it is its own visible form. */
const NEEDS_WORK = /[^\u0020-\u007e]|[%&\\]/;

export function needsVisibleForm(source: string): boolean {
  return NEEDS_WORK.test(source);
}

/** An escape a pass may have uncovered (ESC and CSI are the ANSI introducers). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with control characters
const ESCAPE_START = /%[0-9A-Fa-f]{2}|&#?[0-9A-Za-z]|\\[ux]|\x1b|\x9b/;

const DROPPED = /^[\p{Cc}\p{Cf}\p{Mn}]$/u;

/** Layers of disguise undone, at most (`%\u200b41` is `%41` once the invisible space goes, then `A`). */
const MAX_PASSES = 3;

export function visibleText(source: string): VisibleText {
  let view = onePass(source);
  // Another pass only when this one left an escape to decode (`%\u200b41` → `%41`).
  for (let pass = 1; pass < MAX_PASSES && view.text !== source && ESCAPE_START.test(view.text); pass++) {
    const next = onePass(view.text);
    if (next.text === view.text) break;
    view = composed(next, view);
    source = next.text;
  }
  return view;
}

/** A later pass's view of an earlier pass's text, mapped back to the source. */
function composed(later: VisibleText, earlier: VisibleText): VisibleText {
  return mappedWhenAsked(later.text, () => ({
    start: later.start.map((at) => earlier.start[at] ?? 0),
    end: later.end.map((at) => earlier.end[at - 1] ?? 0),
  }));
}

/**
 * A view whose maps back to the source are built on first use: most texts have no key in them,
 * and are never mapped back.
 */
function mappedWhenAsked(text: string, build: () => Pick<VisibleText, 'start' | 'end'>): VisibleText {
  let maps: Pick<VisibleText, 'start' | 'end'> | undefined;
  return {
    text,
    get start() {
      maps ??= build();
      return maps.start;
    },
    get end() {
      maps ??= build();
      return maps.end;
    },
  };
}

/**
 * The next character that is not printable ASCII or that starts an escape (`%`, `&`, `\`); all
 * before it is its own visible form. A regular expression finds it without a loop in JavaScript,
 * which, in a process that has just started, costs more than the rest of the pass.
 */
const NOT_PLAIN = /[^\x20-\x24\x27-\x5b\x5d-\x7e]/g;

function onePass(source: string): VisibleText {
  const parts: string[] = [];
  // Where each piece came from, as [from, to, length in the text] triples: the per-character maps
  // are built from them when asked.
  const pieces: number[] = [];
  let i = 0;
  while (i < source.length) {
    NOT_PLAIN.lastIndex = i;
    const j = NOT_PLAIN.exec(source)?.index ?? source.length;
    if (j > i) {
      // A run of plain characters is copied as one piece.
      parts.push(source.slice(i, j));
      pieces.push(i, j, -1); // -1: a copy, character k from source k
      i = j;
      continue;
    }
    const ansi = ansiEscapeLength(source, i);
    if (ansi > 0) {
      i += ansi;
      continue;
    }
    const decoded = decodeEscape(source, i);
    const code = decoded ? decoded.code : (source.codePointAt(i) ?? 0);
    const next = decoded ? decoded.next : i + (code > 0xffff ? 2 : 1);
    const folded = visibleFormOf(code);
    if (folded !== '') {
      parts.push(folded);
      pieces.push(i, next, folded.length); // each character from the whole [i, next)
    }
    i = next;
  }
  const text = parts.join('');
  return mappedWhenAsked(text, () => mapsFromPieces(pieces, text.length));
}

/** Character by character, where each character of the text came from in the source. */
function mapsFromPieces(pieces: readonly number[], length: number): Pick<VisibleText, 'start' | 'end'> {
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  let at = 0;
  for (let p = 0; p < pieces.length; p += 3) {
    const from = pieces[p] ?? 0;
    const to = pieces[p + 1] ?? 0;
    const count = pieces[p + 2] ?? 0;
    if (count === -1) {
      for (let k = from; k < to; k++, at++) {
        start[at] = k;
        end[at] = k + 1;
      }
    } else {
      for (let k = 0; k < count; k++, at++) {
        start[at] = from;
        end[at] = to;
      }
    }
  }
  return { start, end };
}

/**
 * The visible forms of the characters the CLI's own texts use (…, —, →), worked out by the bundler
 * (scripts/build-shims/source-facts.mjs): outputs are masked on their way out, and folding one of
 * them here would load the confusables table (~4 ms) to learn it folds to itself.
 */
declare const __GKD_VISIBLE_FORMS__: Readonly<Record<string, string>> | undefined;

/**
 * What a reader sees for one code point ('' when nothing), cached: texts repeat few characters.
 * ASCII's controls (line breaks, tabs) are dropped: known here, they need no Unicode property
 * pattern compiled (DROPPED) for the line breaks of every multi-line text.
 */
const SEEN = new Map<number, string>([
  ...Array.from({ length: 0x20 }, (_, code): [number, string] => [code, '']),
  [0x7f, ''],
  ...(typeof __GKD_VISIBLE_FORMS__ === 'object'
    ? Object.entries(__GKD_VISIBLE_FORMS__).map(([char, form]): [number, string] => [
        char.codePointAt(0) ?? 0,
        form,
      ])
    : []),
]);

function visibleFormOf(code: number): string {
  let form = SEEN.get(code);
  if (form === undefined) {
    const char = String.fromCodePoint(code);
    form = DROPPED.test(char) ? '' : fold(char);
    if (SEEN.size < 8192) SEEN.set(code, form);
  }
  return form;
}

/** ASCII stays; other letters fold to the ASCII letters they look like. */
function fold(char: string): string {
  if (char.charCodeAt(0) < 0x80) return char;
  const compat = char.normalize('NFKC');
  if (/^[\x20-\x7e]+$/.test(compat)) return compat;
  const look = confusablesMap.get(char) ?? confusablesMap.get(compat);
  return look !== undefined && /^[A-Za-z0-9_-]$/.test(look) ? look : compat;
}

/** ESC [ … final, ESC ] … BEL or ST, or ESC and one character; 0 when none starts here. */
function ansiEscapeLength(source: string, at: number): number {
  const code = source.charCodeAt(at);
  if (code === 0x9b) return csiLength(source, at + 1) - at;
  if (code !== 0x1b) return 0;
  const kind = source[at + 1];
  if (kind === '[') return csiLength(source, at + 2) - at;
  if (kind === ']') {
    for (let j = at + 2; j < source.length && j < at + 4096; j++) {
      if (source.charCodeAt(j) === 0x07) return j + 1 - at;
      if (source.charCodeAt(j) === 0x1b && source[j + 1] === '\\') return j + 2 - at;
    }
    return 2;
  }
  return kind === undefined ? 1 : 2;
}

function csiLength(source: string, from: number): number {
  let j = from;
  while (j < source.length && j < from + 64) {
    const code = source.charCodeAt(j);
    j++;
    if (code >= 0x40 && code <= 0x7e) return j; // final byte
    if (code < 0x20 || code > 0x3f) return j - 1; // not a parameter or intermediate: stop before it
  }
  return j;
}

const HTML_NAMED: Record<string, number> = {
  lowbar: 0x5f,
  UnderBar: 0x5f,
  hyphen: 0x2d,
  dash: 0x2d,
  period: 0x2e,
};

/** `%41`, `&#65;`, `&#x41;`, `&lowbar;`, `\u0041`, `\u{41}`, `\x41` at `at`. */
function decodeEscape(source: string, at: number): { code: number; next: number } | undefined {
  const head = source[at];
  if (head === '%') return hexAt(source, at + 1, 2, 2);
  if (head === '&') {
    const match = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));?/.exec(
      source.slice(at, at + 12),
    );
    if (!match) return undefined;
    const code = match[1]
      ? Number(match[1])
      : match[2]
        ? Number.parseInt(match[2], 16)
        : HTML_NAMED[match[3] ?? ''];
    if (code === undefined || code > 0x10ffff) return undefined;
    // Unterminated: only a printable character (`&#x4%31;` is `&#x41;` once `%31` is decoded).
    if (!match[0].endsWith(';') && (match[3] || code < 0x20)) return undefined;
    return { code, next: at + match[0].length };
  }
  if (head === '\\') {
    const kind = source[at + 1];
    if (kind === 'x') return hexAt(source, at + 2, 2, 2);
    if (kind === 'u' && source[at + 2] === '{') {
      const close = source.indexOf('}', at + 3);
      if (close === -1 || close > at + 9) return undefined;
      const decoded = hexAt(source, at + 3, close - at - 3, close - at - 3);
      return decoded && { code: decoded.code, next: close + 1 };
    }
    if (kind === 'u') return hexAt(source, at + 2, 4, 4);
  }
  return undefined;
}

function hexAt(
  source: string,
  from: number,
  min: number,
  max: number,
): { code: number; next: number } | undefined {
  const digits = source.slice(from, from + max);
  if (digits.length < min || !/^[0-9A-Fa-f]+$/.test(digits)) return undefined;
  const code = Number.parseInt(digits, 16);
  return code <= 0x10ffff ? { code, next: from + digits.length } : undefined;
}
