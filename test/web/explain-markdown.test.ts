import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain/explain.js';
import { explainMarkdown } from '../../src/web/explain-markdown.js';
import { leakStandardKey } from '../scan/_repo.js';
import { assertNoLeak } from '../support/leak-check.js';

test('the Markdown report: title, cause, numbered fix, the pasted error fenced, the key masked', () => {
  const key = leakStandardKey();
  const pasted = `Error: 400 API key not valid. Please pass a valid API key. (key=${key})\n\`\`\`inner fence\`\`\``;
  const result = explain(pasted);
  const markdown = explainMarkdown(result, pasted);
  assert.match(markdown, new RegExp(`^### ${result.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
  assert.match(markdown, /Cause: `key_invalid`/);
  assert.match(markdown, new RegExp(`\n${result.fix.length}\\. `));
  assert.ok(markdown.includes(`AIza…${key.slice(-4)}`), 'the masked key is kept');
  assertNoLeak(key, markdown);
  // The pasted text holds ``` itself: the fence around it must be longer.
  assert.match(markdown, /\n````text\n[\s\S]*```inner fence```\n````\n/);
});
