/**
 * Text a regular expression cannot match without, as a condition on `text.toLowerCase()`: some
 * top-level alternative has every one of its requirements there, a requirement being "one of
 * these strings". Checking it is cheap, and V8 compiles a regex on its first use: a
 * case-insensitive one costs ~0.02–0.1 ms, which over the ~160 wordings of the catalog was most of
 * what `explain` spent. Checked first, the condition leaves all but a few uncompiled.
 *
 * What an alternative requires: each run of plain text in it (`API key ` and `expired` in
 * `API key (?:is |has )?expired`), and each group it cannot match without, read the same way: a
 * group with one alternative adds that alternative's requirements, a group of several adds one
 * requirement, "one of" a text from each (`(?:leaked|exposed)`).
 *
 * Conservative by construction: a class, an escape that is not a plain character, a lookaround or
 * a quantifier ends a run (an optional or repeated character leaves it; an optional group adds
 * nothing); runs shorter than three characters are not required; a flag that changes what letters
 * match (`u` with `i`: Unicode case folding) gives up.
 */
const MIN_LENGTH = 3;
/** Escaped letters and digits stand for classes, controls, assertions or back-references. */
const PLAIN_ESCAPE = /[^A-Za-z0-9]/;
const QUANTIFIER = /(?:[*+?]|\{(\d*)(?:,\d*)?\})\??/y;

/** One of these strings (lower-cased) is in the text. */
export type Requirement = readonly string[];
/** What one alternative needs: every requirement. */
export type Alternative = readonly Requirement[];
/** Some alternative has all it needs; undefined: the pattern may match any text. */
export type RequiredText = readonly Alternative[] | undefined;

export function requiredText(re: RegExp): RequiredText {
  if (re.flags.includes('u') && re.flags.includes('i')) return undefined;
  return alternation(re.source, 0, re.source.length);
}

/** The alternatives of source[from, to), split at each `|` outside groups and classes. */
function alternation(source: string, from: number, to: number): RequiredText {
  const alternatives: Alternative[] = [];
  let start = from;
  for (let i = from; i <= to; ) {
    const c = source[i];
    if (i === to || c === '|') {
      const needs = sequence(source, start, i);
      if (needs.length === 0) return undefined; // this alternative may match anything
      alternatives.push(needs);
      start = i + 1;
      i++;
    } else if (c === '\\') i += 2;
    else if (c === '[' || c === '(') i = skipBracketed(source, i);
    else i++;
  }
  return alternatives;
}

/** Every requirement of one alternative, source[from, to) with no top-level `|`. */
function sequence(source: string, from: number, to: number): Requirement[] {
  const needs: Requirement[] = [];
  let run = '';
  const end = () => {
    if (run.length >= MIN_LENGTH) needs.push([run]);
    run = '';
  };
  for (let i = from; i < to; ) {
    const c = source[i] ?? '';
    let literal: string | undefined;
    let group: RequiredText;
    let next = i + 1;
    if (c === '\\') {
      const escaped = source[i + 1] ?? '';
      next = i + 2;
      if (PLAIN_ESCAPE.test(escaped)) literal = escaped;
    } else if (c === '[') {
      next = skipBracketed(source, i);
    } else if (c === '(') {
      next = skipBracketed(source, i);
      group = groupRequires(source, i, next);
    } else if (!'.^$*+?{'.includes(c)) {
      literal = c;
    }
    QUANTIFIER.lastIndex = next;
    const quantifier = '*+?{'.includes(source[next] ?? '.') ? QUANTIFIER.exec(source) : null;
    // an optional atom adds nothing; a repeated one (`+`, `{2,}`) is there once, then unknown
    const atLeastOnce =
      quantifier === null ||
      quantifier[0][0] === '+' ||
      (quantifier[1] !== undefined && Number(quantifier[1]) > 0);
    if (literal !== undefined && atLeastOnce) run += literal.toLowerCase();
    if (literal === undefined || quantifier !== null) end();
    if (group !== undefined && atLeastOnce) needs.push(...groupNeeds(group));
    i = quantifier ? next + quantifier[0].length : next;
  }
  end();
  return needs;
}

/** What the group at source[open, close) requires; undefined for a lookaround or when nothing. */
function groupRequires(source: string, open: number, close: number): RequiredText {
  if (source[open + 1] !== '?') return alternation(source, open + 1, close - 1);
  if (source[open + 2] === ':') return alternation(source, open + 3, close - 1);
  if (source[open + 2] === '<' && source[open + 3] !== '=' && source[open + 3] !== '!') {
    const name = source.indexOf('>', open); // a named group
    return name === -1 || name >= close ? undefined : alternation(source, name + 1, close - 1);
  }
  return undefined;
}

/** A group's requirements as the enclosing alternative's: all of one, or one of several. */
function groupNeeds(group: readonly Alternative[]): Requirement[] {
  if (group.length === 1) return [...(group[0] ?? [])];
  // One requirement per alternative (its most selective), and one of them must hold.
  const anyOf = new Set<string>();
  for (const alternative of group) for (const text of mostSelective(alternative)) anyOf.add(text);
  return [[...anyOf]];
}

/** The requirement whose shortest text is longest: the one least likely to be met by chance. */
function mostSelective(alternative: Alternative): Requirement {
  const shortest = (r: Requirement) => Math.min(...r.map((text) => text.length));
  return alternative.reduce((best, r) => (shortest(r) > shortest(best) ? r : best));
}

/**
 * The bundler (scripts/build.mjs) works the requirements of the catalog's wordings and the field
 * reader's patterns out at build time and inlines them here, as JSON text parsed on first use:
 * scanning ~200 sources in a process that has just started (its code not yet compiled) cost as
 * much as the compiling it saves. Keyed by `literalKey`; null for a pattern that may match
 * anything. Undefined when running from source.
 */
declare const __GKD_REGEX_LITERALS__: string | undefined;
let precomputed: Readonly<Record<string, readonly Alternative[] | null>> | undefined;

export const literalKey = (re: RegExp): string => `${re.flags}/${re.source}`;

const requiredOf = new WeakMap<RegExp, RequiredText>();

function requiredFor(re: RegExp): RequiredText {
  if (typeof __GKD_REGEX_LITERALS__ === 'string') precomputed ??= JSON.parse(__GKD_REGEX_LITERALS__);
  const known = precomputed?.[literalKey(re)];
  if (known !== undefined) return known ?? undefined;
  return requiredText(re);
}

/**
 * False when `re` cannot match the text whose lower-cased form is `lowered`; true when it may.
 * Each pattern's requirements are worked out once, on first use.
 */
export function mayMatch(re: RegExp, lowered: string): boolean {
  if (!requiredOf.has(re)) requiredOf.set(re, requiredFor(re));
  const required = requiredOf.get(re);
  return (
    required === undefined ||
    required.some((alternative) =>
      alternative.every((requirement) => requirement.some((text) => lowered.includes(text))),
    )
  );
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
