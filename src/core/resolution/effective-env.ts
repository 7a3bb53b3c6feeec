import type { EnvMap } from '../env-map.js';
import type { KeySource } from '../project-snapshot.js';

/** One variable as a client would see it, and where its value came from. */
export interface EnvEntry {
  value: string;
  source: KeySource;
}

/** The environment a client sees after its loader ran: name → value and source. */
export type EffectiveEnv = ReadonlyMap<string, EnvEntry>;

/**
 * The process environment as the doctor saw it (unset names are absent; set-but-empty names stay).
 * On Windows, variable names are case-insensitive (`process.env.GEMINI_API_KEY` finds
 * `gemini_api_key`), so names are stored upper-cased there; the source keeps the real name.
 */
export function shellEnv(env: EnvMap, platform?: NodeJS.Platform): EffectiveEnv {
  const out = new Map<string, EnvEntry>();
  for (const name of Object.keys(env)) {
    const value = env[name];
    if (typeof value !== 'string') continue;
    const key = platform === 'win32' ? name.toUpperCase() : name;
    if (!out.has(key)) out.set(key, { value, source: `env:${name}` });
  }
  return out;
}

/**
 * Adds a file's variables the way dotenv's `populate`, Node's `SetEnvironment` and gemini-cli do:
 * a name already present is never overwritten, even when its value is empty.
 */
export function loadWithoutOverride(
  base: EffectiveEnv,
  variables: ReadonlyMap<string, string>,
  fileLabel: string,
  accept: (name: string, value: string) => string | null = (_name, value) => value,
  override = false,
): EffectiveEnv {
  const out = new Map(base);
  for (const [name, raw] of variables) {
    if (out.has(name) && !override) continue;
    const value = accept(name, raw);
    if (value !== null) out.set(name, { value, source: `file:${fileLabel}:${name}` });
  }
  return out;
}

export function fileLabelOf(source: KeySource): string | null {
  if (!source.startsWith('file:')) return null;
  const end = source.lastIndexOf(':');
  return end > 5 ? source.slice(5, end) : null;
}

/**
 * dotenv 17.2+ reads its options from the environment too (`DOTENV_OVERRIDE` or
 * `DOTENV_CONFIG_OVERRIDE`, dotenv 18 `optionsFromEnv`); its booleans are false only for
 * "false", "0", "no", "off" and "".
 */
export function dotenvOverrides(shell: EffectiveEnv): boolean {
  const raw = shell.get('DOTENV_OVERRIDE')?.value ?? shell.get('DOTENV_CONFIG_OVERRIDE')?.value;
  return raw !== undefined && !['false', '0', 'no', 'off', ''].includes(raw.toLowerCase());
}
