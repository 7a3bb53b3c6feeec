import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { classifyHttpResponse } from '../../src/core/classify.js';
import { explain } from '../../src/explain/explain.js';

interface Entry {
  id: string;
  surface: string;
  text: string;
  accept: string[];
}

const load = (name: string): Entry[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/explain/${name}.json`, import.meta.url), 'utf8')) as Entry[];

// A third blind set: real pastes from surfaces the earlier sets covered thinly (C#, Kotlin, Swift, Ruby,
// Genkit, LangChain, LiteLLM, OpenRouter and other OpenAI-compatible wrappers, Google's HTML pages),
// none already in the other sets by thread or by text. First sight, before any change made for it:
// 38/41 (holdout-3.first-sight.txt). This guards the ≥ 90% target; it is not a tuning set.
const holdout = load('holdout-3');

it(`holdout-3: at least 90% of ${holdout.length} blind real pastes are named right`, () => {
  const missed = holdout.filter(
    (e) => !(e.accept.length > 0 ? e.accept : ['unknown']).includes(explain(e.text).cause),
  );
  const rate = (holdout.length - missed.length) / holdout.length;
  assert.ok(holdout.length >= 40);
  assert.ok(rate >= 0.9, `${(rate * 100).toFixed(1)}%; missed ${missed.map((e) => e.id).join(', ')}`);
});

it('holdout-3 spans many surfaces and causes', () => {
  assert.ok(new Set(holdout.map((e) => e.surface)).size >= 10);
  assert.ok(new Set(holdout.flatMap((e) => e.accept)).size >= 15);
});

it('no explain data set carries a key-shaped string', () => {
  const keyShaped = /AIza[A-Za-z0-9_-]{35}|AQ\.[A-Za-z0-9_-]{30,}/;
  for (const name of ['real-errors', 'holdout', 'holdout-2', 'holdout-3'])
    for (const e of load(name)) assert.ok(!keyShaped.test(e.text), `${name}: ${e.id}`);
});

it("Google's front-end HTML 400 reads as a missing key when pasted, a malformed request when the doctor sent a key", () => {
  const body =
    '<!DOCTYPE html>\n<html lang=en><title>Error 400 (Bad Request)!!1</title><p><b>400.</b> <ins>That’s an error.</ins><p>Your client has issued a malformed or illegal request.';
  assert.equal(explain(body).cause, 'key_missing');
  const probed = classifyHttpResponse(
    { status: 400, contentType: 'text/html; charset=UTF-8', body },
    { keyKind: 'standard', endpointStyle: 'native' },
  );
  assert.equal(probed.cause, 'bad_request');
});
