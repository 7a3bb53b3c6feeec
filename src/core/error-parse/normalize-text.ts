/**
 * Undo what forums, terminals and CLIs do to an error text before anyone reads it: typographic
 * quotes, CRLF, box-drawing borders (gemini-cli), markdown fences, HTML entities, and layers of
 * JSON escaping (JSON inside a JSON string inside a log line). All linear, no backtracking traps.
 */

/** Only the first MiB of any input is read: enough for every real error, bounded for the rest. */
export const MAX_INPUT_CHARS = 1_048_576;

const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const FENCE = /^```[\w-]*$/;

function isBoxChar(code: number): boolean {
  return code >= 0x2500 && code <= 0x257f;
}

/** A line without the box-drawing border and padding gemini-cli draws around it. */
function stripBox(line: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && (line[a] === ' ' || line[a] === '\t')) a++;
  if (a < b && isBoxChar(line.charCodeAt(a))) {
    while (a < b && isBoxChar(line.charCodeAt(a))) a++;
    if (line[a] === ' ') a++;
  } else a = 0;
  let e = b;
  while (e > a && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
  if (e > a && isBoxChar(line.charCodeAt(e - 1))) {
    while (e > a && isBoxChar(line.charCodeAt(e - 1))) e--;
    while (e > a && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
    b = e;
  }
  const out = line.slice(a, b);
  return FENCE.test(out.trim()) ? '' : out;
}

export function capText(text: string): string {
  return text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
}

/** Straight quotes, LF line ends, no box borders or fences: still the user's text, readable. */
export function normalizeText(raw: string): string {
  return capText(raw)
    .replace(/\r\n?/g, '\n')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map(stripBox)
    .join('\n');
}

const ENTITIES = new Map([
  ['quot', '"'],
  ['apos', "'"],
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['nbsp', ' '],
  ['#34', '"'],
  ['#39', "'"],
]);

/**
 * The same text with escaping layers peeled: `\"` → `"`, `\n` → newline, `\u003c` → `<`, HTML
 * entities decoded. Field-level patterns run on this, so nested or damaged JSON still yields fields.
 */
export function flattenEscapes(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\') {
      let j = i;
      while (j < n && text[j] === '\\') j++;
      const next = text[j];
      if (next === 'n') {
        out += '\n';
        i = j + 1;
      } else if (next === 'r' || next === 't') {
        out += ' ';
        i = j + 1;
      } else if (next === '"' || next === "'" || next === '/') {
        out += next;
        i = j + 1;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 1, j + 5))) {
        out += String.fromCharCode(Number.parseInt(text.slice(j + 1, j + 5), 16));
        i = j + 5;
      } else {
        out += text.slice(i, j);
        i = j;
      }
      continue;
    }
    if (c === '&') {
      const semi = text.slice(i, i + 7).indexOf(';');
      if (semi > 1) {
        const decoded = ENTITIES.get(text.slice(i + 1, i + semi));
        if (decoded !== undefined) {
          out += decoded;
          i += semi + 1;
          continue;
        }
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** One line, single spaces: message patterns match across terminal wraps. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
