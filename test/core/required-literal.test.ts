import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { mayMatch, requiredText } from '../../src/core/required-literal.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('requiredText: the text a pattern cannot match without', () => {
  it('every plain run of an alternative, lower-cased; optional and repeated atoms end a run', () => {
    assert.deepEqual(requiredText(/API key (?:is |has )?expired/i), [[['api key '], ['expired']]]);
    assert.deepEqual(requiredText(/colou?r names/), [[['colo'], ['r names']]]);
    assert.deepEqual(requiredText(/ab+cde/), [[['cde']]]);
    assert.deepEqual(requiredText(/\bgenerativelanguage\.googleapis\.com\b/), [
      [['generativelanguage.googleapis.com']],
    ]);
    assert.deepEqual(requiredText(/quota[_ ]?exceeded {0,3}now/i), [[['quota'], ['exceeded'], ['now']]]);
    assert.deepEqual(requiredText(/\[([45]\d\d)\] Bad/), [[['] bad']]]);
  });

  it('one alternative per top-level `|`; undefined when one of them needs no text', () => {
    assert.deepEqual(requiredText(/leaked|exposed/i), [[['leaked']], [['exposed']]]);
    assert.deepEqual(requiredText(/a(b|c)def|ghij/), [[['def']], [['ghij']]]);
    assert.equal(requiredText(/leaked|\d+/), undefined);
  });

  it('a group it cannot match without: all of one alternative, or one text of each of several', () => {
    assert.deepEqual(requiredText(/\bkey (?:was|has been) (?:leaked|exposed)/i), [
      [['key '], ['was', 'has been'], ['leaked', 'exposed']],
    ]);
    assert.deepEqual(requiredText(/\b((?:gemini|gemma)-\d[\w.-]{0,80})/i), [[['gemini', 'gemma']]]);
    assert.deepEqual(requiredText(/(?<word>quota metric)s?/), [[['quota metric']]]);
    // optional, or some alternative needs nothing: the group adds nothing
    assert.deepEqual(requiredText(/api(?: key)? not valid/), [[['api'], [' not valid']]]);
    assert.deepEqual(requiredText(/abc(?:de|f)ghi/), [[['abc'], ['ghi']]]);
    // a lookaround is not text the match contains
    assert.deepEqual(requiredText(/(?<![\w-])AIza(?=Sy)/), [[['aiza']]]);
  });

  it('is undefined when nothing is required or the flags change what letters match', () => {
    assert.equal(requiredText(/(?:ab)/), undefined);
    assert.equal(requiredText(/\d+ab/), undefined);
    assert.equal(requiredText(/key/iu), undefined);
  });

  it('classes and groups are skipped whole, with their escapes and nesting', () => {
    assert.deepEqual(requiredText(/[\]abc]xyz/), [[['xyz']]]);
    assert.deepEqual(requiredText(/(a(b)[)]c)tail/), [[['tail']]]);
    assert.deepEqual(requiredText(/\\path\/to/), [[['\\path/to']]]);
  });

  it('mayMatch: some alternative has all it needs in the lower-cased text', () => {
    const re = /\bkey (?:was|has been) (?:leaked|exposed)/i;
    assert.equal(mayMatch(re, 'the key has been exposed'), true);
    assert.equal(mayMatch(re, 'api key not valid. please pass a valid api key.'), false);
    assert.equal(mayMatch(/leaked|\d+/, 'anything'), true);
  });

  // Every pattern the bundles gate (the build's own list, scripts/build-shims/source-facts.mjs:
  // the catalog's wordings, the field reader's patterns, literals and those built from templates,
  // the body-dropping surfaces): strings the pattern matches (generated from it, letters' case
  // flipped at random for a case-insensitive one) always meet its requirements.
  it('holds for every string each gated pattern matches', async () => {
    const { regexLiterals } = await import('../../scripts/build-shims/source-facts.mjs');
    const table = await regexLiterals(ROOT);
    const patterns = Object.keys(table).map((key) => {
      const slash = key.indexOf('/');
      return new RegExp(key.slice(slash + 1), key.slice(0, slash));
    });
    assert.ok(patterns.length > 200, `only ${patterns.length} gated patterns found`);
    let checked = 0;
    for (const re of patterns) {
      if (requiredText(re) === undefined) continue;
      // a non-global copy: test() on a global pattern carries lastIndex from one call to the next
      const probe = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      let arbitrary: fc.Arbitrary<string>;
      try {
        arbitrary = fc.stringMatching(new RegExp(re.source, re.flags.replace(/[giy]/g, '')));
      } catch {
        continue; // a lookaround fast-check cannot generate from
      }
      const flipped = fc
        .tuple(arbitrary, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }))
        .map(([s, flips]) =>
          re.flags.includes('i')
            ? [...s].map((ch, i) => (flips[i % 64] ? ch.toUpperCase() : ch.toLowerCase())).join('')
            : s,
        );
      fc.assert(
        fc.property(flipped, (s) => !probe.test(s) || mayMatch(re, s.toLowerCase())),
        { numRuns: 50 },
      );
      checked++;
    }
    assert.ok(
      checked > patterns.length / 2,
      `only ${checked} of ${patterns.length} had requirements and a generator`,
    );
  });
});
