import { basename, isAbsolute, relative } from 'node:path';
import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';
import { displayPath } from '../core/display-path.js';
import type { EnvMap } from '../core/env-map.js';
import type { CheckStatus, Finding } from '../core/finding.js';
import { DEFAULT_PROBE_MODEL, GOOGLE_BASE_URL } from '../core/gemini-endpoints.js';
import { maskKeysInText } from '../core/key-material.js';
import type { ClientResolution, KeyCandidate, ProjectSnapshot } from '../core/project-snapshot.js';
import { PROJECT_ENV_FILE_NAMES } from '../core/resolution/candidate-env-file-paths.js';
import { type SecretKey, SecretKey as SecretKeyClass } from '../core/secret-key.js';
import { displayUrl, isHttpUrl, parseUrl, requestBaseUrl } from '../core/url-display.js';
import { readProject } from '../io/read-project.js';
import { readProjectHygiene } from '../io/read-project-hygiene.js';
import { type DoctorCore, defaultCore } from './core-adapter.js';
import { describeCause } from './describe-cause.js';
import { hygieneFindings } from './hygiene-findings.js';
import {
  detectShell,
  IDE_NOTE,
  needsKeyValue,
  persistVariableStep,
  variableOfSource,
} from './platform-fixes.js';
import { type ProbeContext, probeCandidate } from './probe-candidate.js';
import { type DoctorReport, type ReportClient, type ReportKey, summarize } from './report.js';

export interface DiagnoseOptions {
  /** The environment the user's programs would see; defaults to process.env. */
  env?: EnvMap;
  /** The project folder; defaults to process.cwd(). */
  cwd?: string;
  home?: string;
  platform?: NodeJS.Platform;
  /** Lint only; no request leaves the machine. */
  offline?: boolean;
  /** Where probes go (`--base-url`); else GOOGLE_GEMINI_BASE_URL; else Google. */
  baseUrl?: string;
  model?: string;
  timeoutMs?: number;
  /** Also spend one generated token (quota, billing, region). */
  generate?: boolean;
  /** A key given explicitly (`--key-env NAME`, `--key-stdin`): the only one linted and probed. */
  key?: { key: SecretKey; source: string };
  /** Skip the git / source-file look (library users who only want the key verdict). */
  hygiene?: boolean;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** The pure core; tests may replace it. */
  core?: DoctorCore;
}

/**
 * The doctor: reads the project once, resolves which key each client would send, lints every key
 * and the environment offline, probes every distinct key live (all at once), and returns the
 * report model. Checks run concurrently; findings come out in a fixed order; a check that throws
 * becomes a finding. Never throws for anything found on the machine.
 */
