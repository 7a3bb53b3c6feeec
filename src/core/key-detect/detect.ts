import { AUTH_KEY_MIN_TAIL } from '../key-material.js';
import { SecretKey } from '../secret-key.js';
import { describeContext, type KeyContext } from './detect-context.js';
import { isPlaceholderTail } from './placeholder.js';
import { isTestKey } from './test-keys.js';

/**
 * The leak detector: pure, no I/O. It finds standard (`AIza` + 35) and auth (`AQ.` + tail) keys in
 * text or raw bytes. A fast `indexOf` prefilter looks for the two prefixes; boundaries are checked
 * by hand instead of with a regex lookbehind so that a key right after a JSON or URL escape
 * (`\n`, `\u003d`, `%3D`) is found, while one inside a longer token is not.
 */

/** Longest auth-key tail the scanner accepts (observed: 50); longer runs are some other token. */
export const SCAN_AUTH_KEY_MAX_TAIL = 72;
const STANDARD_TAIL = 35;

export interface DetectOptions {
  /** The file's path: some contexts (google-services.json) are known by name. */
  path?: string;
}

/** What the scan engine needs from a hit, as plain data (crosses worker threads). */
export interface RawHit {
  key: string;
  keyKind: 'standard' | 'auth';
  /** Offset of the key's first character: UTF-16 units for a string, bytes for a buffer. */
  offset: number;
  /** 1-based line and column (column in UTF-16 code units, as SARIF counts by default). */
  line: number;
  column: number;
  context: KeyContext;
  /** A documented fake key (`AIzaFAKE…`, `AQ.FAKE…`, the emulator's magic keys). */
  testKey: boolean;
}

/** One key found in a text, before it becomes a finding: a RawHit whose key cannot be printed. */
export interface DetectedKey extends Omit<RawHit, 'key'> {
  secret: SecretKey;
}

/** Result of a raw scan, plus how many key-shaped placeholders were ignored. */
export interface RawDetection {
  hits: RawHit[];
  placeholders: number;
}

const PREFIXES = [
  { text: 'AIza', kind: 'standard' as const },
  { text: 'AQ.', kind: 'auth' as const },
];

// Byte needles: no string conversion per call (measured ~25 % faster than string needles).
const STANDARD_PREFIX = Buffer.from('AIza', 'latin1');
const AUTH_PREFIX = Buffer.from('AQ.', 'latin1');

/** Finds the keys in a text or a buffer; never throws. */
export function detectKeys(input: string | Uint8Array, options: DetectOptions = {}): DetectedKey[] {
  return detectRaw(input, options).hits.map(({ key, ...rest }) => ({ ...rest, secret: new SecretKey(key) }));
}

/** Cheap check on raw bytes: can this buffer contain a key at all? */
export function mayContainKey(bytes: Uint8Array): boolean {
  const buf = asBuffer(bytes);
  return buf.indexOf(STANDARD_PREFIX) !== -1 || buf.indexOf(AUTH_PREFIX) !== -1;
}

/** The detector with raw keys: for the scan engine only (results are wrapped before they leave it). */
export function detectRaw(input: string | Uint8Array, options: DetectOptions = {}): RawDetection {
  const source = typeof input === 'string' ? stringSource(input) : bufferSource(asBuffer(input));
  const candidates: Array<{ start: number; end: number; kind: 'standard' | 'auth' }> = [];
  let placeholders = 0;
  for (const prefix of PREFIXES) {
    let at = source.find(prefix.text, 0);
    while (at !== -1) {
      const tailStart = at + prefix.text.length;
      let end = tailStart;
      while (end < source.length && isKeyChar(source.at(end))) end++;
      const tail = end - tailStart;
      const sized =
        prefix.kind === 'standard'
          ? tail === STANDARD_TAIL
          : tail >= AUTH_KEY_MIN_TAIL && tail <= SCAN_AUTH_KEY_MAX_TAIL;
      if (sized && leftBoundaryOk(source, at)) {
        if (looksLikePlaceholder(source, tailStart, end)) placeholders++;
        else candidates.push({ start: at, end, kind: prefix.kind });
      }
      at = source.find(prefix.text, Math.max(end, at + 1));
    }
  }
  if (candidates.length === 0) return { hits: [], placeholders };
  candidates.sort((a, b) => a.start - b.start);
  const lines = new LineCounter(source);
  const hits: RawHit[] = [];
  for (const candidate of candidates) {
    const key = source.slice(candidate.start, candidate.end);
    const { line, column } = lines.locate(candidate.start);
    const before = source.slice(Math.max(0, candidate.start - 400), candidate.start);
    const after = source.slice(candidate.end, Math.min(source.length, candidate.end + 400));
    hits.push({
      key,
      keyKind: candidate.kind,
      offset: candidate.start,
      line,
      column,
      context: describeContext(before, after, options.path),
      testKey: isTestKey(key),
    });
  }
  return { hits, placeholders };
}

