import { defineCauses } from '../define-causes.js';
import { LINK } from '../links.js';

/**
 * Problems with the key string itself, found offline. Key formats and the 2026 key changes:
 * ../shared/reference/auth-keys-2026.md §0, §1.1, §5 and key-resolution.md §8, §9 items 13–20, 25–26.
 */
export const KEY_MATERIAL_CAUSES = defineCauses({
  key_missing: {
    id: 'key_missing',
    category: 'key',
    headline: 'no variable your client reads holds a key',
    aboutTheKey: false,
    fixIsNewKeyValue: true,
    severity: 'fail',
    http: 403,
    title: 'No API key was found or sent',
    explanation:
      'The request reached Google without a key (the server then says "Method doesn\'t allow unregistered callers"), or no variable your client reads holds one[ ({variable} is unset or empty)]. An empty variable counts as unset, and some clients silently send no key at all when it is missing.',
    fix: [
      'If you have no key yet, create one on the Google AI Studio API keys page (https://aistudio.google.com/apikey); new keys start with `AQ.`.',
      'Put it in {variable|GEMINI_API_KEY}[ in {file}] or export it in the shell that starts your app. The Google SDKs also read GOOGLE_API_KEY, and prefer it when both are set.',
      'If the key lives in a .env file, load that file before the client is created (for example `import "dotenv/config"` as the first import, or `node --env-file=.env`).',
      'Run `gemini-key-doctor` in your project folder to see which variable each of your tools reads.',
    ],
    outsideDoctorSteps: [3],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys],
  },
  key_placeholder: {
    id: 'key_placeholder',
    category: 'key',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    symptoms: ['key_invalid'],
    severity: 'fail',
    http: 400,
    title: 'The key is a placeholder, not a real key',
    explanation:
      '{variable|The key variable} holds a sample value such as "your-api-key", "YOUR_API_KEY" or "undefined"[ (seen in {file})], so Google answers "API key not valid". This usually means a template like .env.example was copied but never filled in, or the code passed an undefined value.',
    fix: [
      'Copy your real key from the Google AI Studio API keys page (https://aistudio.google.com/apikey).',
      'Replace the placeholder in {variable|the key variable}[ in {file}] with it.',
      'If the value was "undefined", check the code that passes the key: the variable it reads was not set when the client was created.',
      'Run `gemini-key-doctor` again to confirm the key is picked up.',
    ],
    outsideDoctorSteps: [3],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys],
  },
  key_whitespace: {
    id: 'key_whitespace',
    category: 'key',
    headline: '{variable|the key variable} has blanks or a line break around the key',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    symptoms: ['key_invalid', 'key_invisible_chars'],
    severity: 'warn',
    title: 'The key has spaces or line breaks in it',
    explanation:
      '{variable|The key variable}[ ({file})] contains spaces, a tab or a line break around or inside the key[ ({maskedKey})]. Node clients send the key in a fetch header, and fetch strips blanks and line breaks at the ends (the Google SDKs, gemini-cli, LangChain and the Vercel AI SDK all do); curl and other hand-written requests send the value as it is, Python HTTP libraries may refuse a line break in a header, and a space inside the key always breaks it. A trailing carriage return often comes from a Windows (CRLF) file read with `source .env` or `xargs`.',
    fix: [
      'Remove every space, tab and line break from the value[ of {variable}][ in {file}]; quote nothing but the key itself.',
      'If the file has Windows line endings and you load it with `source` or `xargs`, convert it to LF line endings (or load it with dotenv or `node --env-file`, which handle CRLF).',
      'Run `gemini-key-doctor` again to confirm the value is clean.',
    ],
    outsideDoctorSteps: [2],
    links: [LINK.apiKeyDocs],
  },
  key_invisible_chars: {
    id: 'key_invisible_chars',
    category: 'key',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    symptoms: ['key_invalid'],
    severity: 'fail',
    title: 'The key contains invisible or non-ASCII characters',
    explanation:
      '{variable|The key}[ ({file})] contains a character you cannot see or that is not plain ASCII: a zero-width space, a non-breaking space, a byte-order mark or a curly quote, usually picked up when the key was copied from a chat, a document or a web page. Node then fails before sending anything ("Cannot convert argument to a ByteString…") or Google rejects the key.',
    fix: [
      'Copy the key again with the copy button on the Google AI Studio API keys page (https://aistudio.google.com/apikey), not from a chat or a document.',
      'Delete the whole line for {variable|the key variable}[ in {file}] and type it again, pasting only the key.',
      'Save the file as UTF-8 without BOM.',
      'Run `gemini-key-doctor` again to confirm the value is clean.',
    ],
    outsideDoctorSteps: [3],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys],
  },
  key_quoted: {
    id: 'key_quoted',
    category: 'key',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    symptoms: ['key_invisible_chars', 'key_invalid'],
    severity: 'fail',
    http: 400,
    title: 'Quote characters became part of the key',
    explanation:
      'The value of {variable|the key variable}[ in {file}] still contains quote characters after loading. dotenv and Node remove only one matching pair of straight quotes; curly quotes (“ ”), mismatched or doubled quotes and escaped quotes stay in the value and are sent as part of the key.',
    fix: [
      'Write the line as `{variable|GEMINI_API_KEY}=AQ.…` with no quotes, or with one matching pair of straight double quotes[ in {file}].',
      'Replace any curly quotes (“ ” ‘ ’) with straight ones, or remove them; word processors and chat apps insert them.',
      'In JSON, YAML or CI secret settings, enter the bare key: the quotes of the format are not part of the value.',
    ],
    links: [LINK.apiKeyDocs],
  },
  key_malformed: {
    id: 'key_malformed',
    category: 'key',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    symptoms: ['key_invalid'],
    severity: 'fail',
    http: 400,
    title: 'The value does not have the shape of a Gemini API key',
    explanation:
      'Gemini API keys look like `AQ.` followed by about 50 letters, digits, `-` or `_` (auth keys, the default for new keys since 28 May 2026) or `AIza` followed by 35 such characters (standard keys, 39 in all).[ The value seen is {maskedKey}.] The value may be cut short, have extra characters, or have lost the dot of `AQ.` to a tool that strips it.',
    fix: [
      'Copy the full key again with the copy button on the Google AI Studio API keys page (https://aistudio.google.com/apikey).',
      'Paste it into {variable|the key variable}[ in {file}] and check it kept its length and its `AQ.` or `AIza` start.',
      'If a tool refuses a key that starts with `AQ.` because it only accepts `AIza…` keys, the key is fine: update the tool or report it to its authors.',
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys],
  },
  key_wrong_credential: {
    id: 'key_wrong_credential',
    category: 'key',
    aboutTheKey: true,
    fixIsNewKeyValue: true,
    symptoms: ['key_invalid', 'auth_key_rejected', 'key_sent_as_bearer'],
    severity: 'fail',
    http: 400,
    title: 'This is not a Gemini API key',
    explanation:
      '{variable|The key variable} holds {credentialKind}, not a Gemini API key, so the Gemini API rejects it. Common mix-ups are an OpenAI (`sk-…`) or Anthropic (`sk-ant-…`) key, an OAuth access token (`ya29.…`), a JWT and a service-account JSON file.',
    fix: [
      'Create a Gemini API key on the Google AI Studio API keys page (https://aistudio.google.com/apikey).',
      "Put it in {variable|GEMINI_API_KEY}[ in {file}], and keep other providers' keys in their own variables.",
      'If you meant to call Gemini on Vertex AI with a service account, do not use an API-key variable: set up Application Default Credentials (`gcloud auth application-default login`) and set GOOGLE_GENAI_USE_VERTEXAI=true, GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION.',
    ],
    links: [LINK.apiKeyDocs, LINK.adc],
  },
  key_standard_retired: {
    id: 'key_standard_retired',
    category: 'key',
    headline: 'standard (AIza…) keys are being retired, so plan the move to an auth key',
    aboutTheKey: true,
    fixIsNewKeyValue: false,
    advisory: true,
    severity: 'warn',
    title: 'Standard (AIza…) key: plan the move to an auth key',
    explanation:
      '{maskedKey|This key} is a standard key. Since 28 May 2026 Google AI Studio creates auth keys (`AQ.…`), and since 19 June 2026 the Gemini API rejects standard keys that have no API restriction; restricted ones still work. Google announced that all standard keys would stop working in September 2026, and later versions of its page dropped that date, so this key may keep working for now — but migrate.',
    fix: [
      'On the Google AI Studio API keys page (https://aistudio.google.com/apikey), click "Create API key": new keys are auth keys (`AQ.…`).',
      'Replace {maskedKey|the old key} with it in {variable|your key variable}[ ({file})] and in every deployment secret and CI setting.',
      'Test the new key (for example `gemini-key-doctor ask "Hello"`), then delete or revoke the old standard key.',
      'Until then, keep the standard key restricted to the Gemini API: in AI Studio use "Add restrictions" → "Restrict to Gemini API only", or in the Cloud Console Credentials page set API restrictions to the Generative Language API.',
    ],
    links: [LINK.apiKeyDocs, LINK.aiStudioKeys, LINK.cloudApiKeys],
  },
});
