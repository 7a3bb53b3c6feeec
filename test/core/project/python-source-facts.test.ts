import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blankComments, pythonSourceFacts } from '../../../src/core/project/python-source-facts.js';

const facts = (text: string) => pythonSourceFacts('app.py', text);
const calls = (text: string) =>
  facts(text).calls.map(
    (c) =>
      `${c.client} ← ${c.key.kind === 'variable' ? `${c.key.read.variable}@${c.key.read.line}` : c.key.kind} (line ${c.line})`,
  );

describe('Python key reads', () => {
  test('os.getenv, os.environ[...], os.environ.get, getenv, environ, st.secrets[...] / .get / attribute', () => {
    const text = [
      'import os',
      'from os import getenv, environ',
      'a = os.getenv("GEMINI_API_KEY")',
      "b = os.environ['GOOGLE_API_KEY']",
      'c = os.environ.get("LLM_API_KEY", "")',
      "d = getenv('OTHER_KEY')",
      'e = environ["ENV_KEY"]',
      'f = st.secrets["SECRET_KEY"]',
      "g = st.secrets.get('GEMINI_TOKEN')",
      'h = st.secrets.ATTR_KEY',
      'port = os.getenv("PORT")',
    ].join('\n');
    assert.deepEqual(
      facts(text)
        .reads.map((r) => `${r.variable}:${r.line}:${r.via}`)
        .sort(),
      [
        'ATTR_KEY:10:st.secrets',
        'ENV_KEY:7:os.environ',
        'GEMINI_API_KEY:3:os.environ',
        'GEMINI_TOKEN:9:st.secrets',
        'GOOGLE_API_KEY:4:os.environ',
        'LLM_API_KEY:5:os.environ',
        'OTHER_KEY:6:os.environ',
        'SECRET_KEY:8:st.secrets',
      ],
    );
  });

  test('commented-out reads and docstrings are not reads; line numbers are kept', () => {
    const text = [
      '# key = os.getenv("OLD_KEY")',
      '"""',
      'os.getenv("DOC_KEY")',
      '"""',
      'k = os.getenv("NEW_KEY")',
    ].join('\n');
    assert.deepEqual(
      facts(text).reads.map((r) => `${r.variable}:${r.line}`),
      ['NEW_KEY:5'],
    );
    assert.equal(blankComments(text).split('\n').length, 5);
  });

  test('pydantic-settings fields read the upper-cased variable, with env_prefix', () => {
    const text = [
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_prefix="APP_")',
      '    gemini_api_key: str',
      '    port: int = 8000',
    ].join('\n');
    assert.deepEqual(
      facts(text).reads.map((r) => `${r.variable}:${r.line}:${r.via}`),
      ['APP_GEMINI_API_KEY:4:pydantic-settings'],
    );
  });
});

describe('Python calls linked to the read that feeds them', () => {
  test('google-genai, google-generativeai, LangChain (multi-line), LiteLLM, LlamaIndex', () => {
    const text = [
      'from google import genai',
      'import google.generativeai as ggen',
      'from langchain_google_genai import ChatGoogleGenerativeAI',
      'import litellm',
      'from llama_index.llms.google_genai import GoogleGenAI',
      'KEY = os.getenv("GEMINI_API_KEY") or ""',
      'client = genai.Client(api_key=KEY)',
      'default_client = genai.Client()',
      'genai.configure(api_key=os.environ["GOOGLE_API_KEY"])',
      'llm = ChatGoogleGenerativeAI(',
      '    model="gemini-2.5-flash",',
      '    google_api_key=os.getenv("LC_KEY"),',
      ')',
      'r = litellm.completion(model="gemini/gemini-2.5-flash", messages=[], api_key=os.getenv("LITELLM_KEY"))',
      'other = litellm.completion(model="gpt-4o", messages=[])',
      'li = GoogleGenAI(model="gemini-2.5-flash", api_key=os.getenv("LI_KEY"))',
    ].join('\n');
    assert.deepEqual(calls(text), [
      'google-genai ← GEMINI_API_KEY@6 (line 7)',
      'google-genai ← default (line 8)',
      'google-generativeai ← GOOGLE_API_KEY@9 (line 9)',
      'langchain-google-genai ← LC_KEY@12 (line 10)',
      'litellm ← LITELLM_KEY@14 (line 14)',
      'llama-index ← LI_KEY@16 (line 16)',
    ]);
  });

  test('`Client` of another library is not google-genai', () => {
    assert.deepEqual(calls('from openai import Client\nc = Client(api_key=os.getenv("OPENAI_KEY"))'), []);
  });

  test('load_dotenv(): bare, with a path, override=True, find_dotenv(usecwd=True)', () => {
    const text = [
      'load_dotenv()',
      'load_dotenv(".env.local", override=True)',
      'load_dotenv(find_dotenv(usecwd=True))',
    ].join('\n');
    assert.deepEqual(
      facts(text).loaders.map((l) => [l.line, l.path ?? null, l.override, l.usecwd ?? false]),
      [
        [1, null, false, false],
        [2, '.env.local', true, false],
        [3, null, false, true],
      ],
    );
  });

  test('`if X is None: raise` and `if not X: st.stop()` make X required; models in strings', () => {
    const text = [
      'if os.getenv("GEMINI_API_KEY") is None:',
      '    raise ValueError("GEMINI_API_KEY is not set")',
      'KEY = os.getenv("GOOGLE_API_KEY")',
      'if not KEY:',
      '    st.error("no key")',
      '    st.stop()',
      'model = genai.GenerativeModel("gemini-1.5-pro-latest")',
    ].join('\n');
    const f = facts(text);
    assert.deepEqual(f.required.sort(), ['GEMINI_API_KEY', 'GOOGLE_API_KEY']);
    assert.deepEqual(
      f.models.map((m) => `${m.id}@${m.line}`),
      ['gemini-1.5-pro-latest@7'],
    );
  });
});
