import type { EnvMap } from '../env-map.js';
import { type PathApi, pathApiFor, selfAndAncestors } from './path-strings.js';

/**
 * `.env` variants that sit in the working folder. dotenv and Node load only `.env`; frameworks
 * (Next.js, Vite) also load the `.local`/mode files; `env` and `.env.txt` are misnamings we report.
 */
export const PROJECT_ENV_FILE_NAMES = [
  '.env',
  '.env.local',
  '.env.development',
  '.env.development.local',
  '.env.production',
  '.env.production.local',
  '.env.test',
  'env',
  '.env.txt',
] as const;

/** Files that tell which clients the project uses (dependency lists). */
export const PROJECT_MANIFEST_NAMES = ['package.json', 'requirements.txt', 'pyproject.toml'] as const;

/** Where an installed @langchain/google-genai says its version (its key rules changed in 2.3.0). */
export const LANGCHAIN_PACKAGE_JSON = ['node_modules', '@langchain', 'google-genai', 'package.json'] as const;

/** gemini-cli's home: `$GEMINI_CLI_HOME`, else the OS home (core/src/utils/paths.ts, reference §3.1). */
export function geminiCliHome(home: string, env: EnvMap): string {
  const custom = env['GEMINI_CLI_HOME'];
  return custom !== undefined && custom !== '' ? custom : home;
}

/** `~/.gemini/trustedFolders.json`, or `$GEMINI_CLI_TRUSTED_FOLDERS_PATH`. */
export function trustedFoldersPath(home: string, env: EnvMap, api: PathApi): string {
  const custom = env['GEMINI_CLI_TRUSTED_FOLDERS_PATH'];
  return custom !== undefined && custom !== ''
    ? custom
    : api.join(geminiCliHome(home, env), '.gemini', 'trustedFolders.json');
}

/**
 * gemini-cli's `findEnvFile()` candidates in search order (settings.ts ~L559-596): in each folder
 * from cwd to the filesystem root, `.gemini/.env` then `.env`; then `~/.gemini/.env`, `~/.env`.
 * Trust and `ignoreLocalEnv` filter this list later; the walk itself has no `.git` stop.
 */
export function geminiCliEnvSearchOrder(cwd: string, home: string, env: EnvMap, api: PathApi): string[] {
  const out: string[] = [];
  for (const dir of selfAndAncestors(cwd, api))
    out.push(api.join(dir, '.gemini', '.env'), api.join(dir, '.env'));
  const cliHome = geminiCliHome(home, env);
  out.push(api.join(cliHome, '.gemini', '.env'), api.join(cliHome, '.env'));
  return out;
}

/**
 * Every absolute path the I/O edge must snapshot for the core, as a pure function of path strings:
 * - the working folder's `.env` family (PROJECT_ENV_FILE_NAMES);
 * - gemini-cli's walk-up search (`.gemini/.env`, `.env` in cwd and every parent, then home);
 * - gemini-cli's settings: `~/.gemini/settings.json` (auth type, folder-trust switch),
 *   `trustedFolders.json`, and the workspace `.gemini/settings.json`;
 * - manifests (package.json, requirements.txt, pyproject.toml) in cwd and every parent, to know
 *   which clients the project uses.
 * Whether git ignores a `.env` is asked of git by the edge (src/io/read-project-hygiene.ts), not parsed here.
 * `env` is read only for GEMINI_CLI_HOME and GEMINI_CLI_TRUSTED_FOLDERS_PATH.
 */
export function candidateEnvFilePaths(
  cwd: string,
  home: string,
  env: EnvMap = {},
  platform?: NodeJS.Platform,
): string[] {
  const api = pathApiFor(cwd, platform);
  const paths = new Set<string>();
  for (const name of PROJECT_ENV_FILE_NAMES) paths.add(api.join(cwd, name));
  for (const path of geminiCliEnvSearchOrder(cwd, home, env, api)) paths.add(path);
  const cliHome = geminiCliHome(home, env);
  paths.add(api.join(cliHome, '.gemini', 'settings.json'));
  paths.add(trustedFoldersPath(home, env, api));
  paths.add(api.join(cwd, '.gemini', 'settings.json'));
  for (const dir of selfAndAncestors(cwd, api)) {
    for (const name of PROJECT_MANIFEST_NAMES) paths.add(api.join(dir, name));
    paths.add(api.join(dir, ...LANGCHAIN_PACKAGE_JSON));
  }
  return [...paths];
}
