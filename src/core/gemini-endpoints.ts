import type { SecretKey } from './secret-key.js';

export const GOOGLE_BASE_URL = 'https://generativelanguage.googleapis.com';
/** A current Flash model: served by the real API and by the emulator, spends no quota via countTokens. */
export const DEFAULT_PROBE_MODEL = 'gemini-2.5-flash';

/** The requests the doctor makes; each one proves something different (see the pipeline). */
export type ProbeKind = 'models' | 'model' | 'generate' | 'openai';

export interface ProbeRequestSpec {
  kind: ProbeKind;
  method: 'GET' | 'POST';
  url: URL;
  /** Credential header name only (never its value): shown in reports and the curl equivalent. */
  credentialHeader: 'x-goog-api-key' | 'authorization';
  body?: string;
}

/** `https://host[/prefix]` + `/v1beta/...`; a base URL that already ends in a version keeps it. */
export function endpointUrl(baseUrl: string, path: string): URL {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const versioned = /\/v1(beta\d*|alpha)?$/.test(trimmed) ? trimmed : `${trimmed}/v1beta`;
  return new URL(`${versioned}/${path}`);
}

export function modelPath(model: string): string {
  return model.startsWith('models/') ? model : `models/${model}`;
}

const PING = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'ping' }] }] });
const ONE_TOKEN = JSON.stringify({
  contents: [{ role: 'user', parts: [{ text: 'Reply with OK.' }] }],
  generationConfig: { maxOutputTokens: 1 },
});

export function probeRequest(kind: ProbeKind, baseUrl: string, model: string): ProbeRequestSpec {
  switch (kind) {
    case 'models':
      return {
        kind,
        method: 'GET',
        url: endpointUrl(baseUrl, 'models?pageSize=1000'),
        credentialHeader: 'x-goog-api-key',
      };
    case 'model':
      // countTokens checks the key can use this model and spends no generation quota.
      return {
        kind,
        method: 'POST',
        url: endpointUrl(baseUrl, `${modelPath(model)}:countTokens`),
        credentialHeader: 'x-goog-api-key',
        body: PING,
      };
    case 'generate':
      return {
        kind,
        method: 'POST',
        url: endpointUrl(baseUrl, `${modelPath(model)}:generateContent`),
        credentialHeader: 'x-goog-api-key',
        body: ONE_TOKEN,
      };
    case 'openai':
      return {
        kind,
        method: 'GET',
        url: endpointUrl(baseUrl, 'openai/models'),
        credentialHeader: 'authorization',
      };
  }
}

/** The headers for a spec: exactly one credential, in the header that route expects. */
export function probeHeaders(spec: ProbeRequestSpec, key: SecretKey): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'gemini-key-doctor' };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  if (spec.credentialHeader === 'authorization') headers['authorization'] = `Bearer ${key.reveal()}`;
  else headers['x-goog-api-key'] = key.reveal();
  return headers;
}
