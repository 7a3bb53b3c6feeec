import { defineCauses } from '../define-causes.js';
import { LINK } from '../links.js';

/**
 * The server rejected the key or the way it was sent. Facts: ../shared/reference/auth-keys-2026.md
 * §0 (summary), §1.1 (restricting and migrating keys), §1.3/§1.5 (no IAM role needed on the bound
 * service account), §2 (transport), §3 (real payloads), §7 (prefix + reason together).
 */
export const SERVER_KEY_CAUSES = defineCauses({
  key_invalid: {
    id: 'key_invalid',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    severity: 'fail',
    http: 400,
    title: 'Google does not recognise this API key',
    explanation:
      'The key does not exist as Google received it[ ({maskedKey})][ — Google answered {answered}]. It may have a typo, be cut short or carry extra characters, belong to a deleted key, or not be the key you think your app uses.',
    fix: [
      'Copy the key again with the copy button on the Google AI Studio API keys page (https://aistudio.google.com/apikey) and check it is still listed there; a deleted key never comes back.',
      'Check which variable your app really reads and that the value has no quotes, spaces or stray characters: `gemini-key-doctor` shows this for every tool in the project.',
      'If the key is an old standard key (`AIza…`), create a new key in AI Studio instead: new keys are auth keys (`AQ.…`).',
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys, LINK.troubleshooting],
  },
  key_expired: {
    id: 'key_expired',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    severity: 'fail',
    http: 400,
    title: 'The API key or token has expired',
    explanation:
      'The key has expired[ ({maskedKey})][ — Google answered {answered}]. The key was given an expiry, or it is a short-lived ephemeral token (`auth_tokens/…`) used after its lifetime.',
    fix: [
      'Create a new key on the Google AI Studio API keys page (https://aistudio.google.com/apikey).',
      'Replace the old key in {variable|your key variable}[ ({file})] and in your deployment secrets, then delete the expired one.',
      'If you use ephemeral tokens, mint a fresh token from your server for each session instead of reusing an old one.',
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys],
  },
  key_leaked: {
    id: 'key_leaked',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    severity: 'fail',
    http: 403,
    title: 'Google blocked this key because it was found leaked',
    explanation:
      'Google found this key[ ({maskedKey})] in a public place — a repository, a website bundle, a notebook, a paste — and blocked it for good ("Your API key was reported as leaked"). It cannot be unblocked: anyone who saw it could have used it.',
    fix: [
      'Create a new key on the Google AI Studio API keys page (https://aistudio.google.com/apikey).',
      'Put the new key in {variable|your key variable}[ ({file})], your deployment secrets and your CI settings, and test it.',
      'Delete the leaked key in AI Studio once the new one works.',
      'Find where it leaked: run `gemini-key-doctor scan --history` to search your files and git history, and remove the key from public repos, client-side code and shared notebooks. Deleting a commit does not un-leak a key that was already public.',
      'Keep it from happening again: never put the key in browser or mobile code, and block keys at commit time with `gemini-key-doctor scan --staged` (or `gemini-key-doctor hook install`).',
      "Check the project's usage and billing in AI Studio for use you did not make.",
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys, LINK.aiStudioUsage],
  },
  standard_key_rejected: {
    id: 'standard_key_rejected',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    severity: 'fail',
    http: 400,
    title: 'Google rejected this standard (AIza…) key',
    explanation:
      'Since 19 June 2026 the Gemini API rejects standard keys that have no API restriction, and Google announced that all standard keys would follow. The error usually reads 401 "Expected OAuth 2 access token…" (ACCESS_TOKEN_TYPE_UNSUPPORTED): that wording is misleading — you do not need OAuth, you need a key Google still accepts.',
    fix: [
      'Fastest: on the Google AI Studio API keys page (https://aistudio.google.com/apikey), click "Create API key" (new keys are auth keys, `AQ.…`) and use it in {variable|your key variable}[ ({file})].',
      'Or restrict the existing key[ {maskedKey}] to the Gemini API: in AI Studio click "Add restrictions" → "Restrict to Gemini API only", or in the Cloud Console Credentials page[ for project {project}] set API restrictions to the Generative Language API.',
      'Do not set up OAuth or service-account credentials because of the message: they are not needed for the Gemini API.',
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys, LINK.credentialsConsole],
  },
  standard_key_unrestricted: {
    id: 'standard_key_unrestricted',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 401,
    title: 'This standard key has no API restriction, so the Gemini API refuses it',
    explanation:
      'The standard key[ {maskedKey}] is not restricted to any API. Since 19 June 2026 the Gemini API rejects unrestricted standard keys; standard keys restricted to the Gemini API keep working for now.',
    fix: [
      'In Google AI Studio (https://aistudio.google.com/apikey), find the key marked "Unrestricted", click "Add restrictions", choose "Restrict to Gemini API only" and confirm with "Restrict key".',
      'Or in the Cloud Console Credentials page[ for project {project}], edit the key and under API restrictions select the Generative Language API.',
      'If the same key also serves other APIs (Maps, Firebase…), leave it for them without the Gemini API and create a separate key for Gemini in AI Studio.',
      'Plan the move to an auth key (`AQ.…`): new AI Studio keys are auth keys.',
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys, LINK.credentialsConsole, LINK.cloudApiKeys],
  },
  auth_key_rejected: {
    id: 'auth_key_rejected',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    severity: 'fail',
    http: 401,
    title: 'Google did not accept the key as a credential (the misleading "Expected OAuth 2" error)',
    explanation:
      'Google did not accept the key[ ({maskedKey})] as a credential[ — it answered {answered}]. When the message asks for an "OAuth 2 access token", that is not an OAuth problem.[ The key sent is {keyKindName}.] With an auth key (`AQ.…`) Google says it is not caused by the key format: the key was usually cut or altered, sent the wrong way, or the key or its project is not provisioned right. If the key is a standard `AIza…` key, the 2026 standard-key policy is the likely cause.',
    fix: [
      'Check the key is complete: an auth key is `AQ.` plus about 50 characters (53 in all), and the dot after `AQ` must still be there[ (the key sent was {maskedKey})].',
      'Send it only in the `x-goog-api-key` header to generativelanguage.googleapis.com — not as `Authorization: Bearer`, and not also as `?key=`. The official SDKs do this for you.',
      "Create a new key on the Google AI Studio API keys page (https://aistudio.google.com/apikey) and try it; if it fails the same way, create the key in a new project (Google's own advice for this error).",
      'If it is a standard `AIza…` key, restrict it to the Gemini API or replace it with a new auth key.',
      "Do not set up OAuth and do not add IAM roles to the key's service account: the Gemini API needs none.",
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys, LINK.troubleshooting],
  },
  auth_key_unsupported_endpoint: {
    id: 'auth_key_unsupported_endpoint',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 403,
    title: 'The key was sent to a service it is not restricted to',
    explanation:
      'An auth key only works on the APIs it is restricted to, and AI Studio keys are restricted to the Gemini API (generativelanguage.googleapis.com) by default. Sending one to Vertex AI (aiplatform.googleapis.com) gets "Requests to this API … are blocked" or "API has not been used in project …"; a key made for Vertex AI express mode fails on the Gemini API the same way. The `AQ.` prefix does not tell the two kinds apart.[ This request went to {service}.]',
    fix: [
      'For an AI Studio key, call https://generativelanguage.googleapis.com: unset GOOGLE_GENAI_USE_VERTEXAI and remove `vertexai: true` from the client options.',
      'For Vertex AI, use a key created for Vertex AI express mode, or Application Default Credentials.',
      'If a tool routes `AQ.` keys to Vertex AI by itself, update it or set its provider to "Gemini API" / "Google AI Studio" explicitly.',
    ],
    links: [LINK.apiKeyDocs, LINK.vertexExpress, LINK.cloudApiKeys],
  },
  auth_key_service_account: {
    id: 'auth_key_service_account',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 401,
    title: 'The service account behind this auth key cannot be used',
    explanation:
      'An auth key runs as the service account it is bound to[ in project {project}]. If that account was disabled or deleted, or the binding is blocked by the organization policy "Block service account API key bindings", the key stops working. The Gemini API needs no IAM role on that account, so adding roles does not help.',
    fix: [
      "In the Cloud Console Service accounts page[ for project {project}], check that the key's service account exists and is enabled.",
      'Simplest: create a new key on the Google AI Studio API keys page (https://aistudio.google.com/apikey); AI Studio creates and binds a fresh service account.',
      'If AI Studio says "You do not have permission to create a key in this project", ask for the Editor role (or the API-key and service-account permissions listed on the API keys page), or use a project that is not in an organization.',
    ],
    links: [LINK.apiKeyDocs, LINK.serviceAccountsConsole, LINK.cloudApiKeys],
  },
  multiple_credentials: {
    id: 'multiple_credentials',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 400,
    title: 'Two credentials were sent; Google accepts exactly one',
    explanation:
      'Google received more than one credential[ on {endpoint}][ — it answered {answered}]. Your client sent the key twice — for example `Authorization: Bearer` plus `x-goog-api-key` or `?key=` — or an OAuth token together with a key. It happens most on the OpenAI-compatible endpoint. This is a client setup problem, not a bad key.',
    fix: [
      'On the OpenAI-compatible endpoint (…/v1beta/openai/), send the key only as `Authorization: Bearer`: configure the OpenAI client with `apiKey` and `baseURL` and remove extra `x-goog-api-key` headers and `?key=` parameters.',
      'On native endpoints (…/v1beta/models/…), send the key only in the `x-goog-api-key` header and no `Authorization` header.',
      'Check proxies, gateways and framework settings that add an `Authorization` header or Google credentials of their own.',
    ],
    links: [LINK.openaiCompat, LINK.apiKeyDocs],
  },
  key_sent_as_bearer: {
    id: 'key_sent_as_bearer',
    category: 'server',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    severity: 'fail',
    http: 401,
    title: 'An API key was sent as an OAuth bearer token',
    explanation:
      'The request sent the API key as `Authorization: Bearer …` to a native Gemini endpoint[ ({endpoint})], which reads a bearer value as an OAuth access token and answers 401 "Expected OAuth 2 access token…". Only the OpenAI-compatible endpoint takes the key as a bearer token.',
    fix: [
      'Send the key in the `x-goog-api-key` header instead (the official SDKs do this).',
      'If you use an OpenAI client, set its base URL to https://generativelanguage.googleapis.com/v1beta/openai/ — that endpoint takes `Authorization: Bearer <key>`.',
      'Do not add both: two credentials get "Multiple authentication credentials received".',
    ],
    links: [LINK.apiKeyDocs, LINK.openaiCompat],
  },
});
