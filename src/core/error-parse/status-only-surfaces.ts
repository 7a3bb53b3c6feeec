import { mayMatch } from '../required-literal.js';

/**
 * Clients and HTTP libraries that throw only the status line and drop Google's error body. A paste
 * from one of them says "403" and nothing else, so the cause can only be guessed from the status;
 * naming the surface tells the reader why, and where to look for the body.
 */
export interface BodyDroppingSurface {
  id: string;
  /** How the report names it. */
  name: string;
  /** What the surface prints instead of the body; a family of wordings, not one paste. */
  pattern: RegExp;
  /** The route this surface talks to, when its wording implies one. */
  endpointStyle?: 'openai' | 'native';
  /** Why the body is missing, in a few words. */
  why: string;
}

export const BODY_DROPPING_SURFACES: readonly BodyDroppingSurface[] = [
  {
    // openai-node's APIError.generate: `${status} status code (no body)`. On Google's OpenAI-compatible
    // route errors come back as a JSON array, which openai-node does not read as a body.
    id: 'openai-node',
    name: 'openai-node (the OpenAI JavaScript client)',
    pattern: /\b[45]\d\d status code \(no body\)/i,
    endpointStyle: 'openai',
    why: 'Google answers errors on the OpenAI-compatible route as a JSON array, which openai-node does not read',
  },
  {
    // openai-python's APIStatusError str: "Error code: 404" (with " - {body}" only when it parsed one)
    id: 'openai-python',
    name: 'the OpenAI Python client',
    pattern: /\bError code: [45]\d\d(?!\s{0,3}-\s{0,3}\S)/,
    endpointStyle: 'openai',
    why: 'the client printed only the status code',
  },
  {
    // @google/generative-ai (and LangChain, which wraps it) when the body is not JSON: the message ends
    // right after the status line.
    id: 'google-generative-ai',
    name: '@google/generative-ai (the legacy Google SDK)',
    pattern: /\[GoogleGenerativeAI Error\]: Error fetching from \S{1,500}: \[[45]\d\d[^\]]{0,40}\]\s*$/,
    endpointStyle: 'native',
    why: 'it reads the error body only when it is JSON',
  },
  {
    id: 'httpx',
    name: "httpx's raise_for_status()",
    pattern: /\b(?:Client|Server) error '[45]\d\d [A-Za-z ]{2,40}' for url/,
    why: 'raise_for_status() reports the status line, not the body',
  },
  {
    id: 'python-requests',
    name: "requests' raise_for_status()",
    pattern: /\b[45]\d\d (?:Client|Server) Error: [A-Za-z ]{2,40} for url:/,
    why: 'raise_for_status() reports the status line, not the body',
  },
  {
    id: 'axios',
    name: 'axios',
    pattern: /\bRequest failed with status code [45]\d\d\b/,
    why: "axios's message carries the status; the body is on error.response.data",
  },
  {
    id: 'dio',
    name: 'Dio (Dart)',
    pattern: /\bDioException \[bad response\]/,
    why: "Dio's message carries the status; the body is on e.response?.data",
  },
];

/** The surface whose wording the text carries, if any. */
export function bodyDroppingSurfaceIn(text: string): BodyDroppingSurface | undefined {
  const lowered = text.toLowerCase();
  return BODY_DROPPING_SURFACES.find((s) => mayMatch(s.pattern, lowered) && s.pattern.test(text));
}

/**
 * The environment variable a "no key" message tells the reader to set, e.g. the Vercel AI SDK's
 * "…or the GOOGLE_GENERATIVE_AI_API_KEY environment variable", LangChain's "add an environment variable
 * `GOOGLE_API_KEY`", or "GEMINI_API_KEY is not set".
 */
const VARIABLE = '((?:[A-Z][A-Z0-9]{0,30}_){0,6}API_KEY)';
const VARIABLE_NAMED: readonly RegExp[] = [
  new RegExp(`\\b(?:the |an? )?[\`'"*]{0,2}${VARIABLE}[\`'"*]{0,2} environment variable`),
  new RegExp(`\\benvironment variable[\`'"*\\s]{1,4}${VARIABLE}\\b`),
  new RegExp(
    `\\b${VARIABLE}[\`'"]? (?:is |was )?(?:not set|not found|not defined|missing|empty|undefined)\\b`,
  ),
  new RegExp(`\\bmust specify the ${VARIABLE}\\b`),
];

export function keyVariableNamedIn(text: string): string | undefined {
  // Every pattern names a variable ending in API_KEY (case as written): without it, none is run.
  if (!text.includes('API_KEY')) return undefined;
  for (const re of VARIABLE_NAMED) {
    const m = re.exec(text);
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}
