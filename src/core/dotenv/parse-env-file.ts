import { parseEnv } from 'node:util';
import dotenv from 'dotenv';
import { decodeEnvFile, type EnvFileEncoding } from './env-file-encoding.js';
import { type EnvAssignment, scanAssignments } from './env-file-lines.js';

/**
 * The parsers whose semantics we model. gemini-cli calls `dotenv.parse` itself (settings.ts, §3.1 of
 * reference/key-resolution.md), so it shares dotenv's view. python-dotenv is not modelled: the
 * reference documents no difference we could rely on.
 */
export type EnvParser = 'dotenv' | 'node';

/** A `.env` file as each loader would read it. Values are secrets: never put them in a finding. */
export interface ParsedEnvFile {
  encoding: EnvFileEncoding;
  crlf: boolean;
  /** `dotenv.parse()` (dotenv's default parser; gemini-cli too). */
  dotenv: ReadonlyMap<string, string>;
  /** `util.parseEnv()`, the parser behind `node --env-file` and `process.loadEnvFile`. */
  node: ReadonlyMap<string, string>;
  assignments: readonly EnvAssignment[];
  /** Names the two parsers disagree on (one lacks it, or the values differ). */
  divergentNames: readonly string[];
  /** Names assigned more than once (the last one wins in both parsers). */
  duplicateNames: readonly string[];
}

export function parseEnvFile(bytes: Uint8Array): ParsedEnvFile {
  const { encoding, text, crlf } = decodeEnvFile(bytes);
  const viaDotenv = safeParse(() => dotenv.parse(text));
  const viaNode = safeParse(() => parseEnv(text));
  const assignments = scanAssignments(text);
  return {
    encoding,
    crlf,
    dotenv: viaDotenv,
    node: viaNode,
    assignments,
    divergentNames: divergent(viaDotenv, viaNode),
    duplicateNames: duplicates(assignments),
  };
}

/** Parsers return plain objects; a Map keeps odd names such as `__proto__` and never throws on lookup. */
function safeParse(parse: () => Record<string, string | undefined>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  try {
    const parsed = parse();
    for (const name of Object.keys(parsed)) {
      const value = parsed[name];
      if (typeof value === 'string') out.set(name, value);
    }
  } catch {
    // A parser that throws loads nothing, which is what the app would get.
  }
  return out;
}

function divergent(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name));
}

function duplicates(assignments: readonly EnvAssignment[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { name } of assignments) {
    if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return [...repeated];
}
