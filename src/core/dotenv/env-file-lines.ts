/**
 * A line-by-line reading of a `.env` file that keeps what the parsers throw away: how each
 * assignment was written (quotes, `export`, `KEY: value`, spaces around `=`, an unquoted `#`).
 * The values themselves are not kept here: lint rules get them from the real parsers.
 */
export type QuoteStyle = 'none' | 'double' | 'single' | 'backtick' | 'smart' | 'unmatched';

export interface EnvAssignment {
  name: string;
  /** 1-based line number (after CRLF normalisation, as dotenv counts). */
  line: number;
  exported: boolean;
  /** `KEY: value` (dotenv accepts it, Node and shells do not). */
  colonSeparator: boolean;
  /** `KEY = value`: dotenv and Node accept it, a shell `source` does not. */
  spacedEquals: boolean;
  quote: QuoteStyle;
  /** An unquoted value with a `#`: dotenv and Node cut the value there, a shell keeps it. */
  hashInValue: boolean;
  /** The value is empty (`KEY=`, `KEY=""`). */
  empty: boolean;
}

const ASSIGNMENT = /^[ \t\uFEFF]*(export[ \t]+)?([\w.-]+)([ \t]*=[ \t]*|:[ \t]+)(.*)$/;
const SMART_QUOTES = new Set(['\u201C', '\u201D', '\u2018', '\u2019', '\u201E', '\u00AB', '\u00BB']);
const QUOTES: Record<string, QuoteStyle> = { '"': 'double', "'": 'single', '`': 'backtick' };

export function scanAssignments(text: string): EnvAssignment[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: EnvAssignment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = ASSIGNMENT.exec(lines[i] ?? '');
    if (!match) continue;
    const separator = match[3] ?? '=';
    const raw = (match[4] ?? '').trim();
    const first = raw[0] ?? '';
    let quote: QuoteStyle = 'none';
    const straight = QUOTES[first];
    if (straight !== undefined) {
      quote =
        raw.length >= 2 && raw.indexOf(first, 1) > 0
          ? straight
          : closesLater(lines, i, first)
            ? straight
            : 'unmatched';
    } else if (SMART_QUOTES.has(first) || SMART_QUOTES.has(raw.at(-1) ?? '')) {
      quote = 'smart';
    } else if (raw.length > 0 && QUOTES[raw.at(-1) ?? ''] !== undefined) {
      quote = 'unmatched';
    }
    out.push({
      name: match[2] ?? '',
      line: i + 1,
      exported: match[1] !== undefined,
      colonSeparator: separator.startsWith(':'),
      spacedEquals: !separator.startsWith(':') && separator.trim() !== separator,
      quote,
      hashInValue: (quote === 'none' || quote === 'smart' || quote === 'unmatched') && raw.includes('#'),
      empty: raw === '' || raw === '""' || raw === "''" || raw === '``',
    });
  }
  return out;
}

/** A quoted value may span lines (dotenv and Node both allow it). */
function closesLater(lines: readonly string[], from: number, quote: string): boolean {
  for (let j = from + 1; j < lines.length && j < from + 200; j++) {
    if ((lines[j] ?? '').includes(quote)) return true;
  }
  return false;
}