/** Indexable view over a string or bytes: the prefixes and key characters are all ASCII. */
interface Source {
  length: number;
  at(index: number): number;
  find(needle: string, from: number): number;
  slice(start: number, end: number): string;
  /** Length in UTF-16 units of [start, end): the column of a byte offset. */
  width(start: number, end: number): number;
  newline(from: number): number;
}

function stringSource(text: string): Source {
  return {
    length: text.length,
    at: (i) => text.charCodeAt(i),
    find: (needle, from) => text.indexOf(needle, from),
    slice: (start, end) => text.slice(start, end),
    width: (start, end) => end - start,
    newline: (from) => text.indexOf('\n', from),
  };
}

function bufferSource(buf: Buffer): Source {
  return {
    length: buf.length,
    at: (i) => buf[i] ?? 0,
    find: (needle, from) => buf.indexOf(needle, from, 'latin1'),
    slice: (start, end) => buf.toString('utf8', start, end),
    width: (start, end) => utf16Width(buf, start, end),
    newline: (from) => buf.indexOf(10, from),
  };
}

/**
 * UTF-16 units that UTF-8 bytes decode to, counted without decoding (a one-line file of 600 MB
 * used to be turned into one string here: ERR_STRING_TOO_LONG): one per lead byte, two for a
 * 4-byte sequence.
 */
export function utf16Width(buf: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const byte = buf[i] ?? 0;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Line numbers for increasing offsets, counting newlines once. */
class LineCounter {
  #line = 1;
  #lineStart = 0;
  readonly #source: Source;
  constructor(source: Source) {
    this.#source = source;
  }
  locate(offset: number): { line: number; column: number } {
    let next = this.#source.newline(this.#lineStart);
    while (next !== -1 && next < offset) {
      this.#line++;
      this.#lineStart = next + 1;
      next = this.#source.newline(this.#lineStart);
    }
    return { line: this.#line, column: this.#source.width(this.#lineStart, offset) + 1 };
  }
}

function isKeyChar(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x5f || // _
    code === 0x2d // -
  );
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

const BACKSLASH = 0x5c;

/**
 * The character before a key must not continue a token (a dot does not: `the key...AIza…`, like
 * gitleaks' `\b`). A key character is allowed only when it
 * ends an escape: `\n` `\r` `\t` `\b` `\f` `\/` (JSON, string literals), `\u003d` `\x3d`, or `%3D`
 * (URL encoding) — the escape stands for a separator, not for part of the key.
 */
function leftBoundaryOk(source: Source, at: number): boolean {
  if (at === 0) return true;
  const prev = source.at(at - 1);
  if (!isKeyChar(prev)) return true;
  // \n \r \t \b \f
  if (at >= 2 && source.at(at - 2) === BACKSLASH && 'nrtbf'.includes(String.fromCharCode(prev))) return true;
  // \uXXXX
  if (at >= 6 && source.at(at - 6) === BACKSLASH && source.at(at - 5) === 0x75 && hexRun(source, at - 4, 4)) {
    return true;
  }
  // \xXX
  if (at >= 4 && source.at(at - 4) === BACKSLASH && source.at(at - 3) === 0x78 && hexRun(source, at - 2, 2)) {
    return true;
  }
  // %XX
  if (at >= 3 && source.at(at - 3) === 0x25 && hexRun(source, at - 2, 2)) return true;
  return false;
}

function hexRun(source: Source, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) if (!isHex(source.at(i))) return false;
  return true;
}

function looksLikePlaceholder(source: Source, start: number, end: number): boolean {
  return isPlaceholderTail(source.slice(start, end));
}
