import type { ProjectSnapshot } from '../project-snapshot.js';
import { geminiCliEnvSearchOrder, geminiCliHome, trustedFoldersPath } from './candidate-env-file-paths.js';
import { type EffectiveEnv, loadWithoutOverride, shellEnv } from './effective-env.js';
import { pathLabel } from './path-strings.js';
import { envFileAt, existsAt, fileAt, jsonFileAt, jsonPath, pathApiOf } from './snapshot-files.js';

/** gemini-cli's auth types (packages/core contentGenerator.ts AuthType). */
export type GeminiCliAuthType =
  | 'gemini-api-key'
  | 'vertex-ai'
  | 'gateway'
  | 'oauth-personal'
  | 'compute-default-credentials';

/** Loaded in an untrusted folder (settings.ts AUTH_ENV_VAR_WHITELIST, L89-94). */
const UNTRUSTED_WHITELIST = new Set([
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'GOOGLE_CLOUD_PROJECT',
  'GOOGLE_CLOUD_LOCATION',
]);
/** Skipped from project (non-.gemini) files by default (DEFAULT_EXCLUDED_ENV_VARS, L82-87). */
const EXCLUDED_FROM_PROJECT_FILES = new Set([
  'DEBUG',
  'DEBUG_MODE',
  'GEMINI_CLI_IDE_SERVER_STDIO_COMMAND',
  'GEMINI_CLI_IDE_SERVER_STDIO_ARGS',
]);

export interface GeminiCliView {
  trusted: boolean;
  /** Why we think the folder is (un)trusted. */
  trustReason: string;
  /** The file `findEnvFile()` returns (absolute), or null. */
  envFile: string | null;
  /** What is at envFile: a folder or unreadable file loads nothing, silently. */
  envFileLoaded: boolean;
  /** Existing candidates the search never reaches or skips (absolute). */
  notLoaded: string[];
  authType: GeminiCliAuthType | null;
  authTypeFrom: 'settings' | 'env' | null;
  env: EffectiveEnv;
}

/** Simulates gemini-cli's startup: trust, `findEnvFile()`, loading, auth type (reference §3.1–3.2). */
export function geminiCliView(snapshot: ProjectSnapshot): GeminiCliView {
  const api = pathApiOf(snapshot);
  const cliHome = geminiCliHome(snapshot.home, snapshot.env);
  const userSettings = jsonFileAt(snapshot, api.join(cliHome, '.gemini', 'settings.json'));
  const { trusted, reason } = folderTrust(snapshot, userSettings);
  const workspaceSettings = trusted
    ? jsonFileAt(snapshot, api.join(snapshot.cwd, '.gemini', 'settings.json'))
    : null;
  const setting = (...names: string[]) =>
    jsonPath(workspaceSettings, ...names) ?? jsonPath(userSettings, ...names);
  const ignoreLocalEnv = setting('advanced', 'ignoreLocalEnv') === true;

  const order = geminiCliEnvSearchOrder(snapshot.cwd, snapshot.home, snapshot.env, api);
  let envFile: string | null = null;
  for (const candidate of order) {
    if (!existsAt(snapshot, candidate)) continue;
    const dir = api.dirname(candidate);
    const inDotGemini = api.basename(dir) === '.gemini';
    const folder = inDotGemini ? api.dirname(dir) : dir;
    if (inDotGemini && !trusted) continue;
    if (!inDotGemini && ignoreLocalEnv && api.normalize(folder) !== api.normalize(cliHome)) continue;
    envFile = candidate;
    break;
  }
  const notLoaded = [...new Set(order)].filter(
    (path) => path !== envFile && fileAt(snapshot, path).kind === 'file',
  );

  let env = shellEnv(snapshot.env, snapshot.platform);
  const parsed = envFile === null ? null : envFileAt(snapshot, envFile);
  if (envFile !== null && parsed !== null) {
    const label = pathLabel(envFile, snapshot.cwd, snapshot.home, api);
    const projectFile = !envFile.includes('.gemini');
    env = loadWithoutOverride(env, parsed.dotenv, label, (name, value) => {
      if (projectFile && EXCLUDED_FROM_PROJECT_FILES.has(name)) return null;
      if (trusted) return value;
      // sanitizeEnvVar keeps only [a-zA-Z0-9-_./] (settings.ts L100-102).
      return UNTRUSTED_WHITELIST.has(name) ? value.replace(/[^a-zA-Z0-9\-_./]/g, '') : null;
    });
  }

  const selected = setting('security', 'auth', 'selectedType') ?? setting('selectedAuthType');
  const fromSettings = isAuthType(selected) ? selected : null;
  const fromEnv = fromSettings === null ? authTypeFromEnv(env) : null;
  return {
    trusted,
    trustReason: reason,
    envFile,
    envFileLoaded: parsed !== null,
    notLoaded,
    authType: fromSettings ?? fromEnv,
    authTypeFrom: fromSettings !== null ? 'settings' : fromEnv !== null ? 'env' : null,
    env,
  };
}

