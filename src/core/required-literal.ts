/**
 * Text a regular expression cannot match without: for each of its top-level alternatives, the
 * longest run of plain text in it, lower-cased; undefined when some alternative has none worth
 * checking. That one of them is in `text.toLowerCase()` is then a necessary condition for a match,
 * and a cheap one: V8 compiles a regex on its first use, and a case-insensitive one costs ~0.1 ms
 * to compile, which over the ~160 wordings of the catalog was most of what `explain` spent.
 * Checked first, the literals leave all but a few uncompiled.
 *
 * Conservative by construction: a group, a class, an escape that is not a plain character, or a
 * quantifier ends a run (an optional or repeated character leaves it); a flag that changes what
 * letters match (`u` with `i`: Unicode case folding) gives up.
 */
const MIN_LENGTH = 3;
/** Escaped letters and digits stand for classes, controls, assertions or back-references. */
const PLAIN_ESCAPE = /[^A-Za-z0-9]/;
const QUANTIFIER = /(?:[*+?]|\{(\d*)(?:,\d*)?\})\??/y;

export function requiredLiterals(re: RegExp): readonly string[] | undefined {
  if (re.flags.includes('u') && re.flags.includes('i')) return undefined;
  const literals: string[] = [];
  for (const branch of topLevelBranches(re.source)) {
    const literal = longestPlainRun(branch);
    if (literal === undefined) return undefined; // this alternative may match anything
    literals.push(literal);
  }
  return literals;
}

/** The source split at each `|` outside groups and classes. */
function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[' || c === '(') i = skipBracketed(source, i);
    else {
      if (c === '|') {
        branches.push(source.slice(from, i));
        from = i + 1;
      }
      i++;
    }
  }
  branches.push(source.slice(from));
  return branches;
}

/** The longest run of plain characters every match of `branch` (no top-level `|`) contains. */
function longestPlainRun(source: string): string | undefined {
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

/**
 * The bundler (scripts/build.mjs) works the literals of the catalog's wordings and the field
 * reader's patterns out at build time and inlines them here: scanning ~200 sources in a process
 * that has just started (its code not yet compiled) cost as much as the compiling it saves.
 * Keyed by `literalKey`; null for a pattern without literals. Undefined when running from source.
 */
declare const __GKD_REGEX_LITERALS__: Readonly<Record<string, readonly string[] | null>> | undefined;
const PRECOMPUTED = typeof __GKD_REGEX_LITERALS__ === 'object' ? __GKD_REGEX_LITERALS__ : undefined;

export const literalKey = (re: RegExp): string => `${re.flags}/${re.source}`;

const literalsOf = new WeakMap<RegExp, readonly string[] | undefined>();

function literalsFor(re: RegExp): readonly string[] | undefined {
  const known = PRECOMPUTED?.[literalKey(re)];
  if (known !== undefined) return known ?? undefined;
  return requiredLiterals(re);
}

/**
 * False when `re` cannot match the text whose lower-cased form is `lowered` (none of its literals
 * is there); true when it may. Each pattern's literals are worked out once, on first use.
 */
export function mayMatch(re: RegExp, lowered: string): boolean {
  if (!literalsOf.has(re)) literalsOf.set(re, literalsFor(re));
  const literals = literalsOf.get(re);
  return literals === undefined || literals.some((literal) => lowered.includes(literal));
}

/** The index after the class or group that opens at `start` (nested groups, escapes, classes). */
function skipBracketed(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const after = closeOfClass(source, i);
      if (depth === 0) return after;
      i = after - 1;
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