export async function diagnose(given: DiagnoseOptions = {}): Promise<DoctorReport> {
  const options = { ...given, env: given.env ?? process.env, cwd: given.cwd ?? process.cwd() };
  const core = options.core ?? (await defaultCore());
  const platform = options.platform ?? process.platform;
  const shell = detectShell(options.env, platform);
  const snapshot = await readProject({
    env: options.env,
    cwd: options.cwd,
    ...(options.home !== undefined ? { home: options.home } : {}),
    platform,
    paths: (cwd, home) => core.candidateEnvFilePaths(cwd, home, options.env, platform),
  });
  const crashes: Finding[] = [];
  const guardSync = <T>(check: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      crashes.push(crashFinding(check, error));
      return fallback;
    }
  };
  const resolutions = guardSync(
    'env.resolution',
    () => core.resolveClients(snapshot),
    [] as ClientResolution[],
  );
  const candidates = options.key
    ? [explicitCandidate(options.key, resolutions)]
    : guardSync(
        'key.candidates',
        () => core.collectKeyCandidates(snapshot, resolutions),
        [] as KeyCandidate[],
      );
  const openAi = options.key ? null : openAiCompatibleKey(options.env);
  if (openAi) {
    const same = candidates.find((c) => c.key.equals(openAi.key));
    if (same) same.sources.push(openAi.source);
    else candidates.push({ key: openAi.key, sources: [openAi.source], usedBy: [] });
  }

  const { baseUrl, baseUrlSource } = probeTarget(options);
  const model = options.model ?? DEFAULT_PROBE_MODEL;
  const probeContext: ProbeContext = {
    baseUrl,
    model,
    generate: options.generate ?? false,
    shell,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };

  // A base URL fetch cannot use (not a URL, file:, ftp:) would fail every probe with a misleading
  // "could not connect"; the lint already explains the variable, so the probes are skipped.
  const unusableBase = !options.offline && !isHttpUrl(baseUrl);
  // Everything starts now; results are placed in a fixed order below.
  const liveRuns =
    options.offline || unusableBase
      ? []
      : candidates.map((candidate) =>
          guard(`probe.${candidate.key.fingerprint}`, () =>
            probeCandidate(candidate, resolutions, probeContext, openAi?.key.equals(candidate.key) ?? false),
          ),
        );
  const envFiles = [...snapshot.files.entries()]
    .filter(([path, file]) => file.kind === 'file' && isProjectEnvFile(snapshot.cwd, path))
    .map(([path]) => path);
  const hygieneRun =
    options.hygiene === false
      ? Promise.resolve([] as Finding[])
      : guard('hygiene', async () =>
          hygieneFindings(await readProjectHygiene(snapshot.cwd, envFiles), candidates),
        );

  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const lint = guardSync('key.lint', () => core.lintKey(candidate), [] as Finding[]);
    findings.push(
      ...(lint.length > 0 ? lint.map(withFixes(shell, candidate.sources[0])) : [wellFormed(candidate)]),
    );
  }
  const envFindings = guardSync(
    'env.lint',
    () => core.lintEnvironment(snapshot, resolutions, candidates),
    [] as Finding[],
  );
  // The core models the Gemini clients only: with an OpenAI client pointed at Gemini holding a key,
  // "no key" concerns clients this setup may not use, so it is a warning.
  if (openAi) {
    envFindings.forEach((f, i) => {
      if (f.cause !== 'key_missing' || f.status !== 'fail') return;
      envFindings[i] = {
        ...f,
        status: 'warn',
        detail: `${f.detail} OPENAI_API_KEY, sent by an OpenAI client to Gemini's OpenAI-compatible endpoint, is checked below.`,
      };
    });
  }
  // The core names a missing key itself; this is the fallback when it could not run.
  if (candidates.length === 0 && !envFindings.some((f) => f.cause === 'key_missing')) {
    findings.unshift(noKeyFinding(resolutions, shell));
  }
  findings.push(
    ...(envFindings.length > 0 ? envFindings.map(withFixes(shell, undefined)) : [environmentClean(snapshot)]),
  );
  for (const run of liveRuns) findings.push(...(await run));
  if (options.offline && candidates.length > 0) findings.push(offlineSkip());
  if (unusableBase && candidates.length > 0) findings.push(unusableBaseSkip(baseUrl, baseUrlSource));
  findings.push(...(await hygieneRun), ...crashes);

  const probed = new Map<string, ReportKey['live']>();
  for (const f of findings) {
    if (f.check === 'probe.models' && f.keys?.[0]) probed.set(f.keys[0], verdictOfFinding(f));
  }
  settleConflicts(findings, candidates, probed);
  const deduped = dedupe(findings);
  return {
    schemaVersion: 1,
    ok: !deduped.some((f) => f.status === 'fail'),
    keys: candidates.map((c) => reportKey(c, probed.get(c.key.fingerprint))),
    findings: deduped,
    clients: resolutions.map(reportClient),
    summary: summarize(deduped),
    probe: {
      offline: options.offline ?? false,
      baseUrl: displayUrl(baseUrl),
      baseUrlSource,
      model,
      generate: options.generate ?? false,
    },
    cwd: displayPath(snapshot.cwd),
    platform,
    shell,
  };
}

/**
 * Two keys competing (env_conflict, env_shadowed): once probed, the doctor knows which one is
 * stale, so the first fix step says so instead of "decide which key is right".
 */
