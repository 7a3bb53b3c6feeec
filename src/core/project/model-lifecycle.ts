/**
 * Model ids Google has shut down on the Gemini API, and what to use instead. Source: the Gemini
 * API deprecations page (ai.google.dev/gemini-api/docs/deprecations) and changelog
 * (ai.google.dev/gemini-api/docs/changelog): the 1.0 and 1.5 families and `gemini-pro` were shut
 * down in 2025, the 2.0 family and the experimental and dated preview ids after their successors
 * went GA. A request naming one answers 404 NOT_FOUND ("… is not found for API version v1beta, or
 * is not supported for generateContent"), whatever the key. Ids not listed here are probed live.
 */
export interface RetiredModel {
  /** Why it no longer answers, one clause. */
  why: string;
  replacements: readonly string[];
}

/** Current ids to suggest, newest first (the models the Gemini API lists in late 2026). */
export const CURRENT_FLASH = 'gemini-3.8-flash';
export const CURRENT_STABLE_FLASH = 'gemini-2.5-flash';
const FLASH = [CURRENT_FLASH, CURRENT_STABLE_FLASH] as const;
const FLASH_LITE = ['gemini-3.5-flash-lite', 'gemini-2.5-flash-lite'] as const;
const PRO = ['gemini-3.1-pro-preview', 'gemini-2.5-pro'] as const;

const RULES: readonly { pattern: RegExp; model: RetiredModel }[] = [
  {
    pattern: /^gemini-(1\.0-)?pro(-vision)?(-latest|-\d{3})?$/,
    model: { why: 'the Gemini 1.0 family was shut down in 2025', replacements: FLASH },
  },
  {
    pattern: /^gemini-1\.5-flash-8b/,
    model: { why: 'the Gemini 1.5 family was shut down in September 2025', replacements: FLASH_LITE },
  },
  {
    pattern: /^gemini-1\.5-flash/,
    model: { why: 'the Gemini 1.5 family was shut down in September 2025', replacements: FLASH },
  },
  {
    pattern: /^gemini-1\.5-pro/,
    model: { why: 'the Gemini 1.5 family was shut down in September 2025', replacements: PRO },
  },
  {
    pattern: /^gemini-2\.0-flash-lite/,
    model: { why: 'the Gemini 2.0 family was shut down in 2026', replacements: FLASH_LITE },
  },
  {
    pattern: /^gemini-2\.0-flash/,
    model: { why: 'the Gemini 2.0 family was shut down in 2026', replacements: FLASH },
  },
  {
    pattern: /^gemini-2\.0-pro/,
    model: { why: 'the Gemini 2.0 family was shut down in 2026', replacements: PRO },
  },
  {
    pattern: /^gemini-exp-\d+$/,
    model: { why: 'experimental ids are withdrawn when their model ships', replacements: PRO },
  },
  {
    pattern: /^gemini-2\.5-(flash|pro|flash-lite)-(preview|exp)-\d{2}-\d{2}$/,
    model: { why: 'dated preview ids were shut down after the GA release', replacements: FLASH },
  },
];

/** The retirement of a model id named in code, or null when it is not known to be retired. */
export function retiredModel(id: string): RetiredModel | null {
  const bare = id.replace(/^models\//, '');
  return RULES.find((r) => r.pattern.test(bare))?.model ?? null;
}

/** Generation models the doctor probes on the app's behalf (`gemini-…`, not imagen/veo/embeddings). */
export function isProbeableModel(id: string): boolean {
  return /^gemini-/.test(id) && !/embedding|tts|live|native-audio|image/.test(id);
}
