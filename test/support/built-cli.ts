import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  bin: Record<string, string>;
};

/** The built CLI, where package.json's "bin" points (npm test's pretest builds it). */
export const BUILT_CLI = fileURLToPath(new URL(pkg.bin['gemini-key-doctor']!, ROOT));
