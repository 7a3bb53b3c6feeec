import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSync } from 'oxc-parser';
import { type AstNode, jsSourceFacts } from '../../../src/core/project/js-source-facts.js';

const facts = (text: string, file = 'src/app.ts') =>
  jsSourceFacts(file, text, parseSync(file, text).program as unknown as AstNode);

/** `client → variable@line` for each call whose key comes from a variable; `default`/`unknown` otherwise. */
const calls = (text: string, file?: string) =>
  facts(text, file).calls.map(
    (c) =>
      `${c.client} ← ${c.key.kind === 'variable' ? `${c.key.read.variable}@${c.key.read.line}` : c.key.kind} (line ${c.line})`,
  );

describe('JS/TS key reads', () => {
  test('every env read form the issue lists', () => {
    const text = [
      'const a = process.env.GEMINI_API_KEY;',
      "const b = process.env['GOOGLE_API_KEY'];",
      'const { MY_GEMINI_KEY, OTHER_TOKEN: other = "" } = process.env;',
      'const c = import.meta.env.VITE_GEMINI_API_KEY;',
      "const d = Deno.env.get('DENO_GEMINI_KEY');",
      'const e = Bun.env.BUN_GEMINI_KEY;',
      'const port = process.env.PORT;',
    ].join('\n');
    assert.deepEqual(
      facts(text).reads.map((r) => `${r.variable}:${r.line}:${r.via}`),
      [
        'MY_GEMINI_KEY:3:process.env',
        'OTHER_TOKEN:3:process.env',
        'GEMINI_API_KEY:1:process.env',
        'GOOGLE_API_KEY:2:process.env',
        'VITE_GEMINI_API_KEY:4:import.meta.env',
        'DENO_GEMINI_KEY:5:Deno.env',
        'BUN_GEMINI_KEY:6:Bun.env',
      ],
    );
  });

  test('SvelteKit $env modules, static and dynamic', () => {
    const text = [
      "import { GEMINI_API_KEY } from '$env/static/private';",
      "import { env } from '$env/dynamic/private';",
      "import { createGoogleGenerativeAI } from '@ai-sdk/google';",
      'const g = createGoogleGenerativeAI({ apiKey: env.GOOGLE_GENERATIVE_AI_API_KEY ?? "" });',
      'const h = createGoogleGenerativeAI({ apiKey: GEMINI_API_KEY });',
    ].join('\n');
    assert.deepEqual(calls(text), [
      '@ai-sdk/google ← GOOGLE_GENERATIVE_AI_API_KEY@4 (line 4)',
      '@ai-sdk/google ← GEMINI_API_KEY@1 (line 5)',
    ]);
  });
});

