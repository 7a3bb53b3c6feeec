import type { Evidence } from '../../catalog/types.js';
import type { Finding } from '../finding.js';
import { fingerprintOf, maskKey } from '../key-material.js';
import type { ClientId } from '../project-snapshot.js';
import { envFilePaths } from '../resolution/collect-key-candidates.js';
import type { EffectiveEnv, EnvEntry } from '../resolution/effective-env.js';
import { fileLabelOf, loadWithoutOverride } from '../resolution/effective-env.js';
import {
  EXPECTED_VARIABLE,
  isKeyLikeVariable,
  isKnownKeyVariable,
  isWrongKeyName,
  PUBLIC_PREFIXES,
} from '../resolution/key-variables.js';
import { frameworkLoadsEnvLocal } from '../resolution/project-clients.js';
import { envFileAt } from '../resolution/snapshot-files.js';
import { causeFinding } from './cause-finding.js';
import type { LintContext } from './lint-context.js';

/** The variables each SDK client reads (reference §0). */
const READS: Partial<Record<ClientId, readonly string[]>> = {
  '@google/genai': ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  'google-genai': ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  '@ai-sdk/google': ['GOOGLE_GENERATIVE_AI_API_KEY'],
  '@langchain/google-genai': ['GOOGLE_API_KEY'],
};

function entryEvidence(name: string, entry: EnvEntry | undefined): Evidence {
  const file = entry === undefined ? null : fileLabelOf(entry.source);
  return file === null ? { variable: name } : { variable: name, file };
}

/**
 * What the project's app sees: shell + ./.env, plus `.env.local` where a framework (Next.js, Vite…)
 * loads it, so GEMINI_API_KEY in a Next.js app's .env.local is judged against @ai-sdk/google's name.
 */
function appEnvironment(ctx: LintContext): EffectiveEnv {
  if (!frameworkLoadsEnvLocal(ctx.snapshot)) return ctx.dotenvEnv;
  const local = envFileAt(ctx.snapshot, ctx.api.join(ctx.snapshot.cwd, '.env.local'));
  return local === null ? ctx.dotenvEnv : loadWithoutOverride(ctx.dotenvEnv, local.dotenv, '.env.local');
}

/** key_missing, env_wrong_name (per client the project uses, then stray names), env_conflict. */
export function keyVariableFindings(ctx: LintContext): Finding[] {
  const reported = new Set<string>();
  return [
    ...(ctx.anyClientHasKey ? [] : [noKeyAnywhereFinding(ctx)]),
    ...projectClientFindings(ctx, reported),
    ...strayNameFindings(ctx, reported),
    ...conflictFindings(ctx),
  ];
}

/** No client finds a key: one key_missing, pointing at the findings that say where values went. */
function noKeyAnywhereFinding(ctx: LintContext): Finding {
  const seen = ctx.candidates.flatMap((c) => c.sources);
  return causeFinding(
    'env.key',
    'key_missing',
    { variable: 'GEMINI_API_KEY' },
    {
      clients: ctx.resolutions.map((r) => r.client),
      ...(seen.length > 0
        ? {
            detail: `Values were found in ${seen.slice(0, 4).join(', ')}, but no client reads them from there: see the findings below.`,
          }
        : {}),
    },
  );
}

/**
 * Clients the project depends on that find no key: an app usually loads ./.env, so each is judged
 * on shell + ./.env. A key under another name is env_wrong_name (its name goes into `reported`).
 */
function projectClientFindings(ctx: LintContext, reported: Set<string>): Finding[] {
  if (ctx.inProject === null) return [];
  const findings: Finding[] = [];
  for (const r of ctx.resolutions) {
    const reads = READS[r.client];
    if (reads === undefined || r.key !== null || !ctx.inProject.has(r.client)) continue;
    const appEnv = appEnvironment(ctx);
    if (reads.some((name) => appEnv.get(name)?.value.trim())) continue;
    const other = [...appEnv.entries()].find(
      ([name, e]) => e.value.trim() !== '' && isKeyLikeVariable(name, e.value) && !reads.includes(name),
    );
    if (other !== undefined) {
      const [name, entry] = other;
      reported.add(name);
      findings.push(
        causeFinding(
          'env.name',
          'env_wrong_name',
          { ...entryEvidence(name, entry), expectedVariable: EXPECTED_VARIABLE[r.client], client: r.client },
          { clients: [r.client], keys: [fingerprintOf(entry.value)], status: 'fail' },
        ),
      );
    } else if (ctx.anyClientHasKey) {
      findings.push(
        causeFinding(
          'env.key',
          'key_missing',
          { variable: EXPECTED_VARIABLE[r.client], client: r.client },
          { clients: [r.client] },
        ),
      );
    }
  }
  return findings;
}

