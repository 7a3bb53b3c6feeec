import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

/**
 * A clone of this repository alone must pass `npm test`: no test may reach a file outside it
 * (a sibling `../shared` folder exists on the machine where it was written, not on a clone).
 * Every path literal a test resolves against its own location is checked.
 */
const ROOT = resolve(import.meta.dirname, '..');
const TEST = join(ROOT, 'test');
const RELATIVE_PATH =
  /new URL\(\s*'(\.\.?\/[^']*)',\s*import\.meta\.url\s*\)|import\.meta\.dirname,\s*((?:'[^']*'\s*,?\s*)+)\)/g;

test('no test resolves a path outside the repository', async () => {
  const outside: string[] = [];
  for (const entry of await readdir(TEST, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const source = await readFile(file, 'utf8');
    for (const m of source.matchAll(RELATIVE_PATH)) {
      const parts = m[1] !== undefined ? [m[1]] : [...(m[2] ?? '').matchAll(/'([^']*)'/g)].map((p) => p[1]!);
      const target = resolve(dirname(file), ...parts);
      if (relative(ROOT, target).startsWith('..')) outside.push(`${relative(ROOT, file)} → ${target}`);
    }
  }
  assert.deepEqual(outside, []);
});
