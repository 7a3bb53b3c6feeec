/**
 * Names for the characters that end up in pasted keys. Reported by code point and position only:
 * the characters around them are key material and never shown.
 */
const NAMES: Record<number, string> = {
  0: 'NULL',
  9: 'TAB',
  10: 'LINE FEED (newline)',
  11: 'VERTICAL TAB',
  12: 'FORM FEED',
  13: 'CARRIAGE RETURN',
  32: 'SPACE',
  34: 'QUOTATION MARK',
  39: 'APOSTROPHE',
  96: 'GRAVE ACCENT (backtick)',
  127: 'DELETE',
  160: 'NO-BREAK SPACE',
  171: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK',
  173: 'SOFT HYPHEN',
  187: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK',
  847: 'COMBINING GRAPHEME JOINER',
  1564: 'ARABIC LETTER MARK',
  4447: 'HANGUL CHOSEONG FILLER',
  4448: 'HANGUL JUNGSEONG FILLER',
  6158: 'MONGOLIAN VOWEL SEPARATOR',
  8192: 'EN QUAD',
  8193: 'EM QUAD',
  8194: 'EN SPACE',
  8195: 'EM SPACE',
  8196: 'THREE-PER-EM SPACE',
  8197: 'FOUR-PER-EM SPACE',
  8198: 'SIX-PER-EM SPACE',
  8199: 'FIGURE SPACE',
  8200: 'PUNCTUATION SPACE',
  8201: 'THIN SPACE',
  8202: 'HAIR SPACE',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8208: 'HYPHEN',
  8209: 'NON-BREAKING HYPHEN',
  8210: 'FIGURE DASH',
  8211: 'EN DASH',
  8212: 'EM DASH',
  8216: 'LEFT SINGLE QUOTATION MARK',
  8217: 'RIGHT SINGLE QUOTATION MARK',
  8218: 'SINGLE LOW-9 QUOTATION MARK',
  8220: 'LEFT DOUBLE QUOTATION MARK',
  8221: 'RIGHT DOUBLE QUOTATION MARK',
  8222: 'DOUBLE LOW-9 QUOTATION MARK',
  8230: 'HORIZONTAL ELLIPSIS',
  8232: 'LINE SEPARATOR',
  8233: 'PARAGRAPH SEPARATOR',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8239: 'NARROW NO-BREAK SPACE',
  8287: 'MEDIUM MATHEMATICAL SPACE',
  8288: 'WORD JOINER',
  8289: 'FUNCTION APPLICATION',
  8290: 'INVISIBLE TIMES',
  8291: 'INVISIBLE SEPARATOR',
  8292: 'INVISIBLE PLUS',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  8722: 'MINUS SIGN',
  12288: 'IDEOGRAPHIC SPACE',
  65279: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
  65533: 'REPLACEMENT CHARACTER (the text was decoded with the wrong encoding)',
};

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A human name for a character we flag; look-alike letters are named by script. */
export function characterName(codePoint: number): string {
  const known = NAMES[codePoint];
  if (known !== undefined) return known;
  if (codePoint < 0x20 || (codePoint >= 0x80 && codePoint < 0xa0)) return 'control character';
  if (codePoint >= 0x0400 && codePoint <= 0x04ff) return 'Cyrillic letter (looks like a Latin one)';
  if (codePoint >= 0x0370 && codePoint <= 0x03ff) return 'Greek letter (looks like a Latin one)';
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) return 'full-width form of an ASCII character';
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return 'variation selector';
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'tag character';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'unpaired surrogate';
  return 'non-ASCII character';
}

/** ASCII whitespace: what `.trim()` and shells treat as blanks inside the ASCII range. */
export function isAsciiWhitespace(codePoint: number): boolean {
  return codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d);
}
