/**
 * A forgiving reader for JSON-ish text as people paste it: JSON, Python dict reprs (single quotes,
 * True/False/None), JavaScript object literals (bare keys), and damaged copies (a lost quote mark,
 * a missing comma, truncation). It never throws and runs in linear time: every loop step consumes
 * at least one character, and nesting deeper than MAX_DEPTH is read as flat text.
 */
export type Loose = string | number | boolean | null | Loose[] | LooseObject;
export interface LooseObject {
  [key: string]: Loose;
}

export interface LooseResult {
  value: Loose;
  /** Index just after what was read. */
  end: number;
}

const MAX_DEPTH = 48;
/** Longest string value kept; longer ones are cut (the text is capped upstream anyway). */
const MAX_STRING = 200_000;

const BAREWORD_STOP = new Set([',', ':', '{', '}', '[', ']', '"', "'", '\n', '=']);

export function parseLoose(text: string, start: number): LooseResult {
  const reader = new LooseReader(text);
  reader.pos = start;
  const value = reader.value(0);
  return { value, end: Math.max(reader.pos, start + 1) };
}

class LooseReader {
  pos = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      // whitespace, and stray backslashes left from lost escapes
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 92) this.pos++;
      else break;
    }
  }

  value(depth: number): Loose {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) return null;
    if (depth > MAX_DEPTH) return this.bareword();
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.string(c);
    return this.scalar();
  }

  private object(depth: number): LooseObject {
    const out: LooseObject = Object.create(null) as LooseObject;
    const t = this.text;
    this.pos++; // {
    while (this.pos < t.length) {
      this.skipSpace();
      const c = t[this.pos];
      if (c === undefined) break;
      if (c === '}') {
        this.pos++;
        return out;
      }
      if (c === ',' || c === ']' || c === ':') {
        // a stray separator, or a `]` where `}` belongs: skip it and keep reading
        this.pos++;
        continue;
      }
      const before = this.pos;
      const key = c === '"' || c === "'" ? this.string(c) : this.bareword();
      this.skipSpace();
      // `@type": "x"` (an opening quote was lost): skip the orphan closing quote before the colon
      const q = t[this.pos];
      if ((q === '"' || q === "'") && this.nextNonSpaceIs(this.pos + 1, ':')) {
        this.pos++;
        this.skipSpace();
      }
      const sep = t[this.pos];
      if (sep === ':' || sep === '=') {
        this.pos++;
        const v = this.value(depth + 1);
        if (key !== '' && key !== '__proto__') out[key] = v;
      } else if (key !== '' && key !== '__proto__' && !(key in out)) {
        out[key] = null;
      }
      if (this.pos === before) this.pos++;
    }
    return out;
  }

  private array(depth: number): Loose[] {
    const out: Loose[] = [];
    const t = this.text;
    this.pos++; // [
    while (this.pos < t.length) {
      this.skipSpace();
      const c = t[this.pos];
      if (c === undefined) break;
      if (c === ']') {
        this.pos++;
        return out;
      }
      if (c === ',' || c === '}' || c === ':') {
        this.pos++;
        continue;
      }
      const before = this.pos;
      out.push(this.value(depth + 1));
      if (this.pos === before) this.pos++;
    }
    return out;
  }

  private nextNonSpaceIs(from: number, ch: string): boolean {
    const t = this.text;
    let i = from;
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
    return t[i] === ch;
  }

  /**
   * A quoted string. A raw line break ends the string when the next line clearly starts a new
   * member or closes the object (a lost closing quote); otherwise it is a terminal wrap and is
   * joined with a space.
   */
  private string(quote: string): string {
    const t = this.text;
    this.pos++;
    let out = '';
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      if (c === '\n') {
        if (this.lineStartsMember(this.pos + 1)) {
          this.pos++;
          return out;
        }
        // join a wrapped line: drop the break and the next line's indentation
        this.pos++;
        while (this.pos < t.length && (t[this.pos] === ' ' || t[this.pos] === '\t')) this.pos++;
        if (out.length > 0 && !out.endsWith(' ')) out += ' ';
        continue;
      }
      if (out.length < MAX_STRING) out += c;
      this.pos++;
    }
    return out;
  }

  private lineStartsMember(from: number): boolean {
    const t = this.text;
    let i = from;
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
    const c = t[i];
    if (c === undefined || c === '}' || c === ']') return true;
    if (c === '"' || c === "'" || c === '@') {
      // `"key": …` — look for a colon shortly after a closing quote
      const lineEnd = t.indexOf('\n', i);
      const line = t.slice(i, lineEnd === -1 ? Math.min(t.length, i + 200) : Math.min(lineEnd, i + 200));
      return /^["'@][@\w.\- ]{0,60}["']?\s*:/.test(line);
    }
    return false;
  }

  private escape(): string {
    const t = this.text;
    const n = t[this.pos + 1];
    this.pos += 2;
    switch (n) {
      case undefined:
        return '';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '';
      case 'b':
      case 'f':
        return ' ';
      case 'u': {
        const hex = t.slice(this.pos, this.pos + 4);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos += 4;
          return String.fromCharCode(Number.parseInt(hex, 16));
        }
        return 'u';
      }
      case 'x': {
        const hex = t.slice(this.pos, this.pos + 2);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          this.pos += 2;
          return String.fromCharCode(Number.parseInt(hex, 16));
        }
        return 'x';
      }
      default:
        return n;
    }
  }

  private bareword(): string {
    const t = this.text;
    const start = this.pos;
    while (this.pos < t.length && !BAREWORD_STOP.has(t[this.pos]!)) {
      if (t[this.pos] === '}' || t[this.pos] === ']') break;
      this.pos++;
    }
    return t.slice(start, Math.min(this.pos, start + MAX_STRING)).trim();
  }

  private scalar(): Loose {
    const word = this.bareword();
    if (word === 'true' || word === 'True') return true;
    if (word === 'false' || word === 'False') return false;
    if (word === 'null' || word === 'None' || word === 'undefined') return null;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return Number(word);
    return word;
  }
}
