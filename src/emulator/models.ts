/**
 * The models the emulator lists and answers for, with the metadata fields `models.get` returns
 * (name, version, displayName, token limits, supportedGenerationMethods, sampling defaults).
 * Names checked against the Gemini API docs as of late 2026 (ai.google.dev "latest model" pages:
 * gemini-3.8-flash GA in Sept 2026, 3.7/3.6/3.5 Flash still served, gemini-3.1-pro-preview,
 * gemini-3.5-flash-lite; the 2.5 family still listed) and gemini-embedding-001 for embeddings.
 */
export interface EmulatedModel {
  /** Resource name without the `models/` prefix, e.g. `gemini-2.5-flash`. */
  id: string;
  displayName: string;
  description: string;
  version: string;
  inputTokenLimit: number;
  outputTokenLimit: number;
  supportedGenerationMethods: readonly string[];
  thinking?: boolean;
}

const GENERATIVE_METHODS = [
  'generateContent',
  'countTokens',
  'createCachedContent',
  'batchGenerateContent',
] as const;

function flash(id: string, displayName: string, description: string): EmulatedModel {
  return {
    id,
    displayName,
    description,
    version: '001',
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: GENERATIVE_METHODS,
    thinking: true,
  };
}

export const EMULATED_MODELS: readonly EmulatedModel[] = [
  flash('gemini-3.8-flash', 'Gemini 3.8 Flash', 'Gemini 3.8 Flash: the latest Flash model.'),
  flash('gemini-3.7-flash', 'Gemini 3.7 Flash', 'Gemini 3.7 Flash.'),
  flash('gemini-3.6-flash', 'Gemini 3.6 Flash', 'Gemini 3.6 Flash.'),
  flash('gemini-3.5-flash', 'Gemini 3.5 Flash', 'Gemini 3.5 Flash.'),
  flash('gemini-3.5-flash-lite', 'Gemini 3.5 Flash-Lite', 'Gemini 3.5 Flash-Lite: fastest and cheapest.'),
  flash('gemini-3.1-pro-preview', 'Gemini 3.1 Pro Preview', 'Gemini 3.1 Pro Preview: deep reasoning.'),
  flash('gemini-2.5-flash', 'Gemini 2.5 Flash', 'Stable version of Gemini 2.5 Flash.'),
  flash('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 'Stable version of Gemini 2.5 Flash-Lite.'),
  flash('gemini-2.5-pro', 'Gemini 2.5 Pro', 'Stable release of Gemini 2.5 Pro.'),
  {
    id: 'gemini-embedding-001',
    displayName: 'Gemini Embedding 001',
    description: 'Obtain a distributed representation of a text.',
    version: '001',
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    supportedGenerationMethods: ['embedContent', 'countTextTokens', 'countTokens', 'asyncBatchEmbedContent'],
  },
];

/** The model `ask` and the client use when none is given. */
export const DEFAULT_MODEL = 'gemini-2.5-flash';

/** `models/x` or `x` → `x`. */
export function bareModelId(name: string): string {
  return name.startsWith('models/') ? name.slice('models/'.length) : name;
}

/** The `models.get` / `models.list` item, as the REST API renders it. */
export function modelResource(model: EmulatedModel): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    version: model.version,
    displayName: model.displayName,
    description: model.description,
    inputTokenLimit: model.inputTokenLimit,
    outputTokenLimit: model.outputTokenLimit,
    supportedGenerationMethods: [...model.supportedGenerationMethods],
    ...(model.supportedGenerationMethods.includes('generateContent')
      ? { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 }
      : {}),
    ...(model.thinking ? { thinking: true } : {}),
  };
}