describe('JS/TS calls linked to the read that feeds them', () => {
  test('@google/genai explicit, through a const, `||`, `!`, `as`, and a template literal', () => {
    const text = [
      "import { GoogleGenAI } from '@google/genai';",
      'const key = process.env.GEMINI_API_KEY || "";',
      'const a = new GoogleGenAI({ apiKey: key });',
      'const b = new GoogleGenAI({ apiKey: process.env.APP_GEMINI_KEY! as string });',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JS source under test
      'const c = new GoogleGenAI({ apiKey: `${process.env.THIRD_KEY}` });',
      'const d = new GoogleGenAI({});',
      'const e = new GoogleGenAI({ apiKey: getKey() });',
    ].join('\n');
    assert.deepEqual(calls(text), [
      '@google/genai ← GEMINI_API_KEY@2 (line 3)',
      '@google/genai ← APP_GEMINI_KEY@4 (line 4)',
      '@google/genai ← THIRD_KEY@5 (line 5)',
      '@google/genai ← default (line 6)',
      '@google/genai ← unknown (line 7)',
    ]);
  });

  test('a binding declared below the function that uses it still links (two passes)', () => {
    const text = [
      'export function client() { return new GoogleGenerativeAI(API_KEY); }',
      'const API_KEY = process.env.GEMINI_API_KEY;',
    ].join('\n');
    assert.deepEqual(calls(text), ['@google/generative-ai ← GEMINI_API_KEY@2 (line 1)']);
  });

  test('legacy SDK with no argument sends "undefined": not a default lookup', () => {
    assert.deepEqual(calls('const g = new GoogleGenerativeAI();'), [
      '@google/generative-ai ← unknown (line 1)',
    ]);
  });

  test('the Vercel AI SDK default `google` instance, LangChain, and openai only with a Gemini base URL', () => {
    const text = [
      "import { google } from '@ai-sdk/google';",
      "const m = google('gemini-2.5-flash');",
      'const lc = new ChatGoogleGenerativeAI({ model: "gemini-2.5-pro", apiKey: process.env.GOOGLE_API_KEY });',
      "const o1 = new OpenAI({ apiKey: process.env.GEMINI_API_KEY, baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/' });",
      'const o2 = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
    ].join('\n');
    assert.deepEqual(calls(text), [
      '@ai-sdk/google ← default (line 2)',
      '@langchain/google-genai ← GOOGLE_API_KEY@3 (line 3)',
      'openai ← GEMINI_API_KEY@4 (line 4)',
    ]);
  });

  test('raw fetch with an x-goog-api-key header, and `?key=` in a template or a concatenation', () => {
    const text = [
      'const k = process.env.GEMINI_API_KEY;',
      "await fetch(url, { headers: { 'X-goog-api-key': k } });",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JS source under test
      'await fetch(`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?key=${process.env.URL_KEY}`);',
      "await fetch('https://generativelanguage.googleapis.com/v1beta/models/x:generateContent?key=' + process.env.CONCAT_KEY);",
    ].join('\n');
    assert.deepEqual(calls(text), [
      'fetch ← GEMINI_API_KEY@1 (line 2)',
      'fetch ← URL_KEY@3 (line 3)',
      'fetch ← CONCAT_KEY@4 (line 4)',
    ]);
  });

  test('an apiKey option handed to a wrapper is kept for the project client to claim', () => {
    const text =
      'const API_KEY = process.env.REACT_APP_GEMINI_API_KEY as string;\nrender(<Provider options={{ apiKey: API_KEY }} />);';
    const found = facts(text, 'src/App.tsx').calls;
    assert.equal(found.length, 1);
    assert.equal(found[0]!.client, null);
    assert.equal(
      found[0]!.key.kind === 'variable' && found[0]!.key.read.variable,
      'REACT_APP_GEMINI_API_KEY',
    );
  });

  test('a name that merely looks like a client (constructor, toString) is not a call', () => {
    assert.deepEqual(calls('const x = new constructor(process.env.GEMINI_API_KEY); x.toString();'), []);
  });
});

describe('JS/TS: guards, loaders, models', () => {
  test('`if (!X) throw`, `typeof X !== "string"` and early returns make X required', () => {
    const text = [
      'if (!process.env.GEMINI_API_KEY) { throw new Error("GEMINI_API_KEY is not set"); }',
      'const K = process.env.OTHER_KEY;',
      'if (typeof K !== "string") throw new Error("set OTHER_KEY");',
      'if (!process.env.SOFT_KEY) console.warn("no key");',
    ].join('\n');
    assert.deepEqual(facts(text).required.sort(), ['GEMINI_API_KEY', 'OTHER_KEY']);
  });

  test('dotenv loaders: import "dotenv/config", config({ path, override }), require("dotenv").config()', () => {
    const a = facts("import 'dotenv/config';").loaders;
    assert.deepEqual(
      a.map((l) => [l.loader, l.path, l.override]),
      [['dotenv', undefined, false]],
    );
    const b = facts(
      "import { config } from 'dotenv';\nconfig({ path: '.env.local', override: true });",
    ).loaders;
    assert.deepEqual(
      b.map((l) => [l.loader, l.path, l.override, l.line]),
      [['dotenv', '.env.local', true, 2]],
    );
    const c = facts("require('dotenv').config();").loaders;
    assert.equal(c.length, 1);
    // A `config()` of something else is not dotenv.
    assert.deepEqual(facts("import { config } from './settings';\nconfig();").loaders, []);
  });

  test('model ids in string literals and in endpoint URLs, not in comments', () => {
    const text = [
      "const MODEL_ID = 'gemini-2.0-flash-exp';",
      '// model: gemini-1.0-pro',
      'const url = `https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent`;',
      "const v = 'veo-3.0-generate-preview';",
    ].join('\n');
    assert.deepEqual(
      facts(text).models.map((m) => `${m.id}@${m.line}`),
      ['gemini-2.0-flash-exp@1', 'gemini-2.0-flash@3', 'veo-3.0-generate-preview@4'],
    );
  });

  test('line numbers count UTF-16 text correctly after non-ASCII characters', () => {
    const text = "// 日本語のコメント ✨\nconst s = '絵文字 🎉';\nconst k = process.env.GEMINI_API_KEY;";
    assert.deepEqual(
      facts(text).reads.map((r) => r.line),
      [3],
    );
  });
});
