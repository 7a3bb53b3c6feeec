import type { AppClient } from '../project/source-facts.js';

/**
 * How each client, at a given version, turns "what the code passed" plus the environment into the
 * key it sends. Each rule cites the client's own source (the installed package unless said).
 */
export interface ClientKeyRule {
  client: AppClient;
  /** The version range these rules hold for, as shown to the user ("≥ 2.3.0"). */
  range: string;
  /** Variables the client reads when the code passes no key, in precedence order. */
  defaultVariables: readonly string[];
  /**
   * An explicit key that is `undefined` (the variable the code reads is unset) falls back to the
   * default lookup (`options.apiKey ?? env`); false: it is sent as it stands (legacy SDK: "undefined").
   */
  undefinedFallsBack: boolean;
  /**
   * The request goes through `fetch`: `Headers` strips leading and trailing whitespace (tab, LF,
   * CR, space) from every value (Fetch standard, "normalize a header value"), so the key sent is
   * the trimmed one.
   */
  sentTrimmed: boolean;
  /** What happens with no key at all. */
  whenMissing: string;
  /**
   * What goes on the wire when the code passes `undefined`: the legacy SDK and raw fetch put the
   * string "undefined" in the header (WebIDL ByteString conversion), which Google rejects as a key.
   */
  missingSends?: string;
  cite: string;
}

