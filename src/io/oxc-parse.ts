import { parseSync } from 'oxc-parser';

/**
 * oxc-parser's parse, in a bundle of its own (dist/bin/lazy/oxc-parse.cjs, ~45 KB of the parser's
 * JavaScript): loaded by `import()` only when a project has JS or TS sources to read, so the doctor
 * in a folder without them, `explain` and `--version` never load it.
 */
export function parseProgram(file: string, text: string): unknown {
  return parseSync(file, text).program;
}