function settleConflicts(
  findings: Finding[],
  candidates: readonly KeyCandidate[],
  probed: ReadonlyMap<string, ReportKey['live']>,
): void {
  for (const [index, finding] of findings.entries()) {
    if (finding.cause !== 'env_conflict' && finding.cause !== 'env_shadowed') continue;
    const involved = (finding.keys ?? [])
      .map((fp) => candidates.find((c) => c.key.fingerprint === fp))
      .filter((c): c is KeyCandidate => c !== undefined);
    const live = involved.filter((c) => probed.get(c.key.fingerprint) === 'live');
    const rejected = involved.filter((c) => probed.get(c.key.fingerprint) === 'rejected');
    if (live.length !== 1 || rejected.length === 0) continue;
    const works = `${live[0]!.key.masked} (${live[0]!.sources.join(', ')})`;
    const stale = rejected.map((c) => `${c.key.masked} (${c.sources.join(', ')})`).join(', ');
    findings[index] = {
      ...finding,
      fix: [
        `The live probes settle it: ${works} works, ${stale} was rejected — remove the rejected one or set it to the working key.`,
        ...finding.fix.filter(
          (step) => !/^(Decide which key|Unset the variable that holds the stale key)/.test(step),
        ),
      ],
    };
  }
}

function probeTarget(
  options: DiagnoseOptions & { env: EnvMap },
): Pick<DoctorReport['probe'], 'baseUrl' | 'baseUrlSource'> {
  if (options.baseUrl) return { baseUrl: requestBaseUrl(options.baseUrl), baseUrlSource: 'flag' };
  const fromEnv = options.env['GOOGLE_GEMINI_BASE_URL']?.trim();
  if (fromEnv) return { baseUrl: requestBaseUrl(fromEnv), baseUrlSource: 'env:GOOGLE_GEMINI_BASE_URL' };
  return { baseUrl: GOOGLE_BASE_URL, baseUrlSource: 'default' };
}

/**
 * The OpenAI-compatible route in the user's setup: an OpenAI client pointed at Gemini
 * (OPENAI_BASE_URL …/v1beta/openai/) sends OPENAI_API_KEY as `Authorization: Bearer`.
 */
function openAiCompatibleKey(env: EnvMap): { key: SecretKey; source: string } | null {
  const base = env['OPENAI_BASE_URL'] ?? env['OPENAI_API_BASE'];
  const value = env['OPENAI_API_KEY'];
  if (!base || !value) return null;
  if (!/generativelanguage\.googleapis\.com|\/openai\/?$/.test(base.trim())) return null;
  return { key: new SecretKeyClass(value), source: 'env:OPENAI_API_KEY' };
}

function explicitCandidate(
  given: { key: SecretKey; source: string },
  resolutions: ClientResolution[],
): KeyCandidate {
  const usedBy = resolutions.filter((r) => r.key?.equals(given.key)).map((r) => r.client);
  return { key: given.key, sources: [given.source], usedBy };
}

function noKeyFinding(resolutions: ClientResolution[], shell: DoctorReport['shell']): Finding {
  const evidence: Evidence = { variable: 'GEMINI_API_KEY' };
  const text = describeCause('key_missing', evidence);
  return {
    check: 'key.present',
    status: 'fail',
    cause: 'key_missing',
    title: text.title,
    detail:
      text.detail ||
      `None of ${resolutions.length || 'the'} clients would find a key: GOOGLE_API_KEY, GEMINI_API_KEY and GOOGLE_GENERATIVE_AI_API_KEY are unset, and no .env file here sets them.`,
    fix: [...text.fix, persistVariableStep(shell, 'GEMINI_API_KEY'), IDE_NOTE],
    evidence,
  };
}

function unusableBaseSkip(baseUrl: string, source: DoctorReport['probe']['baseUrlSource']): Finding {
  const from = source === 'flag' ? '--base-url' : source === 'default' ? 'the base URL' : source.slice(4);
  return {
    check: 'probe.models',
    status: 'skip',
    cause: null,
    title: `Live probes skipped: ${from} is not an http(s) URL${parseUrl(baseUrl) ? ` (${displayUrl(baseUrl)})` : ''}`,
    detail: `No client can send a request to it. Fix or unset ${from}, or pass --base-url, to prove the key live.`,
    fix: [],
    evidence: { baseUrl: displayUrl(baseUrl) },
  };
}

function offlineSkip(): Finding {
  return {
    check: 'probe.models',
    status: 'skip',
    cause: null,
    title: 'Live probes skipped (--offline)',
    detail: 'Run without --offline to prove each key against the API.',
    fix: [],
    evidence: {},
  };
}