/** Stray names (GEMINI_KEY, VITE_GEMINI_API_KEY…) whose key no client sends, in the shell or any env file. */
function strayNameFindings(ctx: LintContext, reported: ReadonlySet<string>): Finding[] {
  const used = new Set(ctx.candidates.filter((c) => c.usedBy.length > 0).map((c) => c.key.fingerprint));
  const stray = new Map<string, EnvEntry>();
  const consider = (name: string, entry: EnvEntry) => {
    if (
      !isWrongKeyName(name) ||
      !isKeyLikeVariable(name, entry.value) ||
      entry.value.trim() === '' ||
      reported.has(name)
    )
      return;
    if (ctx.snapshot.platform === 'win32' && isKnownKeyVariable(name.toUpperCase())) return; // Windows env names ignore case
    if (used.has(fingerprintOf(entry.value)) || used.has(fingerprintOf(entry.value.trim()))) return;
    if (!stray.has(name)) stray.set(name, entry);
  };
  for (const [name, entry] of ctx.shell) consider(name, entry);
  for (const path of envFilePaths(ctx.snapshot)) {
    const parsed = envFileAt(ctx.snapshot, path);
    if (parsed === null) continue;
    for (const [name, value] of parsed.dotenv)
      consider(name, { value, source: `file:${ctx.label(path)}:${name}` });
  }
  return [...stray].map(([name, entry]) =>
    causeFinding(
      'env.name',
      'env_wrong_name',
      { ...entryEvidence(name, entry), expectedVariable: 'GEMINI_API_KEY' },
      {
        keys: [fingerprintOf(entry.value)],
        status: ctx.anyClientHasKey ? 'warn' : 'fail',
        ...strayNameDetail(name),
      },
    ),
  );
}

/** Why a stray name is wrong, when the name itself tells: a browser prefix, or the wrong case. */
function strayNameDetail(name: string): { detail?: string } {
  const publicPrefix = PUBLIC_PREFIXES.find((p) => name.toUpperCase().startsWith(p));
  if (publicPrefix)
    return {
      detail: `${publicPrefix}… variables are for browser bundles: server code does not read them, and the bundler ships their value to every visitor — never give a Gemini key that prefix.`,
    };
  if (name !== name.toUpperCase() && isKnownKeyVariable(name.toUpperCase()))
    return {
      detail: `Variable names are case-sensitive on Linux and macOS: ${name} is not ${name.toUpperCase()}.`,
    };
  return {};
}

/** GOOGLE_API_KEY and GEMINI_API_KEY both set to different keys, in any environment a client sees. */
function conflictFindings(ctx: LintContext): Finding[] {
  // One finding per pair of places the two variables come from: a loader that cleans a value
  // (gemini-cli in an untrusted folder) gives the same pair a second value, not a second conflict.
  // Of the readings, keep the one whose values clients really send.
  const bySources = new Map<string, { finding: Finding; clientsNamed: number }>();
  const seen = new Set<string>();
  const envs: EffectiveEnv[] = [ctx.shell, ctx.dotenvEnv, ctx.nodeEnv, ctx.gemini.env];
  for (const env of envs) {
    const google = env.get('GOOGLE_API_KEY');
    const gemini = env.get('GEMINI_API_KEY');
    const g = google?.value.trim() ?? '';
    const m = gemini?.value.trim() ?? '';
    if (g === '' || m === '' || g === m) continue;
    const pair = `${fingerprintOf(g)}:${fingerprintOf(m)}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const byKey = (value: string) =>
      ctx.resolutions.filter((r) => r.key !== null && r.key.reveal() === value).map((r) => r.client);
    const googleClients = byKey(g);
    const geminiClients = byKey(m);
    const send = (clients: string[]) => `${clients.join(', ')} ${clients.length === 1 ? 'sends' : 'send'}`;
    const parts = [
      googleClients.length > 0
        ? `${send(googleClients)} the GOOGLE_API_KEY one (${maskKey(g)})`
        : `GOOGLE_API_KEY holds ${maskKey(g)}`,
      geminiClients.length > 0
        ? `${send(geminiClients)} the GEMINI_API_KEY one (${maskKey(m)})`
        : `GEMINI_API_KEY holds ${maskKey(m)}`,
    ];
    const file = fileLabelOf(google?.source ?? '') ?? fileLabelOf(gemini?.source ?? '');
    const sources = `${google?.source ?? ''}|${gemini?.source ?? ''}`;
    const clientsNamed = googleClients.length + geminiClients.length;
    const kept = bySources.get(sources);
    if (kept && kept.clientsNamed >= clientsNamed) continue;
    const finding = causeFinding(
      'env.precedence',
      'env_conflict',
      { variable: 'GOOGLE_API_KEY', otherVariable: 'GEMINI_API_KEY', ...(file ? { file } : {}) },
      {
        keys: [fingerprintOf(g), fingerprintOf(m)],
        clients: [...googleClients, ...geminiClients],
        detail: `Here ${parts.join('; ')}.`,
      },
    );
    bySources.set(sources, { finding, clientsNamed });
  }
  return [...bySources.values()].map((entry) => entry.finding);
}
