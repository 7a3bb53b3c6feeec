import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CAUSE_MATCHERS } from '../../src/catalog/matchers.js';
import { requiredLiterals } from '../../src/core/required-literal.js';

const requiredLiteral = (re: RegExp) => {
  const literals = requiredLiterals(re);
  return literals?.length === 1 ? literals[0] : literals;
};

describe('requiredLiterals: the text a pattern cannot match without', () => {
  it('is the longest plain run, lower-cased; optional and repeated atoms end a run', () => {
    assert.equal(requiredLiteral(/API key (?:is |has )?expired/i), 'api key ');
    assert.equal(requiredLiteral(/colou?r names/), 'r names');
    assert.equal(requiredLiteral(/ab+cde/), 'cde');
    assert.equal(
      requiredLiteral(/\bgenerativelanguage\.googleapis\.com\b/),
      'generativelanguage.googleapis.com',
    );
    assert.equal(requiredLiteral(/quota[_ ]?exceeded {0,3}now/i), 'exceeded');
    assert.equal(requiredLiteral(/\[([45]\d\d)\] Bad/), '] bad');
  });

  it('one literal per top-level alternative; undefined when one of them needs no text', () => {
    assert.deepEqual(requiredLiterals(/leaked|exposed/i), ['leaked', 'exposed']);
    assert.deepEqual(requiredLiterals(/a(b|c)def|ghij/), ['def', 'ghij']);
    assert.equal(requiredLiterals(/leaked|\d+/), undefined);
  });

  it('is undefined when nothing is required or the flags change what letters match', () => {
    assert.equal(requiredLiteral(/(?:abcd)/), undefined);
    assert.equal(requiredLiteral(/\d+ab/), undefined);
    assert.equal(requiredLiteral(/key/iu), undefined);
  });

  it('classes and groups are skipped whole, with their escapes and nesting', () => {
    assert.equal(requiredLiteral(/[\]abc]xyz/), 'xyz');
    assert.equal(requiredLiteral(/(a(b)[)]c)tail/), 'tail');
    assert.equal(requiredLiteral(/\\path\/to/), '\\path/to');
  });

  // Every catalog wording: strings the pattern matches (generated from it, letters' case flipped
  // at random for a case-insensitive one) always contain its literal.
  const patterns = CAUSE_MATCHERS.flatMap((m) => m.messages ?? []);
  it(`holds for every string each of the ${patterns.length} catalog wordings matches`, () => {
    let checked = 0;
    for (const re of patterns) {
      const literals = requiredLiterals(re);
      if (literals === undefined) continue;
      let arbitrary: fc.Arbitrary<string>;
      try {
        arbitrary = fc.stringMatching(new RegExp(re.source, re.flags.replace(/[iy]/g, '')));
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
        fc.property(flipped, (s) => !re.test(s) || literals.some((l) => s.toLowerCase().includes(l))),
        { numRuns: 50 },
      );
      checked++;
    }
    assert.ok(
      checked > patterns.length / 2,
      `only ${checked} of ${patterns.length} had a literal and a generator`,
    );
  });
});