/** A semver `x.y.z` prefix compared numerically; unparsable versions compare as unknown (null). */
export function compareVersions(a: string, b: string): number | null {
  const pa = /^(\d+)\.(\d+)\.(\d+)/.exec(a);
  const pb = /^(\d+)\.(\d+)\.(\d+)/.exec(b);
  if (!pa || !pb) return null;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * The rules for a client at a version (null version: the newest rules, said so in the report).
 * `version` is an installed version, a locked version, or a range's lowest version.
 */
export function clientKeyRule(client: AppClient, version: string | null): ClientKeyRule {
  switch (client) {
    case '@google/genai':
      return {
        client,
        range: 'all',
        defaultVariables: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: true,
        // node_client.ts: `this.apiKey = options.apiKey ?? getEnv('GOOGLE_API_KEY') ?? getEnv('GEMINI_API_KEY')`;
        // with none, _api_client.ts authenticates with google-auth-library (checked on 2.32.0 and 1.20.0).
        whenMissing:
          'falls back to Application Default Credentials (google-auth-library): it throws "Could not load the default credentials", or sends an OAuth token from gcloud — never an unkeyed request',
        cite: '@google/genai dist/node/index.mjs (NodeClient constructor, NodeAuth)',
      };
    case '@google/generative-ai':
      return {
        client,
        range: 'all',
        defaultVariables: [],
        undefinedFallsBack: false,
        sentTrimmed: true,
        // src/requests/request.ts: headers.append('x-goog-api-key', apiKey) with no env lookup.
        whenMissing: 'sends the literal header value "undefined" (or an empty one): Google answers 400/403',
        missingSends: 'undefined',
        cite: '@google/generative-ai 0.24.1 dist/index.mjs (getHeaders)',
      };
    case '@ai-sdk/google':
      return {
        client,
        range: 'all',
        defaultVariables: ['GOOGLE_GENERATIVE_AI_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: true,
        // provider-utils loadApiKey: a string option wins; otherwise process.env[environmentVariableName].
        whenMissing:
          'throws AI_LoadAPIKeyError: "Google Generative AI API key is missing. Pass it using the \'apiKey\' parameter or the GOOGLE_GENERATIVE_AI_API_KEY environment variable."',
        cite: '@ai-sdk/google dist/index.mjs (environmentVariableName), @ai-sdk/provider-utils loadApiKey',
      };
    case '@langchain/google-genai': {
      const newer = version === null || (compareVersions(version, '2.3.0') ?? 1) >= 0;
      return newer
        ? {
            client,
            range: '≥ 2.3.0',
            defaultVariables: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
            undefinedFallsBack: true,
            sentTrimmed: true,
            // 2.3.2 chat_models.js L447: fields.apiKey ?? gatewayConfig.apiKey ?? (GOOGLE_API_KEY || GEMINI_API_KEY)
            whenMissing:
              'throws "Please set an API key for Google GenerativeAI in the environment variable GOOGLE_API_KEY or GEMINI_API_KEY…"',
            cite: '@langchain/google-genai 2.3.2 dist/chat_models.js L447',
          }
        : {
            client,
            range: '0.2.18 – 2.2.x',
            defaultVariables: ['GOOGLE_API_KEY'],
            undefinedFallsBack: true,
            sentTrimmed: true,
            // 2.2.0 chat_models.js L440: fields.apiKey ?? getEnvironmentVariable("GOOGLE_API_KEY")
            whenMissing:
              'throws "Please set an API key for Google GenerativeAI in the environment variable GOOGLE_API_KEY…"',
            cite: '@langchain/google-genai 2.2.0 dist/chat_models.js L440',
          };
    }
    case 'openai':
      return {
        client,
        range: 'all',
        defaultVariables: ['OPENAI_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: true,
        whenMissing: 'throws "The OPENAI_API_KEY environment variable is missing or empty"',
        cite: 'openai src/client.ts (apiKey = readEnv("OPENAI_API_KEY"))',
      };
    case 'fetch':
      return {
        client,
        range: 'all',
        defaultVariables: [],
        undefinedFallsBack: false,
        sentTrimmed: true,
        whenMissing: 'sends "undefined" or an empty key: Google answers 400/403',
        missingSends: 'undefined',
        cite: 'Fetch standard: Headers normalize values; URLs carry `?key=` as written',
      };
    case 'google-genai':
      return {
        client,
        range: 'all',
        defaultVariables: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: false,
        // google/genai/_api_client.py: api_key or GOOGLE_API_KEY or GEMINI_API_KEY (GOOGLE_API_KEY wins, with a warning).
        whenMissing:
          'raises ValueError "Missing key inputs argument! To use the Google AI API, provide (`api_key`) arguments…"',
        cite: 'googleapis/python-genai google/genai/_api_client.py (reference key-resolution.md §2)',
      };
    case 'google-generativeai':
      return {
        client,
        range: 'all',
        defaultVariables: ['GOOGLE_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: false,
        // google/generativeai/client.py configure(): api_key or os.getenv("GOOGLE_API_KEY"), else ADC.
        whenMissing:
          'falls back to Application Default Credentials: DefaultCredentialsError, or a 403 for the wrong scopes',
        cite: 'google-gemini/deprecated-generative-ai-python google/generativeai/client.py',
      };
    case 'langchain-google-genai':
      return {
        client,
        range: 'all',
        defaultVariables: ['GOOGLE_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: false,
        whenMissing: 'raises a validation error asking for GOOGLE_API_KEY or google_api_key',
        cite: 'langchain-ai/langchain-google libs/genai/langchain_google_genai/_common.py (secret_from_env("GOOGLE_API_KEY"))',
      };
    case 'litellm':
      return {
        client,
        range: 'all',
        defaultVariables: ['GEMINI_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: false,
        whenMissing: 'raises AuthenticationError from the Gemini API',
        cite: 'BerriAI/litellm gemini provider (get_secret_str("GEMINI_API_KEY"))',
      };
    case 'llama-index':
      return {
        client,
        range: 'all',
        defaultVariables: ['GOOGLE_API_KEY'],
        undefinedFallsBack: true,
        sentTrimmed: false,
        whenMissing: 'google-genai raises "Missing key inputs argument"',
        cite: 'llama-index-llms-google-genai base.py (api_key or os.getenv("GOOGLE_API_KEY"))',
      };
  }
}

/** The npm or PyPI package each client ships in (for reading its version). */
export const CLIENT_PACKAGE: Record<AppClient, { registry: 'npm' | 'pypi'; name: string } | null> = {
  '@google/genai': { registry: 'npm', name: '@google/genai' },
  '@google/generative-ai': { registry: 'npm', name: '@google/generative-ai' },
  '@ai-sdk/google': { registry: 'npm', name: '@ai-sdk/google' },
  '@langchain/google-genai': { registry: 'npm', name: '@langchain/google-genai' },
  openai: { registry: 'npm', name: 'openai' },
  fetch: null,
  'google-genai': { registry: 'pypi', name: 'google-genai' },
  'google-generativeai': { registry: 'pypi', name: 'google-generativeai' },
  'langchain-google-genai': { registry: 'pypi', name: 'langchain-google-genai' },
  litellm: { registry: 'pypi', name: 'litellm' },
  'llama-index': { registry: 'pypi', name: 'llama-index-llms-google-genai' },
};