/** `getAuthTypeFromEnv()`: exact, case-sensitive comparisons, no trim (contentGenerator.ts ~L80-100). */
function authTypeFromEnv(env: EffectiveEnv): GeminiCliAuthType | null {
  const get = (name: string) => env.get(name)?.value;
  if (get('GOOGLE_GENAI_USE_GCA') === 'true') return 'oauth-personal';
  if (get('GOOGLE_GENAI_USE_VERTEXAI') === 'true') return 'vertex-ai';
  if (get('GOOGLE_GEMINI_BASE_URL')) return 'gateway';
  if (get('GEMINI_API_KEY')) return 'gemini-api-key';
  if (get('CLOUD_SHELL') === 'true' || get('GEMINI_CLI_USE_COMPUTE_ADC') === 'true')
    return 'compute-default-credentials';
  return null;
}

function isAuthType(value: unknown): value is GeminiCliAuthType {
  return (
    value === 'gemini-api-key' ||
    value === 'vertex-ai' ||
    value === 'gateway' ||
    value === 'oauth-personal' ||
    value === 'compute-default-credentials'
  );
}

/**
 * Folder trust (since v0.41, trust.ts ~L46-80): GEMINI_CLI_TRUST_WORKSPACE, then the
 * `security.folderTrust.enabled` switch (default on), then `trustedFolders.json` rules
 * (TRUST_FOLDER trusts the folder and below, TRUST_PARENT its parent, DO_NOT_TRUST that exact folder).
 * The IDE's trust signal is not visible to us. Undecided counts as untrusted (`isTrusted ?? false`).
 */
function folderTrust(snapshot: ProjectSnapshot, userSettings: unknown): { trusted: boolean; reason: string } {
  const api = pathApiOf(snapshot);
  const forced = snapshot.env['GEMINI_CLI_TRUST_WORKSPACE'];
  if (forced === 'true') return { trusted: true, reason: 'GEMINI_CLI_TRUST_WORKSPACE=true' };
  if (forced === 'false') return { trusted: false, reason: 'GEMINI_CLI_TRUST_WORKSPACE=false' };
  if (jsonPath(userSettings, 'security', 'folderTrust', 'enabled') === false) {
    return { trusted: true, reason: 'folder trust is turned off in settings.json' };
  }
  const rules = jsonFileAt(snapshot, trustedFoldersPath(snapshot.home, snapshot.env, api));
  const cwd = api.normalize(snapshot.cwd);
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
    for (const [path, level] of Object.entries(rules)) {
      const root = level === 'TRUST_PARENT' ? api.dirname(path) : level === 'TRUST_FOLDER' ? path : null;
      if (root === null) continue;
      const rel = api.relative(api.normalize(root), cwd);
      if (rel === '' || (!rel.startsWith('..') && !api.isAbsolute(rel))) {
        return { trusted: true, reason: `trusted in trustedFolders.json (${path})` };
      }
    }
    for (const [path, level] of Object.entries(rules)) {
      if (level === 'DO_NOT_TRUST' && api.normalize(path) === cwd) {
        return { trusted: false, reason: 'marked DO_NOT_TRUST in trustedFolders.json' };
      }
    }
  }
  return { trusted: false, reason: 'no trust decision recorded for this folder' };
}
