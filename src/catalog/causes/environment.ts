import { defineCauses } from '../define-causes.js';
import { LINK } from '../links.js';

/**
 * Where the key comes from and where it goes: ../shared/reference/key-resolution.md §0 (which client
 * reads which variable) and §9 (pitfalls 1–11, 18–22).
 */
export const ENVIRONMENT_CAUSES = defineCauses({
  env_conflict: {
    id: 'env_conflict',
    category: 'environment',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    symptoms: ['key_invalid', 'key_expired', 'key_leaked', 'standard_key_rejected', 'auth_key_rejected'],
    settledByProbeSteps: [0, 1],
    severity: 'warn',
    title: 'GOOGLE_API_KEY and GEMINI_API_KEY hold different keys',
    explanation:
      'Both variables are set to different keys. @google/genai and google-genai use GOOGLE_API_KEY when both are set, while gemini-cli uses GEMINI_API_KEY, so your tools do not use the same key and one of them may be stale. GOOGLE_API_KEY is a generic name often left over from Maps, Firebase or LangChain setups.',
    fix: [
      'Decide which key is the right one: `gemini-key-doctor` probes each key and shows which tools use it.',
      'Unset the variable that holds the stale key[ ({variable} or {otherVariable})], or set both to the same key.',
      'Look for the stale value in your shell profile (~/.bashrc, ~/.zshrc, ~/.profile), your .env files[ (such as {file})] and your CI or deployment secrets, so it does not come back.',
    ],
    links: [LINK.apiKeyDocs],
  },
  env_wrong_name: {
    id: 'env_wrong_name',
    category: 'environment',
    clientCodeStep: 1,
    headline:
      '{client|your client} reads {expectedVariable|another variable}, not {variable|the variable you set}',
    aboutTheKey: false,
    fixIsNewKeyValue: true,
    symptoms: ['key_missing'],
    severity: 'fail',
    title: 'The key is in a variable your client does not read',
    explanation:
      'The key is set in {variable|a variable}[, but {client} reads {expectedVariable}]. Each client reads its own names: @google/genai and google-genai read GOOGLE_API_KEY, then GEMINI_API_KEY; gemini-cli reads GEMINI_API_KEY; the Vercel AI SDK reads GOOGLE_GENERATIVE_AI_API_KEY; LangChain reads GOOGLE_API_KEY; the legacy @google/generative-ai reads no variable at all.',
    fix: [
      'Rename {variable|the variable} to {expectedVariable|the name your client reads (see above)}[ in {file}], or set both names to the same key.',
      'Or pass the key explicitly in code, e.g. `new GoogleGenAI(\\{ apiKey: process.env.GEMINI_API_KEY \\})`.',
      'Run `gemini-key-doctor` again: it lists which key each client would use.',
    ],
    outsideDoctorSteps: [2],
    links: [LINK.apiKeyDocs],
  },
  env_shadowed: {
    id: 'env_shadowed',
    category: 'environment',
    headline: '{variable|a variable} set in the shell hides the value in {file|.env}',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    symptoms: [
      'key_missing',
      'key_invalid',
      'key_expired',
      'key_leaked',
      'standard_key_rejected',
      'auth_key_rejected',
    ],
    severity: 'warn',
    title: 'A variable set in the shell hides the value in .env',
    explanation:
      "{variable|The key variable} is already set in the environment[ and {file} sets it too]. dotenv, Node's --env-file and gemini-cli never override a variable that is already set — even an empty one — so the value from the file is ignored.",
    fix: [
      'Run `unset {variable|GEMINI_API_KEY}` (PowerShell: `Remove-Item Env:{variable|GEMINI_API_KEY}`) and start your app again from that shell.',
      'Remove the old export from your shell profile (~/.bashrc, ~/.zshrc, ~/.profile), your IDE run configuration or your system environment settings.',
      'Or, if the file should win, load it with `dotenv.config(\\{ override: true \\})`.',
    ],
    links: [LINK.nodeEnvFile, LINK.apiKeyDocs],
  },
  dotenv_is_directory: {
    id: 'dotenv_is_directory',
    category: 'environment',
    headline: '{file|.env} is a folder, so your app loads no key from it',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    symptoms: ['key_missing'],
    severity: 'fail',
    title: '.env is a folder, not a file',
    explanation:
      '{file|.env} is a directory — often a Python virtual environment created as `.env`. dotenv silently loads nothing ("injected env (0)"), Node\'s --env-file fails, and gemini-cli counts it as found, stops searching and also skips ~/.gemini/.env.',
    fix: [
      'Rename the folder: if it is a Python virtual environment, `mv .env .venv` and recreate or re-activate it from the new name.',
      'Create .env as a plain file holding `GEMINI_API_KEY=…`.',
      'Run `gemini-key-doctor` again to confirm the key is loaded.',
    ],
    outsideDoctorSteps: [2],
    links: [LINK.nodeEnvFile],
  },
  dotenv_encoding: {
    id: 'dotenv_encoding',
    category: 'environment',
    headline: 'your app cannot read {file|the .env file}: it is not saved as UTF-8',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    symptoms: ['key_missing'],
    severity: 'fail',
    title: '{file|.env} is saved in an encoding the loader cannot read',
    explanation:
      "{file|The .env file} is UTF-16 or starts with a byte-order mark. dotenv finds nothing in a UTF-16 file (what Windows PowerShell 5 writes with `echo … > .env`), and Node's --env-file reads the first name with an invisible BOM in front, so that variable is never set.",
    fix: [
      'Save {file|the file} as UTF-8 without BOM (in VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8").',
      'In PowerShell, write the file with `Set-Content -Encoding ascii .env "GEMINI_API_KEY=…"` instead of `echo … > .env`.',
      'Run `gemini-key-doctor` again to confirm the key is read.',
    ],
    outsideDoctorSteps: [2],
    links: [LINK.nodeEnvFile],
  },
  dotenv_not_loaded: {
    id: 'dotenv_not_loaded',
    category: 'environment',
    headline: 'your app does not load {file|the .env file}',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    symptoms: ['key_missing'],
    severity: 'warn',
    title: '{file|A .env file} exists but your app will not load it',
    explanation:
      'dotenv reads `.env` from the current working directory only, so running from a subfolder, a monorepo package or a workspace script misses a file higher up. gemini-cli loads only the first `.gemini/.env` or `.env` it finds walking up, and skips some in untrusted folders. A client created before `dotenv.config()` runs sees no key at all.',
    fix: [
      'Start the app from the folder that holds {file|the .env file}, or load it by path: `dotenv.config(\\{ path: "{file|.env}" \\})` or `node --env-file={file|.env}`.',
      'Load it before any client is created: put `import "dotenv/config"` first in your entry file.',
      "For gemini-cli, put the key in the project's `.gemini/.env` or in ~/.gemini/.env, and trust the folder.",
    ],
    links: [LINK.nodeEnvFile, LINK.apiKeyDocs],
  },
  vertex_mode_enabled: {
    id: 'vertex_mode_enabled',
    category: 'environment',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    title: 'GOOGLE_GENAI_USE_VERTEXAI sends your requests to Vertex AI',
    explanation:
      '{variable|GOOGLE_GENAI_USE_VERTEXAI} is set[ to "{value}"][ (in {file})], which switches the Google SDKs and gemini-cli to Vertex AI. An AI Studio key then goes to aiplatform.googleapis.com, where it fails with 401 or 403; and if GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION are set too, the SDK drops the key and tries Application Default Credentials. Tools disagree on which values mean true ("1", "True"), so one tool may switch while another does not.',
    fix: [
      'If you use an AI Studio key, unset {variable|GOOGLE_GENAI_USE_VERTEXAI} (and GOOGLE_GENAI_USE_ENTERPRISE)[ and remove it from {file}].',
      'If you do want Vertex AI, use Application Default Credentials (`gcloud auth application-default login`) with GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION, or a key created for Vertex AI express mode.',
    ],
    links: [LINK.vertexExpress, LINK.adc, LINK.apiKeyDocs],
  },
  base_url_override: {
    id: 'base_url_override',
    category: 'environment',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'warn',
    title: 'Requests go to {baseUrl|a custom base URL}, not to Google',
    explanation:
      '{variable|A base-URL setting} points the client at {baseUrl|a host that is not Google\'s}, so your key is sent there instead of to generativelanguage.googleapis.com. A proxy or relay sees your key, and its "invalid key" answers are its own, not Google\'s.',
    fix: [
      'Unless you use that proxy on purpose, unset {variable|GOOGLE_GEMINI_BASE_URL}[ (set in {file})] so requests go to https://generativelanguage.googleapis.com.',
      'If you do use the proxy, give it the key it expects and check its own documentation for its errors.',
      'If you do not recognise the host, treat the key as exposed: create a new key in Google AI Studio and delete the old one.',
    ],
    links: [LINK.apiKeyDocs],
  },
  proxy_ignored_by_node: {
    id: 'proxy_ignored_by_node',
    category: 'environment',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'warn',
    title: "{variable|HTTPS_PROXY} is set, but Node's fetch ignores it",
    explanation:
      "{variable|A proxy variable} is set, but Node's built-in fetch — which @google/genai, the Vercel AI SDK and LangChain use — ignores HTTP_PROXY, HTTPS_PROXY and NO_PROXY unless NODE_USE_ENV_PROXY=1 or --use-env-proxy is given (Node 24, and 22.21 and later; Node 20 has neither). Requests then go out directly: behind a corporate proxy they time out or fail to connect, while curl, Python and gemini-cli, which honour the variable, work.",
    fix: [
      'On Node 24 (or 22.21 and later), run your app with `NODE_USE_ENV_PROXY=1` or `node --use-env-proxy`.',
      "On Node 20, route fetch through the proxy in code: `import \\{ setGlobalDispatcher, EnvHttpProxyAgent \\} from 'undici'; setGlobalDispatcher(new EnvHttpProxyAgent());` before the client is created.",
      'If you do not need the proxy for Google, ignore this warning (or unset {variable|the variable}).',
    ],
    links: [LINK.nodeEnvProxy],
  },
});
