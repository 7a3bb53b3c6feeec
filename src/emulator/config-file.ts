import { z } from 'zod';
import { maskKeysInText } from '../core/key-material.js';
import { parseScenarioSpec } from './scenario-sequence.js';

/**
 * The `emulate --config FILE` format: map your own test keys to scenarios, and set the knobs.
 *
 * {
 *   "keys": { "<a key, or fp:<8 hex fingerprint>>": "quota_exhausted*2,ok" },
 *   "latencyMs": 0, "legacyStandardKeys": false, "retryDelaySeconds": 2, "projectNumber": "123456789012"
 * }
 *
 * A `fp:` entry matches the key whose SHA-256 fingerprint starts with those 8 hex characters, so
 * the file need not hold the key itself.
 */
const scenarioSpec = z.string().superRefine((spec, ctx) => {
  const parsed = parseScenarioSpec(spec);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
});

export const EmulatorConfigSchema = z
  .object({
    keys: z.record(z.string().min(1), scenarioSpec).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    legacyStandardKeys: z.boolean().optional(),
    retryDelaySeconds: z.number().min(0).max(3600).optional(),
    projectNumber: z
      .string()
      .regex(/^\d{6,20}$/, 'must be a project number (digits)')
      .optional(),
  })
  .strict();

export type EmulatorConfig = z.infer<typeof EmulatorConfigSchema>;

export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
}

/** Parses and validates a config file's text; throws EmulatorConfigError with one readable line. */
export function parseEmulatorConfig(text: string, fileName: string): EmulatorConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // V8 quotes the text around the error ("…", "AIzaSy…"... is not valid JSON): that text may be
    // a piece of a key, so only the reason and the position are kept.
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const safe = why.replace(/,?\s*(?:\.\.\.)?".*$/, '');
    throw new EmulatorConfigError(`${fileName}: not valid JSON (${safe})`);
  }
  const result = EmulatorConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    // Never echo a key used as a map key: name the entry by position instead.
    const safeWhere = issue.path[0] === 'keys' && issue.path.length > 1 ? 'keys[entry]' : where;
    // An unknown top-level name is often a key written outside "keys": only a name that reads
    // like a setting (a short word, as in a typo) is repeated.
    const message = issue.code === 'unrecognized_keys' ? unknownSettings(issue.keys) : issue.message;
    throw new EmulatorConfigError(maskKeysInText(`${fileName}: ${safeWhere}: ${message}`));
  }
  return result.data;
}

function unknownSettings(names: readonly string[]): string {
  const shown = names.filter((name) => /^[A-Za-z_]{1,30}$/.test(name)).map((name) => `"${name}"`);
  const what = shown.length > 0 ? `unknown setting ${shown.join(', ')}` : 'unknown setting';
  return `${what} (expected ${Object.keys(EmulatorConfigSchema.shape).join(', ')}); map your keys inside "keys"`;
}
