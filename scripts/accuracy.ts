// Accuracy of `explain` on real error texts: N/M per surface, for the fixtures and the four holdout sets.
// An answer is right when its cause is in the entry's `accept` list (`unknown` when that list is empty).
// Usage: npm run accuracy [-- --verbose]
import { readFileSync } from 'node:fs';
import { explain } from '../src/explain/explain.js';

interface Entry {
  id: string;
  surface: string;
  text: string;
  accept: string[];
}

const verbose = process.argv.includes('--verbose');
const sets: Array<[string, string]> = [
  ['fixtures', '../test/fixtures/explain/real-errors.json'],
  ['holdout', '../test/fixtures/explain/holdout.json'],
  // collected blind after the classifier was built; first-sight score in holdout-2.first-sight.txt
  ['holdout-2', '../test/fixtures/explain/holdout-2.json'],
  // third blind set, from thinly covered surfaces; first-sight score in holdout-3.first-sight.txt
  ['holdout-3', '../test/fixtures/explain/holdout-3.json'],
  // fourth blind set (issue 9: OpenAI-compatible, AI SDK, LiteLLM, LangChain, LlamaIndex, 2026); first sight in holdout-4.first-sight.txt
  ['holdout-4', '../test/fixtures/explain/holdout-4.json'],
];

for (const [name, path] of sets) {
  const entries = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Entry[];
  const bySurface = new Map<string, { right: number; total: number }>();
  let right = 0;
  for (const entry of entries) {
    const accept = entry.accept.length > 0 ? entry.accept : ['unknown'];
    const { cause } = explain(entry.text);
    const ok = accept.includes(cause);
    const tally = bySurface.get(entry.surface) ?? { right: 0, total: 0 };
    tally.total++;
    if (ok) {
      tally.right++;
      right++;
    }
    bySurface.set(entry.surface, tally);
    if (!ok || verbose)
      console.log(`  ${ok ? 'ok  ' : 'MISS'} ${entry.id}: ${cause} (accept ${accept.join('|')})`);
  }
  console.log(`${name}: ${right}/${entries.length} (${((100 * right) / entries.length).toFixed(1)}%)`);
  for (const [surface, t] of [...bySurface].sort())
    console.log(`  ${surface.padEnd(24)} ${t.right}/${t.total}`);
}
