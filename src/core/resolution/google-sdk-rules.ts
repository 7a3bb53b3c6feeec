import type { EffectiveEnv, EnvEntry } from './effective-env.js';

export const GEMINI_API_BASE_URL = 'https://generativelanguage.googleapis.com/';
export const VERTEX_GLOBAL_BASE_URL = 'https://aiplatform.googleapis.com/';

/** What the Google Gen AI SDKs decide from the environment (reference §1–2). */
export interface GoogleSdkDecision {
  vertex: boolean;
  /** The variable that decided the backend, when one did. */
  vertexVariable: (EnvEntry & { name: string }) | null;
  key: string | null;
  keyEntry: (EnvEntry & { name: string }) | null;
  /** Vertex with env project/location: the SDK drops the env key and uses ADC. */
  keyDroppedForAdc: boolean;
  baseUrl: string;
  baseUrlVariable: (EnvEntry & { name: string }) | null;
  notes: string[];
}

export interface GoogleSdkFlavour {
  /** JS trims every env value (`getEnv`); Python strips only the chosen key. */
  trimEnv: boolean;
  /** JS: `'true'` (any case); Python: `'true'` or `'1'` (any case). */
  isTrue: (value: string) => boolean;
}

export const JS_SDK: GoogleSdkFlavour = { trimEnv: true, isTrue: (v) => v.toLowerCase() === 'true' };
export const PYTHON_SDK: GoogleSdkFlavour = {
  trimEnv: false,
  isTrue: (v) => ['true', '1'].includes(v.toLowerCase()),
};

export function decideGoogleSdk(env: EffectiveEnv, flavour: GoogleSdkFlavour): GoogleSdkDecision {
  const notes: string[] = [];
  const read = (name: string) => {
    const entry = env.get(name);
    if (entry === undefined) return undefined;
    return { ...entry, name, value: flavour.trimEnv ? entry.value.trim() : entry.value };
  };
  // Backend: GOOGLE_GENAI_USE_ENTERPRISE (when set) beats GOOGLE_GENAI_USE_VERTEXAI.
  const enterprise = read('GOOGLE_GENAI_USE_ENTERPRISE');
  const vertexFlag = read('GOOGLE_GENAI_USE_VERTEXAI');
  const flag = enterprise ?? vertexFlag ?? null;
  const vertex = flag !== null && flavour.isTrue(flag.value);
  if (enterprise && vertexFlag && flavour.isTrue(enterprise.value) !== flavour.isTrue(vertexFlag.value)) {
    notes.push(
      'GOOGLE_GENAI_USE_ENTERPRISE and GOOGLE_GENAI_USE_VERTEXAI disagree: GOOGLE_GENAI_USE_ENTERPRISE wins',
    );
  }

  // Key: GOOGLE_API_KEY, then GEMINI_API_KEY; an empty value counts as unset.
  const google = read('GOOGLE_API_KEY');
  const gemini = read('GEMINI_API_KEY');
  let keyEntry = google?.value ? google : gemini?.value ? gemini : null;
  if (google?.value && gemini?.value) {
    notes.push('Both GOOGLE_API_KEY and GEMINI_API_KEY are set. Using GOOGLE_API_KEY.');
  } else if (google !== undefined && !google.value && gemini?.value) {
    notes.push('GOOGLE_API_KEY is set but empty, so GEMINI_API_KEY is used');
  }
  let key = keyEntry === null ? null : flavour.trimEnv ? keyEntry.value : keyEntry.value.trim();
  if (key === '') {
    notes.push(`${keyEntry?.name} holds only whitespace: it still wins, then strips to an empty key`);
    key = null;
  }

  let keyDroppedForAdc = false;
  const project = read('GOOGLE_CLOUD_PROJECT')?.value || undefined;
  let location = read('GOOGLE_CLOUD_LOCATION')?.value || undefined;
  if (vertex && (project || location) && key !== null) {
    notes.push(
      'Vertex AI mode with GOOGLE_CLOUD_PROJECT/LOCATION set: the SDK drops the API key and uses Application Default Credentials',
    );
    keyDroppedForAdc = true;
    key = null;
    keyEntry = null;
  }
  if (vertex && !location && key === null) location = 'global';

  const urlVariable = read(vertex ? 'GOOGLE_VERTEX_BASE_URL' : 'GOOGLE_GEMINI_BASE_URL');
  const custom = urlVariable?.value.trim() ? urlVariable : null;
  const baseUrl =
    custom?.value.trim() ??
    (vertex ? vertexBaseUrl(location, key !== null && !project) : GEMINI_API_BASE_URL);
  return {
    vertex,
    vertexVariable: flag,
    key,
    keyEntry: key === null ? null : keyEntry,
    keyDroppedForAdc,
    baseUrl,
    baseUrlVariable: custom,
    notes,
  };
}

/** `_api_client.ts` ~L277-320: express mode and `global` use the global host; us/eu the REP hosts. */
export function vertexBaseUrl(location: string | undefined, expressKey: boolean): string {
  if (expressKey || location === undefined || location === 'global') return VERTEX_GLOBAL_BASE_URL;
  if (location === 'us' || location === 'eu') return `https://aiplatform.${location}.rep.googleapis.com/`;
  return `https://${location}-aiplatform.googleapis.com/`;
}
