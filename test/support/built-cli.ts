import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  bin: Record<string, string>;
};

/** Where package.json's "bin" points, relative to the package root. */
export const CLI_BIN_IN_PACKAGE = pkg.bin['gemini-key-doctor']!;

/** The built CLI (npm test's pretest builds it). */
export const BUILT_CLI = fileURLToPath(new URL(CLI_BIN_IN_PACKAGE, ROOT));
