import { defineCauses } from '../define-causes.js';
import { LINK } from '../links.js';

/**
 * The key is accepted but the project, its restrictions, its billing, its quota, the caller's
 * location or the request stop it. Error shapes: ../shared/fixtures/real-errors.json and the
 * troubleshooting page's error-code table (ai.google.dev/gemini-api/docs/troubleshooting);
 * limits per project and the midnight-Pacific reset: ai.google.dev/gemini-api/docs/rate-limits.
 */
export const SERVER_PROJECT_CAUSES = defineCauses({
  service_disabled: {
    id: 'service_disabled',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: "The API is not enabled in the key's project",
    explanation:
      '{service|The Generative Language API} is not enabled[ in project {project}]: it was never turned on there, or it was turned off (SERVICE_DISABLED). Keys created in Google AI Studio enable it automatically; keys made in the Cloud Console, or a project set by GOOGLE_CLOUD_PROJECT, may not have it.',
    fix: [
      'Open {enableUrl} and click "Enable"[ for project {project}].',
      "Wait a few minutes for the change to reach Google's servers, then retry.",
      'If the project is not the one you expected, check that the key and any GOOGLE_CLOUD_PROJECT setting point to the same project — or create a key in Google AI Studio, which sets the project up for you.',
      'If the API named is "Gemini for Google Cloud" (cloudaicompanion.googleapis.com), the error comes from gemini-cli signing in with Google for the project in GOOGLE_CLOUD_PROJECT: enable that API there, or unset GOOGLE_CLOUD_PROJECT and use an API key (GEMINI_API_KEY) instead.',
    ],
    links: [LINK.apiLibrary, LINK.apiKeyDocs, LINK.troubleshooting],
  },
  api_blocked_by_key_restriction: {
    id: 'api_blocked_by_key_restriction',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: "The key's API restrictions do not include the Gemini API",
    explanation:
      'The key is restricted to other APIs, so Google answers "Requests to this API {service|generativelanguage.googleapis.com} … are blocked" (API_KEY_SERVICE_BLOCKED). This happens with keys made for Maps or Firebase, and with keys created for Vertex AI express mode.',
    fix: [
      'Best: create a dedicated key on the Google AI Studio API keys page (https://aistudio.google.com/apikey); it is restricted to the Gemini API already.',
      'Or edit the key in {credentialsUrl}: under API restrictions, add the Generative Language API.',
      'Keep keys for other Google APIs separate from the Gemini key.',
    ],
    links: [LINK.credentialsConsole, LINK.apiKeyDocs, LINK.cloudApiKeys],
  },
  referrer_blocked: {
    id: 'referrer_blocked',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'The key only accepts requests from certain websites',
    explanation:
      'The key has website (HTTP referrer) restrictions and the request came from elsewhere ("Requests from referer … are blocked", API_KEY_HTTP_REFERRER_BLOCKED). Server code, scripts, Apps Script and command-line tools send no referrer at all, so they are always blocked by such a key.',
    fix: [
      'For server-side code, use a key without website restrictions (restrict it to the Gemini API instead), for example a new key from Google AI Studio.',
      'If the request does come from your website, add its address under Application restrictions → Websites in {credentialsUrl}.',
      'Do not ship a Gemini key in browser code at all: call Gemini from your backend, or use short-lived ephemeral tokens.',
    ],
    links: [LINK.credentialsConsole, LINK.cloudApiKeys, LINK.apiKeyDocs],
  },
  ip_blocked: {
    id: 'ip_blocked',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'The key only accepts requests from certain IP addresses',
    explanation:
      'The key has an IP address restriction and the request came from an address not on its list (API_KEY_IP_ADDRESS_BLOCKED). Laptops, CI runners and cloud functions change addresses, and IPv6 counts separately from IPv4.',
    fix: [
      'Find the public address your requests leave from (IPv4 and IPv6) and add it under Application restrictions → IP addresses in {credentialsUrl}.',
      'For machines without a fixed address (laptops, CI, serverless), use a separate key restricted to the Gemini API instead of by IP.',
    ],
    links: [LINK.credentialsConsole, LINK.cloudApiKeys],
  },
  app_blocked: {
    id: 'app_blocked',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'The key only accepts requests from certain Android or iOS apps',
    explanation:
      'The key is restricted to Android or iOS apps and the request did not identify an allowed app ("Requests from this Android client application … are blocked"). Requests from servers, scripts or emulators without the app headers are always blocked.',
    fix: [
      'For calls from a server or script, use a separate key without app restrictions (restricted to the Gemini API).',
      'For your app, add its package name and SHA-1 signing-certificate fingerprint (Android) or bundle ID (iOS) under Application restrictions in {credentialsUrl}, and make sure the requests carry them.',
      'Avoid shipping a Gemini key inside a mobile app: call Gemini from your backend instead.',
    ],
    links: [LINK.credentialsConsole, LINK.cloudApiKeys],
  },
  consumer_suspended: {
    id: 'consumer_suspended',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'Google suspended this key or its project',
    explanation:
      "The project or the key's consumer is suspended or denied access[ (project {project})][ — Google answered {answered}]. This is an account decision — usually a terms-of-service, abuse or billing issue — and no change in your code fixes it.",
    fix: [
      'Look for emails from Google to the project owners, and for notices in the Cloud Console[ for project {project}].',
      'Follow the appeal or support route given there, or contact Google Cloud support.',
      'A new key in the same project will not help while the project is suspended.',
    ],
    links: [LINK.cloudSupport, LINK.troubleshooting],
  },
  consumer_invalid: {
    id: 'consumer_invalid',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'The request names a project that does not exist or is not yours',
    explanation:
      'Google refused the project set for the request[ ({project})][ — it answered {answered}]. The project set for the request — often GOOGLE_CLOUD_PROJECT for gemini-cli or Vertex AI — is a display name instead of a project ID, was deleted, or belongs to someone else.',
    fix: [
      'Check {variable|GOOGLE_CLOUD_PROJECT}[ (now {project})]: it must be the project ID (e.g. `my-project-123`), not the display name. `gcloud projects list` shows the IDs you can use.',
      "If you only use an API key, unset GOOGLE_CLOUD_PROJECT so the key's own project is used.",
    ],
    links: [LINK.troubleshooting, LINK.apiKeyDocs],
  },
  billing: {
    id: 'billing',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 429,
    title: "The project's billing is not set up or its credits are used up",
    explanation:
      'Google refused the request for a billing reason[ in project {project}]: prepaid credits are depleted, billing is disabled, or no billing account is linked. The key itself is fine.',
    fix: [
      'Open the Projects page of Google AI Studio (https://ai.studio/projects, the link Google\'s own error gives) and, for the project[ {project}], add prepaid credits or click "Set up billing" to link an active billing account.',
      'Check in the Cloud Console Billing page that the billing account is active and its payment method works.',
      'Retry after a few minutes; billing changes take a moment to apply.',
    ],
    links: [LINK.billing, LINK.billingConsole],
  },
  location_unsupported: {
    id: 'location_unsupported',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 400,
    title: 'The Gemini API is not available where the request comes from',
    explanation:
      'Google does not serve the Gemini API to the location the request comes from[ ({location})][ — it answered {answered}]. The location is taken from the address the request comes from, so a VPN, a proxy or a server in another country changes it.',
    fix: [
      'Check the list of available countries and territories.',
      'If you use a VPN or proxy, switch it off or pick an exit in a supported country; for a server, deploy it in a supported region.',
      'If you must work from an unsupported location, use Gemini through Google Cloud (Vertex AI / Gemini Enterprise Agent Platform) instead.',
    ],
    links: [LINK.regions, LINK.troubleshooting],
  },
  free_tier_unavailable_region: {
    id: 'free_tier_unavailable_region',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 400,
    title: 'The free tier is not available in your country: enable billing',
    explanation:
      'The Gemini API free tier is not available where the request comes from, or that location needs a billing account linked[ — Google answered {answered}]. The key is fine; the project needs a paid plan to be used from here.',
    fix: [
      'Set up billing for the project[ {project}] in Google AI Studio ("Set up Billing" on the API keys page).',
      'Retry once billing is active.',
    ],
    links: [LINK.billing, LINK.regions, LINK.troubleshooting],
  },
  quota_exhausted: {
    id: 'quota_exhausted',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    keyAccepted: true,
    severity: 'warn',
    http: 429,
    title: 'Rate limit or quota exceeded[ ({quotaId})]',
    explanation:
      'The project sent more requests or tokens than its limit allows in a minute or a day[ for {model}][ — Google answered {answered}]. The key works. Limits apply per project, not per key, and daily limits reset at midnight Pacific time.',
    fix: [
      'Wait {retryDelay|a little} and retry, with exponential backoff for later retries.',
      "Check the project's limits and usage on the AI Studio rate-limit page (https://aistudio.google.com/rate-limit)[; the limit hit is {quotaId}][ ({quotaValue})].",
      'Send fewer or smaller requests, or use a model with higher limits.',
      'For higher limits, set up billing to move the project to a paid tier; extra keys in the same project do not add quota.',
    ],
    links: [LINK.rateLimits, LINK.aiStudioRateLimit, LINK.billing],
  },
  free_tier_limit_zero: {
    id: 'free_tier_limit_zero',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 429,
    title: 'No free-tier quota for this model (limit: 0)',
    explanation:
      'The quota limit[ for {model}] is 0[ ({quotaId})][ — Google answered {answered}]. You did not use too much: on the free tier this model gets no requests at all, so waiting will not help.',
    fix: [
      'Set up billing for the project in Google AI Studio to use {model|this model} on a paid tier.',
      'Or switch to a model that has free-tier limits (see the rate-limits page).',
    ],
    links: [LINK.rateLimits, LINK.aiStudioRateLimit, LINK.billing, LINK.models],
  },
  vertex_requires_oauth: {
    id: 'vertex_requires_oauth',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 401,
    title: 'This Vertex AI endpoint needs OAuth credentials, not an API key',
    explanation:
      'This path takes no API key[ ({service})][ — Google answered {answered}]. The request went to Vertex AI (aiplatform.googleapis.com) on a path that only accepts OAuth credentials — often because GOOGLE_GENAI_USE_VERTEXAI is set, or a regional Vertex URL is used with a key.',
    fix: [
      'If you have a Google AI Studio key, use the Gemini API instead: unset GOOGLE_GENAI_USE_VERTEXAI and remove `vertexai: true`, so requests go to generativelanguage.googleapis.com.',
      'To use Vertex AI with a key, use Vertex AI express mode with a key created for it.',
      'Otherwise authenticate with Application Default Credentials: `gcloud auth application-default login`, then set GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION.',
    ],
    links: [LINK.adc, LINK.vertexExpress, LINK.apiKeyDocs],
  },
  model_not_found: {
    id: 'model_not_found',
    category: 'server',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 404,
    title: 'The model[ {model}] does not exist or is not available to you',
    explanation:
      'Google does not know {model|the model} on this route[ — it answered {answered}]: the name is misspelled, the model was retired or is "no longer available to new users", or it does not support the method called on this API version. The key works.',
    fix: [
      'List the models your key can use: `GET https://generativelanguage.googleapis.com/v1beta/models` with your key in the `x-goog-api-key` header.',
      'Use a current model name from the models page, and check the `models/` prefix and the API version (v1 or v1beta) your client uses.',
    ],
    links: [LINK.models, LINK.troubleshooting],
  },
  permission_denied_other: {
    id: 'permission_denied_other',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'Permission denied for a reason other than the key',
    explanation:
      "Permission was denied, but not because of the key itself[ — Google answered {answered}]. Typical causes are a file, cached content or tuned model that belongs to another project, or a feature this project may not use.[ Google's message: {message}]",
    fix: [
      'Read the error message: it names the resource or feature that is refused.',
      "Make sure uploaded files, caches and tuned models were created with a key from the same project; files uploaded with another project's key are not visible. Upload them again if needed.",
      'Run `gemini-key-doctor` to confirm the key itself works.',
    ],
    outsideDoctorSteps: [2],
    links: [LINK.troubleshooting, LINK.apiKeyDocs],
  },
  bad_request: {
    id: 'bad_request',
    category: 'server',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 400,
    title: 'The request is malformed — this is not a key problem',
    explanation:
      "Google accepted the key but rejected the request itself[ (it answered {answered})]: a field is misspelled, missing or not supported by this model or API version. Changing the key will not help.[ Google's message: {message}]",
    fix: [
      'Read the message: it usually names the field at fault.',
      'Check the request against the API reference[ for {model}], and that the model supports the feature you use (tools, thinking, response schema…).',
      'Update your SDK: newer request fields on an old endpoint or an old SDK cause this error.',
    ],
    links: [LINK.apiReference, LINK.troubleshooting],
  },
  server_error: {
    id: 'server_error',
    category: 'server',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'warn',
    http: 500,
    title: "Google's servers had a temporary problem",
    explanation:
      "Google's side failed[ — it answered {answered}]: an internal error, an overloaded model or a deadline exceeded. It is temporary and not caused by your key.[ Google's message: {message}]",
    fix: [
      'Retry[ after {retryDelay}] with exponential backoff.',
      'Check the AI Studio status page for an ongoing incident.',
      'If it keeps happening, try another model or, for timeouts (504), send a smaller request.',
    ],
    links: [LINK.aiStudioStatus, LINK.troubleshooting],
  },
});
