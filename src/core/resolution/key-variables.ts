import type { ClientId } from '../project-snapshot.js';

/** Variables some modelled client reads a key from. */
export const KEY_VARIABLES = [
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'GOOGLE_GENERATIVE_AI_API_KEY',
  'GOOGLE_VERTEX_API_KEY',
] as const;

/** The variable each client reads first (what to rename a wrongly named key to). */
export const EXPECTED_VARIABLE: Record<ClientId, string> = {
  '@google/genai': 'GEMINI_API_KEY',
  'google-genai': 'GEMINI_API_KEY',
  'gemini-cli': 'GEMINI_API_KEY',
  '@ai-sdk/google': 'GOOGLE_GENERATIVE_AI_API_KEY',
  '@langchain/google-genai': 'GOOGLE_API_KEY',
  'node --env-file': 'GEMINI_API_KEY',
  dotenv: 'GEMINI_API_KEY',
};

/** Names people give the key that no modelled client reads. */
export const WRONG_KEY_NAMES = new Set([
  'GEMINI_KEY',
  'GEMINI_API_TOKEN',
  'GEMINI_TOKEN',
  'GEMINI_APIKEY',
  'GEMINI_AI_API_KEY',
  'GOOGLE_GEMINI_API_KEY',
  'GOOGLE_GEMINI_KEY',
  'GOOGLE_AI_API_KEY',
  'GOOGLE_AI_KEY',
  'GOOGLE_AI_STUDIO_API_KEY',
  'GOOGLE_GENAI_API_KEY',
  'GOOGLE_GENERATIVE_AI_KEY',
  'GOOGLE_GENERATIVEAI_API_KEY',
  'GENAI_API_KEY',
  'GOOGLE_KEY',
  'API_KEY',
  'AI_STUDIO_API_KEY',
]);

/** Frontend-bundler prefixes: server code does not read these, and bundlers ship them to browsers. */
export const PUBLIC_PREFIXES = [
  'VITE_',
  'NEXT_PUBLIC_',
  'REACT_APP_',
  'EXPO_PUBLIC_',
  'PUBLIC_',
  'NUXT_PUBLIC_',
] as const;

export function isKnownKeyVariable(name: string): boolean {
  return (KEY_VARIABLES as readonly string[]).includes(name);
}

/** A name that probably holds a Gemini key but is not one a client reads. */
export function isWrongKeyName(name: string): boolean {
  if (isKnownKeyVariable(name)) return false;
  const upper = name.toUpperCase();
  if (WRONG_KEY_NAMES.has(upper) && upper === name) return true;
  // Env names are case-sensitive on Linux and macOS: `gemini_api_key` is a different variable.
  if (isKnownKeyVariable(upper)) return true;
  const bare = PUBLIC_PREFIXES.reduce(
    (n, prefix) => (n.startsWith(prefix) ? n.slice(prefix.length) : n),
    upper,
  );
  if (bare !== upper && (isKnownKeyVariable(bare) || WRONG_KEY_NAMES.has(bare))) return true;
  // Settings about keys are not keys: GEMINI_API_KEY_AUTH_MECHANISM, GEMINI_API_KEY_FILE, …
  if (/_(MECHANISM|FILE|PATH|URL|VERSION|ENABLED|MODE|NAME|ID)$/.test(upper)) return false;
  return /(GEMINI|GENAI|GOOGLE_AI|GOOGLE_GENERATIVE|AI_STUDIO)/.test(upper) && /(KEY|TOKEN)/.test(upper);
}

/** Names so generic that only a Google-shaped value makes them ours (API_KEY may belong to any service). */
const GENERIC_NAMES = new Set(['API_KEY', 'GOOGLE_KEY']);

/**
 * Variables whose values we collect as key candidates even when no client reads them. With a
 * value, a generic name counts only when the value starts like a Google key.
 */
export function isKeyLikeVariable(name: string, value?: string): boolean {
  if (isKnownKeyVariable(name)) return true;
  if (!isWrongKeyName(name)) return false;
  if (value === undefined || !GENERIC_NAMES.has(name.toUpperCase())) return true;
  const v = value.trim();
  return v.startsWith('AIza') || v.startsWith('AQ.');
}
