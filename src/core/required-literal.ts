/**
 * The longest run of plain text a regular expression cannot match without, lower-cased, or
 * undefined when there is none worth checking. `text.toLowerCase().includes(literal)` is then a
 * necessary condition for a match, and a cheap one: V8 compiles a regex on its first use, and a
 * case-insensitive one costs ~0.1 ms to compile, which over the ~160 wordings of the catalog was
 * most of what `explain` spends. Checked first, the literal leaves all but a few uncompiled.
 *
 * Conservative by construction: a top-level `|`, a group, a class, an escape that is not a plain
 * character, or a quantifier ends a run (an optional or repeated character leaves it); a flag that
 * changes what letters match (`u` with `i`: Unicode case folding) gives up.
 */
const MIN_LENGTH = 3;
/** Escaped letters and digits stand for classes, controls, assertions or back-references. */
const PLAIN_ESCAPE = /[^A-Za-z0-9]/;
const QUANTIFIER = /(?:[*+?]|\{(\d*)(?:,\d*)?\})\??/y;

export function requiredLiteral(re: RegExp): string | undefined {
  if (re.flags.includes('u') && re.flags.includes('i')) return undefined;
  const source = re.source;
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run.length >= MIN_LENGTH) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    let literal: string | undefined;
    let next = i + 1;
    if (c === '|') return undefined; // an alternative at the top: nothing is required
    if (c === '\\') {
      const escaped = source[i + 1] ?? '';
      next = i + 2;
      if (PLAIN_ESCAPE.test(escaped)) literal = escaped;
    } else if (c === '[' || c === '(') {
      next = skipBracketed(source, i);
    } else if (!'.^$*+?{'.includes(c)) {
      literal = c;
    }
    QUANTIFIER.lastIndex = next;
    const quantifier = '*+?{'.includes(source[next] ?? '.') ? QUANTIFIER.exec(source) : null;
    if (quantifier) {
      // an optional atom leaves the run; a repeated one (`+`, `{2,}`) is there once, then unknown
      const atLeastOnce =
        quantifier[0][0] === '+' || (quantifier[1] !== undefined && Number(quantifier[1]) > 0);
      if (literal !== undefined && atLeastOnce) run += literal.toLowerCase();
      end();
      i = next + quantifier[0].length;
      continue;
    }
    if (literal === undefined) end();
    else run += literal.toLowerCase();
    i = next;
  }
  end();
  return runs.reduce<string | undefined>(
    (best, r) => (best === undefined || r.length > best.length ? r : best),
    undefined,
  );
}

const literals = new WeakMap<RegExp, string | undefined>();

/**
 * False when `re` cannot match the text whose lower-cased form is `lowered` (its literal is not
 * there); true when it may. Each pattern's literal is worked out once, on first use.
 */
export function mayMatch(re: RegExp, lowered: string): boolean {
  if (!literals.has(re)) literals.set(re, requiredLiteral(re));
  const literal = literals.get(re);
  return literal === undefined || lowered.includes(literal);
}

/** The index after the class or group that opens at `start` (nested groups, escapes, classes). */
function skipBracketed(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (depth === 0) return closeOfClass(source, i);
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** The index after the `]` that closes the class opening at `start` (in JS, the first unescaped one). */
function closeOfClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}
