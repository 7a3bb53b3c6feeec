import type { ClientId, ClientResolution, ProjectSnapshot } from '../project-snapshot.js';
import { CLIENT_IDS } from '../project-snapshot.js';
import { SecretKey } from '../secret-key.js';
import { LANGCHAIN_PACKAGE_JSON } from './candidate-env-file-paths.js';
import { clientKeyRule } from './client-key-rules.js';
import { dotenvOverrides, type EffectiveEnv, loadWithoutOverride, shellEnv } from './effective-env.js';
import { type GeminiCliAuthType, geminiCliView } from './gemini-cli-env.js';
import {
  decideGoogleSdk,
  GEMINI_API_BASE_URL,
  JS_SDK,
  PYTHON_SDK,
  vertexBaseUrl,
} from './google-sdk-rules.js';
import { pathLabel, selfAndAncestors } from './path-strings.js';
import { clientsInProject } from './project-clients.js';
import { envFileAt, fileAt, jsonFileAt, jsonPath, pathApiOf } from './snapshot-files.js';

/** @ai-sdk/google's default base URL (google-provider.ts); it has no base-URL env variable. */
const AI_SDK_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

/**
 * Which key each modelled client would send, from where, to which base URL and backend.
 * The SDK rows see the process environment only (the SDKs never read a file); the `dotenv` and
 * `node --env-file` rows are an app that loads `./.env` with that loader and then creates
 * `new GoogleGenAI()`; gemini-cli loads the one file its walk-up search finds.
 */
export function resolveClients(snapshot: ProjectSnapshot): ClientResolution[] {
  const inProject = clientsInProject(snapshot);
  return CLIENT_IDS.map((client) => {
    const resolution = resolveOne(client, snapshot);
    return inProject === null ? resolution : { ...resolution, usedInProject: inProject.has(client) };
  });
}

function resolveOne(client: ClientId, snapshot: ProjectSnapshot): ClientResolution {
  const shell = shellEnv(snapshot.env, snapshot.platform);
  switch (client) {
    case '@google/genai':
      return withFileHint(googleSdk(client, shell, JS_SDK), snapshot, ['GOOGLE_API_KEY', 'GEMINI_API_KEY']);
    case 'google-genai': {
      const r = googleSdk(client, shell, PYTHON_SDK);
      if (r.key === null && r.backend === 'gemini-api')
        r.notes.push('google-genai raises "No API key was provided" here');
      return withFileHint(r, snapshot, ['GOOGLE_API_KEY', 'GEMINI_API_KEY']);
    }
    case '@ai-sdk/google':
      return withFileHint(aiSdk(shell), snapshot, ['GOOGLE_GENERATIVE_AI_API_KEY']);
    case '@langchain/google-genai':
      return withFileHint(langchain(shell, snapshot), snapshot, ['GOOGLE_API_KEY', 'GEMINI_API_KEY']);
    case 'dotenv':
      return loaderThenSdk(client, snapshot);
    case 'node --env-file':
      return loaderThenSdk(client, snapshot);
    case 'gemini-cli':
      return geminiCli(snapshot);
  }
}

function googleSdk(client: ClientId, env: EffectiveEnv, flavour: typeof JS_SDK): ClientResolution {
  const d = decideGoogleSdk(env, flavour);
  const notes = [...d.notes];
  if (d.vertex && d.vertexVariable)
    notes.push(`Vertex AI backend: ${d.vertexVariable.name}=${d.vertexVariable.value}`);
  if (d.baseUrlVariable) notes.push(`base URL from ${d.baseUrlVariable.name}`);
  if (client === '@google/genai') {
    notes.push('an explicit `apiKey` in code, or an x-goog-api-key in httpOptions.headers, overrides this');
    if (d.key === null && !d.vertex)
      notes.push(
        'with no key it falls back to Application Default Credentials: it throws "Could not load the default credentials", or sends a gcloud OAuth token — never an unkeyed request (checked on 2.32.0 and 1.20.0)',
      );
  }
  return {
    client,
    key: d.key === null ? null : new SecretKey(d.key),
    source: d.keyEntry?.source ?? null,
    baseUrl: d.baseUrl,
    backend: d.vertex ? 'vertex' : 'gemini-api',
    endpointStyle: 'native',
    notes,
  };
}

