/**
 * Rewrites the generated sections of README.md (see scripts/readme-sections.ts).
 * `npx tsx scripts/readme.ts` writes; `--check` only reports stale sections and exits 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadSectionGenerators, README_PATH, updateReadme } from './readme-sections.js';

const checkOnly = process.argv.includes('--check');
const readme = await readFile(README_PATH, 'utf8');
const update = updateReadme(readme, await loadSectionGenerators());

for (const name of update.missingMarkers) {
  process.stderr.write(`README.md has no <!-- SECTION:${name} --> / <!-- END:${name} --> markers\n`);
}
if (update.stale.length === 0) {
  process.stdout.write('README.md is up to date\n');
} else if (checkOnly) {
  process.stderr.write(`README.md is stale: ${update.stale.join(', ')} (run npm run readme)\n`);
  process.exitCode = 1;
} else {
  await writeFile(README_PATH, update.readme);
  process.stdout.write(`README.md: rewrote ${update.stale.join(', ')}\n`);
}
if (update.missingMarkers.length > 0) process.exitCode = 1;