function wellFormed(candidate: KeyCandidate): Finding {
  const kind =
    candidate.key.kind === 'auth'
      ? 'an auth key'
      : candidate.key.kind === 'standard'
        ? 'a standard key'
        : 'a key';
  return {
    check: 'key.lint',
    status: 'pass',
    cause: null,
    title: `${candidate.key.masked} (${candidate.sources[0]}) is well-formed: ${kind}`,
    detail: `${candidate.key.length} characters, fingerprint ${candidate.key.fingerprint}; used by ${candidate.usedBy.join(', ') || 'no modelled client'}.`,
    fix: [],
    evidence: { maskedKey: candidate.key.masked, keyKind: candidate.key.kind },
    keys: [candidate.key.fingerprint],
  };
}

function environmentClean(snapshot: ProjectSnapshot): Finding {
  const files = [...snapshot.files.entries()].filter(([, f]) => f.kind !== 'missing').map(([p]) => p);
  return {
    check: 'env.resolution',
    status: 'pass',
    cause: null,
    title: 'No conflicting variables, shadowing or unreadable .env files',
    detail:
      files.length > 0 ? `Looked at ${files.join(', ')}.` : 'No .env file in the places the clients look.',
    fix: [],
    evidence: {},
  };
}

/** Adds the platform's "how to set it" steps to findings whose fix is a new key value. */
function withFixes(shell: DoctorReport['shell'], source: string | undefined): (f: Finding) => Finding {
  return (f) => {
    // Inside the doctor, "run the doctor" is no advice.
    const fix = f.fix.filter((step) => !/^Run `gemini-key-doctor` in your project/.test(step));
    if (f.status === 'pass' || !needsKeyValue(f.cause)) return { ...f, fix };
    const variable =
      typeof f.evidence.variable === 'string'
        ? variableOfSource(f.evidence.variable)
        : variableOfSource(source);
    return { ...f, fix: [...fix, persistVariableStep(shell, variable), IDE_NOTE] };
  };
}

function verdictOfFinding(f: Finding): ReportKey['live'] {
  if (f.status === 'pass') return 'live';
  const status = typeof f.evidence.httpStatus === 'number' ? f.evidence.httpStatus : 0;
  if (f.cause === 'quota_exhausted') return 'live';
  if (status >= 400 && status < 500 && f.cause && !f.cause.startsWith('network_')) return 'rejected';
  return 'unknown';
}

function reportKey(candidate: KeyCandidate, live: ReportKey['live']): ReportKey {
  const k = candidate.key;
  const key: ReportKey = {
    source: candidate.sources[0] ?? 'unknown',
    sources: [...candidate.sources],
    kind: k.kind === 'ephemeral' ? 'unknown' : k.kind,
    keyKind: k.kind,
    masked: k.masked,
    fingerprint: k.fingerprint,
    length: k.length,
    usedBy: [...candidate.usedBy],
  };
  if (live) key.live = live;
  return key;
}

function reportClient(r: ClientResolution): ReportClient {
  return {
    client: r.client,
    key: r.key ? { masked: r.key.masked, fingerprint: r.key.fingerprint } : null,
    source: r.source,
    baseUrl: displayUrl(r.baseUrl),
    backend: r.backend,
    endpointStyle: r.endpointStyle,
    notes: [...r.notes],
  };
}

/** Same check, cause and keys twice (two lint passes agreeing) is one line. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.check}|${f.cause}|${f.status}|${f.title}|${(f.keys ?? []).join(',')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function crashFinding(check: string, error: unknown): Finding {
  const status: CheckStatus = 'warn';
  const cause: CauseId = 'unknown';
  return {
    check,
    status,
    cause,
    title: `The check ${check} could not run`,
    detail:
      error instanceof Error
        ? maskKeysInText(`${error.name}: ${error.message}`).slice(0, 200)
        : 'unexpected error',
    fix: ['Run again with GKD_DEBUG=1 and report the issue if it persists.'],
    evidence: {},
  };
}

async function guard(check: string, fn: () => Promise<Finding[]>): Promise<Finding[]> {
  try {
    return await fn();
  } catch (error) {
    return [crashFinding(check, error)];
  }
}

/**
 * A `.env`-family file inside the project folder: what the gitignore advice is about. The snapshot
 * also holds package.json and settings.json, which belong in git (the advice used to say to untrack
 * them), and files of a sibling folder whose name merely starts with the project's.
 */
function isProjectEnvFile(cwd: string, path: string): boolean {
  const inside = relative(cwd, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return false;
  return (PROJECT_ENV_FILE_NAMES as readonly string[]).includes(basename(path));
}
