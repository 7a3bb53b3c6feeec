import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKeyLikeVariable, isWrongKeyName } from '../../../src/core/resolution/key-variables.js';

describe('key variable names', () => {
  it('knows the names clients read', () => {
    for (const name of ['GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GENERATIVE_AI_API_KEY']) {
      assert.equal(isKeyLikeVariable(name), true);
      assert.equal(isWrongKeyName(name), false);
    }
  });

  it('flags names no client reads', () => {
    for (const name of [
      'GEMINI_KEY',
      'GOOGLE_GEMINI_API_KEY',
      'GOOGLE_AI_API_KEY',
      'VITE_GEMINI_API_KEY',
      'NEXT_PUBLIC_GOOGLE_API_KEY',
      'API_KEY',
      'gemini_api_key',
      'MY_GEMINI_TOKEN',
    ]) {
      assert.equal(isWrongKeyName(name), true, name);
    }
  });

  it('leaves settings about keys and unrelated variables alone', () => {
    for (const name of [
      'GEMINI_API_KEY_AUTH_MECHANISM',
      'GOOGLE_GENAI_USE_VERTEXAI',
      'GOOGLE_GEMINI_BASE_URL',
      'OPENAI_API_KEY',
      'MAPS_KEY',
      'GEMINI_MODEL',
    ]) {
      assert.equal(isWrongKeyName(name), false, name);
    }
  });
});
