import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CAUSE_MATCHERS } from '../../src/catalog/matchers.js';
import { matcherFiresOn } from '../../src/core/classify.js';

// Every matcher carries its own examples, like gitleaks rules carry true and false positives: it must
// fire on each `match` text and stay silent on each `noMatch` near miss.
describe('each cause matcher fires on its examples and not on its near misses', () => {
  CAUSE_MATCHERS.forEach((matcher, i) => {
    const name = `#${i} ${matcher.cause} (${matcher.reasons?.join('|') ?? matcher.messages?.length ?? matcher.rpcStatuses?.join('|')})`;
    it(name, () => {
      assert.ok(matcher.examples.match.length > 0, 'no positive example');
      assert.ok(matcher.examples.noMatch.length > 0, 'no near miss');
      for (const text of matcher.examples.match)
        assert.ok(matcherFiresOn(matcher, text), `should fire: ${text}`);
      for (const text of matcher.examples.noMatch)
        assert.ok(!matcherFiresOn(matcher, text), `should not fire: ${text}`);
    });
  });
});

it('the classifier never reads catalog prose: it imports matchers, not cause entries or their fix steps', () => {
  for (const file of ['classify.ts', 'refine-cause.ts']) {
    const source = readFileSync(new URL(`../../src/core/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(source, /catalog\/(?:catalog|causes\/|render-cause|cause-table)/, file);
    assert.doesNotMatch(source, /\.(?:fix|explanation|title)\b/, file);
  }
});
