import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { explain } from '../../src/explain/explain.js';

interface Entry {
  id: string;
  surface: string;
  text: string;
  accept: string[];
}

// A second set of real pastes, collected blind (labelled with each thread's resolution, not with what the
// classifier said). First sight, before any change made for it: 58/64; a second batch collected after the
// general fixes: 8/10 (holdout-2.first-sight.txt). This guards the ≥ 90% target; it is not a tuning set.
const holdout = JSON.parse(
  readFileSync(new URL('../fixtures/explain/holdout-2.json', import.meta.url), 'utf8'),
) as Entry[];

it(`holdout-2: at least 90% of ${holdout.length} blind real pastes are named right`, () => {
  const missed = holdout.filter(
    (e) => !(e.accept.length > 0 ? e.accept : ['unknown']).includes(explain(e.text).cause),
  );
  const rate = (holdout.length - missed.length) / holdout.length;
  assert.ok(holdout.length >= 40);
  assert.ok(rate >= 0.9, `${(rate * 100).toFixed(1)}%; missed ${missed.map((e) => e.id).join(', ')}`);
});

it('holdout-2 spans many surfaces and causes', () => {
  assert.ok(new Set(holdout.map((e) => e.surface)).size >= 10);
  assert.ok(new Set(holdout.flatMap((e) => e.accept)).size >= 20);
});

it('holdout-2 texts carry no key-shaped strings', () => {
  const keyShaped = /AIza[A-Za-z0-9_-]{35}|AQ\.[A-Za-z0-9_-]{30,}/;
  for (const e of holdout) assert.ok(!keyShaped.test(e.text), e.id);
});