/** Fetch's `Headers` strip leading and trailing HTTP whitespace: what the fetch-based clients really send. */
function sentThroughFetch(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

function aiSdk(env: EffectiveEnv): ClientResolution {
  const entry = env.get('GOOGLE_GENERATIVE_AI_API_KEY');
  const notes = [
    'reads GOOGLE_GENERATIVE_AI_API_KEY only, on every request; fetch trims the header value, so padding is not sent',
  ];
  if (entry !== undefined && entry.value === '')
    notes.push('GOOGLE_GENERATIVE_AI_API_KEY is set but empty: it is sent as an empty key');
  if (entry === undefined) notes.push('throws LoadAPIKeyError: GOOGLE_GENERATIVE_AI_API_KEY is not set');
  const sent = entry?.value ? sentThroughFetch(entry.value) : '';
  const key = sent ? new SecretKey(sent) : null;
  return base('@ai-sdk/google', key, key ? (entry?.source ?? null) : null, AI_SDK_BASE_URL, notes);
}

/**
 * @langchain/google-genai: 2.3.0 and later read `GOOGLE_API_KEY || GEMINI_API_KEY` (2.3.2
 * chat_models.js L447); 0.2.18 – 2.2.x read GOOGLE_API_KEY only (2.2.0 L440). The version is the
 * installed one, else the manifest's range; unknown means the newest rules.
 */
function langchain(env: EffectiveEnv, snapshot: ProjectSnapshot): ClientResolution {
  const found = langchainVersion(snapshot);
  const rule = clientKeyRule('@langchain/google-genai', found?.version ?? null);
  const label = found
    ? `${found.version} (${found.from}; ${rule.range} rules)`
    : `unknown version (${rule.range} rules)`;
  const names = rule.defaultVariables;
  const entry = names.map((n) => env.get(n)).find((e) => e?.value);
  const notes = [
    `${label}: reads ${names.join(' || ')} when the model is created; fetch trims the header value`,
  ];
  if (!entry)
    notes.push(
      `throws "Please set an API key for Google GenerativeAI…": ${names.join(' and ')} unset or empty`,
    );
  const sent = entry ? sentThroughFetch(entry.value) : '';
  const key = sent ? new SecretKey(sent) : null;
  return base(
    '@langchain/google-genai',
    key,
    key ? (entry?.source ?? null) : null,
    GEMINI_API_BASE_URL,
    notes,
  );
}

/** The installed @langchain/google-genai (node_modules in cwd or a parent), else the range in package.json. */
function langchainVersion(
  snapshot: ProjectSnapshot,
): { version: string; from: 'installed' | 'range' } | null {
  const api = pathApiOf(snapshot);
  for (const dir of selfAndAncestors(snapshot.cwd, api)) {
    const installed = jsonPath(jsonFileAt(snapshot, api.join(dir, ...LANGCHAIN_PACKAGE_JSON)), 'version');
    if (typeof installed === 'string') return { version: installed, from: 'installed' };
    const pkg = jsonFileAt(snapshot, api.join(dir, 'package.json'));
    for (const field of ['dependencies', 'devDependencies']) {
      const range = jsonPath(pkg, field, '@langchain/google-genai');
      const m = typeof range === 'string' ? /(\d+)\.(\d+)\.(\d+)/.exec(range) : null;
      if (m) return { version: m[0], from: 'range' };
    }
  }
  return null;
}

/** gemini-cli's auth types in the user's words (its own names, such as "gateway", are jargon). */
const AUTH_TYPE_WORDS: Record<GeminiCliAuthType, string> = {
  'gemini-api-key': 'signs in with GEMINI_API_KEY',
  gateway: 'sends GEMINI_API_KEY to the GOOGLE_GEMINI_BASE_URL server',
  'vertex-ai': 'signs in to Vertex AI',
  'oauth-personal': 'signs in with a Google account, not a key',
  'compute-default-credentials': "uses the machine's Google Cloud credentials, not a key",
};

/** The environment an app sees after loading `./.env` with dotenv or Node (no override), and why it may not. */
export function loaderEnv(
  snapshot: ProjectSnapshot,
  client: 'dotenv' | 'node --env-file',
): { env: EffectiveEnv; notes: string[] } {
  const path = pathApiOf(snapshot).join(snapshot.cwd, '.env');
  const file = fileAt(snapshot, path);
  const parsed = envFileAt(snapshot, path);
  const notes: string[] = [];
  let env = shellEnv(snapshot.env, snapshot.platform);
  if (parsed !== null) {
    const override = client === 'dotenv' && dotenvOverrides(env);
    if (override) notes.push("DOTENV_CONFIG_OVERRIDE is on: values from .env replace the environment's");
    env = loadWithoutOverride(
      env,
      client === 'dotenv' ? parsed.dotenv : parsed.node,
      '.env',
      undefined,
      override,
    );
  } else if (file.kind === 'directory') {
    notes.push(
      client === 'dotenv'
        ? '.env is a folder: dotenv loads nothing, silently'
        : '.env is a folder: node fails with ".env: invalid format"',
    );
  } else if (file.kind === 'missing') {
    notes.push(
      client === 'dotenv'
        ? 'no .env in the working folder (dotenv does not look in parent folders)'
        : 'no .env: `node --env-file=.env` exits with ".env: not found"',
    );
  } else if (file.kind === 'unreadable') {
    notes.push(`.env cannot be read (${file.reason})`);
  }
  return { env, notes };
}

/** An app that loads ./.env with dotenv or Node, then calls `new GoogleGenAI()`. */
function loaderThenSdk(client: 'dotenv' | 'node --env-file', snapshot: ProjectSnapshot): ClientResolution {
  const { env, notes } = loaderEnv(snapshot, client);
  const r = googleSdk('@google/genai', env, JS_SDK);
  const loaded =
    env.get('GEMINI_API_KEY')?.source.startsWith('file:') ||
    [...env.values()].some((e) => e.source.startsWith('file:'));
  if (client === 'dotenv' && loaded && env.get('DOTENV_CONFIG_QUIET')?.value !== 'true') {
    // dotenv 17.x logs to stdout by default (reference §7.1): it corrupts stdio protocols such as MCP.
    notes.push(
      'dotenv 17+ prints "injected env (N) from .env" to stdout unless DOTENV_CONFIG_QUIET=true (breaks stdio protocols such as MCP)',
    );
  }
  notes.push(
    client === 'dotenv'
      ? '`dotenv.config()` in the working folder (never overrides a set variable), then @google/genai'
      : '`node --env-file=.env` / `process.loadEnvFile()` (never overrides a set variable), then @google/genai',
  );
  return { ...r, client, notes: [...notes, ...r.notes.filter((n) => !n.startsWith('an explicit'))] };
}

function geminiCli(snapshot: ProjectSnapshot): ClientResolution {
  const view = geminiCliView(snapshot);
  const api = pathApiOf(snapshot);
  const notes: string[] = [];
  if (view.envFile !== null) {
    const label = pathLabel(view.envFile, snapshot.cwd, snapshot.home, api);
    notes.push(
      view.envFileLoaded
        ? `loads ${label} (first file of its walk-up search)`
        : `stops its search at ${label}, which it cannot read (loads nothing)`,
    );
  } else notes.push('finds no .env file');
  notes.push(
    view.trusted
      ? `folder trusted (${view.trustReason})`
      : `folder untrusted (${view.trustReason}): .gemini/.env files skipped, only 4 key/project variables loaded from .env`,
  );
  notes.push(
    view.authType === null
      ? 'no sign-in method selected (settings.json or env)'
      : `${AUTH_TYPE_WORDS[view.authType]} (from ${view.authTypeFrom})`,
  );
  const env = view.env;
  const get = (name: string) => env.get(name);
  const customUrl = (name: string) => {
    const entry = get(name);
    return entry?.value ? entry : undefined;
  };
  // API-key and gateway modes both send GEMINI_API_KEY to the Gemini API (or GOOGLE_GEMINI_BASE_URL).
  const geminiApiKeyResolution = () => {
    const entry = get('GEMINI_API_KEY');
    const key = entry?.value ? new SecretKey(entry.value) : null;
    const url = customUrl('GOOGLE_GEMINI_BASE_URL');
    return base(
      'gemini-cli',
      key,
      key ? (entry?.source ?? null) : null,
      url?.value ?? GEMINI_API_BASE_URL,
      notes,
    );
  };
  switch (view.authType) {
    case 'gemini-api-key':
    case null: {
      const entry = get('GEMINI_API_KEY');
      if (!entry?.value)
        notes.push(
          'GEMINI_API_KEY unset or empty: gemini-cli falls back to a key saved in the OS keychain, if any (not visible here)',
        );
      if (get('GOOGLE_API_KEY')?.value) notes.push('GOOGLE_API_KEY is ignored in gemini-api-key mode');
      if (get('GEMINI_API_KEY_AUTH_MECHANISM')?.value === 'bearer')
        notes.push('GEMINI_API_KEY_AUTH_MECHANISM=bearer also sends the key as a Bearer token');
      return geminiApiKeyResolution();
    }
    case 'gateway': {
      if (!get('GEMINI_API_KEY')?.value)
        notes.push('gateway mode with no GEMINI_API_KEY sends an empty x-goog-api-key');
      return geminiApiKeyResolution();
    }
    case 'vertex-ai': {
      const entry = get('GOOGLE_API_KEY');
      const key = entry?.value ? new SecretKey(entry.value) : null;
      notes.push(
        key
          ? 'Vertex AI express mode with GOOGLE_API_KEY (GEMINI_API_KEY is ignored)'
          : 'Vertex AI with GOOGLE_CLOUD_PROJECT/LOCATION and Application Default Credentials',
      );
      const location = get('GOOGLE_CLOUD_LOCATION')?.value || undefined;
      if (!key && !(get('GOOGLE_CLOUD_PROJECT')?.value && location)) {
        notes.push(
          'gemini-cli refuses to start: Vertex AI needs GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION, or GOOGLE_API_KEY',
        );
      }
      // contentGenerator.ts ~L347-366: us/eu use the regional REP hosts, with or without a key.
      const rep = location === 'us' || location === 'eu';
      const url = customUrl('GOOGLE_VERTEX_BASE_URL')?.value ?? vertexBaseUrl(location, key !== null && !rep);
      return {
        ...base('gemini-cli', key, key ? (entry?.source ?? null) : null, url, notes),
        backend: 'vertex',
      };
    }
    case 'oauth-personal':
    case 'compute-default-credentials':
      notes.push('signs in with a Google account or Compute credentials: no API key is sent');
      return base('gemini-cli', null, null, GEMINI_API_BASE_URL, notes);
  }
}

function base(
  client: ClientId,
  key: SecretKey | null,
  source: string | null,
  baseUrl: string,
  notes: string[],
): ClientResolution {
  return { client, key, source, baseUrl, backend: 'gemini-api', endpointStyle: 'native', notes };
}

/** An SDK row with no key from the environment: say so when ./.env would supply one to an app that loads it. */
function withFileHint(
  r: ClientResolution,
  snapshot: ProjectSnapshot,
  names: readonly string[],
): ClientResolution {
  if (r.key !== null) return r;
  const parsed = envFileAt(snapshot, pathApiOf(snapshot).join(snapshot.cwd, '.env'));
  const shell = shellEnv(snapshot.env, snapshot.platform);
  const inFile = names.find((name) => parsed?.dotenv.get(name) && !shell.has(name));
  if (inFile !== undefined)
    r.notes.push(
      `${inFile} is in ./.env: this client sees it only if the app loads the file (dotenv, --env-file)`,
    );
  return r;
}
