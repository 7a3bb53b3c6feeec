import type { CauseLink } from './types.js';

/**
 * Official pages the fixes point to. Checked (Nov 2026) with the docs search of the stored pages:
 * - ai.google.dev/gemini-api/docs/api-key ("Using Gemini API keys": auth keys by default since
 *   2026-05-28, unrestricted standard keys rejected, "Securing unrestricted standard API keys",
 *   migration steps; see ../shared/reference/auth-keys-2026.md §1.1),
 * - ai.google.dev/gemini-api/docs/troubleshooting (backend error-code table: 400 INVALID_ARGUMENT,
 *   400 FAILED_PRECONDITION "free tier is not available in your country", 403, 404, 429, 500, 503, 504),
 * - ai.google.dev/gemini-api/docs/rate-limits ("Rate limits are applied per project, not per API key";
 *   RPD resets at midnight Pacific time), ai.google.dev/gemini-api/docs/billing (tiers, Set up Billing),
 * - ai.google.dev/gemini-api/docs/available-regions (countries; "try the Gemini API in Gemini
 *   Enterprise Agent Platform" otherwise),
 * - cloud.google.com/docs/authentication/api-keys (standard vs authorization keys, API restrictions,
 *   binding to a service account; reference §1.2).
 * - aistudio.google.com/status, /usage and /rate-limit: linked from ai.google.dev's own navigation
 *   ("Status") and docs (usage dashboard); Google's 429 bodies point to https://ai.dev/rate-limit.
 * Exceptions to the Google-only rule are nodejs.org pages for Node's own TLS and proxy settings.
 */
export const LINK = {
  apiKeyDocs: { title: 'Using Gemini API keys', url: 'https://ai.google.dev/gemini-api/docs/api-key' },
  aiStudioKeys: { title: 'Google AI Studio: API keys', url: 'https://aistudio.google.com/apikey' },
  troubleshooting: {
    title: 'Gemini API troubleshooting guide',
    url: 'https://ai.google.dev/gemini-api/docs/troubleshooting',
  },
  rateLimits: { title: 'Gemini API rate limits', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' },
  billing: { title: 'Gemini API billing', url: 'https://ai.google.dev/gemini-api/docs/billing' },
  regions: {
    title: 'Available regions for the Gemini API',
    url: 'https://ai.google.dev/gemini-api/docs/available-regions',
  },
  models: { title: 'Gemini models', url: 'https://ai.google.dev/gemini-api/docs/models' },
  apiReference: { title: 'Gemini API reference', url: 'https://ai.google.dev/api' },
  openaiCompat: {
    title: 'OpenAI compatibility (Gemini API)',
    url: 'https://ai.google.dev/gemini-api/docs/openai',
  },
  cloudApiKeys: {
    title: 'Manage API keys (Google Cloud)',
    url: 'https://cloud.google.com/docs/authentication/api-keys',
  },
  credentialsConsole: {
    title: 'Cloud Console: Credentials',
    url: 'https://console.cloud.google.com/apis/credentials',
  },
  serviceAccountsConsole: {
    title: 'Cloud Console: Service accounts',
    url: 'https://console.cloud.google.com/iam-admin/serviceaccounts',
  },
  apiLibrary: {
    title: 'Cloud Console: Generative Language API',
    url: 'https://console.cloud.google.com/apis/library/generativelanguage.googleapis.com',
  },
  billingConsole: { title: 'Cloud Console: Billing', url: 'https://console.cloud.google.com/billing' },
  aiStudioUsage: { title: 'Google AI Studio: usage', url: 'https://aistudio.google.com/usage' },
  aiStudioRateLimit: {
    title: 'Google AI Studio: your rate limits',
    url: 'https://aistudio.google.com/rate-limit',
  },
  aiStudioStatus: { title: 'Google AI Studio status', url: 'https://aistudio.google.com/status' },
  adc: {
    title: 'Set up Application Default Credentials',
    url: 'https://cloud.google.com/docs/authentication/provide-credentials-adc',
  },
  vertexExpress: {
    title: 'Vertex AI express mode',
    url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/start/express-mode/overview',
  },
  cloudSupport: { title: 'Google Cloud support', url: 'https://cloud.google.com/support' },
  nodeExtraCa: {
    title: 'Node.js: NODE_EXTRA_CA_CERTS',
    url: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile',
  },
  nodeEnvProxy: {
    title: 'Node.js: NODE_USE_ENV_PROXY',
    url: 'https://nodejs.org/api/cli.html#node_use_env_proxy1',
  },
  nodeEnvFile: {
    title: 'Node.js: environment variables and .env files',
    url: 'https://nodejs.org/api/environment_variables.html',
  },
} as const satisfies Record<string, CauseLink>;
