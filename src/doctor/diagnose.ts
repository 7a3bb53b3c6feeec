import { displayPath } from '../core/display-path.js';
import type { EnvMap } from '../core/env-map.js';
import type { Finding } from '../core/finding.js';
import { DEFAULT_PROBE_MODEL, GOOGLE_BASE_URL } from '../core/gemini-endpoints.js';
import type { ClientResolution, KeyCandidate } from '../core/project-snapshot.js';
import type { SecretKey } from '../core/secret-key.js';
import { displayUrl, requestBaseUrl } from '../core/url-display.js';
import { readProject } from '../io/read-project.js';
import type { DoctorState } from './checks/check.js';
import { DOCTOR_CHECKS } from './checks/doctor-checks.js';
import { runChecks } from './checks/run-checks.js';
import { type DoctorCore, defaultCore } from './core-adapter.js';
import { assembleFixes } from './fix-plan.js';
import { detectShell } from './platform-fixes.js';
import { projectReport, rebaseOnApp } from './project-findings.js';
import { rankFindings } from './rank.js';
import { type DoctorReport, type ReportClient, type ReportKey, summarize } from './report.js';
import { linkRootCauses } from './root-causes.js';
import { settleConflicts } from './settle-conflicts.js';
import { decideVerdict } from './verdict.js';

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
  /** Told when the live probes start (the CLI shows a progress line on a TTY). */
  onProbing?: (keyCount: number) => void;
  /**
   * Read the project's source (the variable each Gemini call reads, the files its framework loads,
   * the models it names); default true. Off: the SDKs' default lookups decide.
   */
  project?: boolean;
}

/**
 * The doctor: reads the project once, runs the declared checks (DOCTOR_CHECKS) with their
 * dependencies, links symptoms to their root causes, ranks them, and decides the verdict. Never
 * throws for anything found on the machine: a check that crashes becomes a finding.
 */
export async function diagnose(given: DiagnoseOptions = {}): Promise<DoctorReport> {
  const state = await initialState(given);
  const checked = await runChecks(DOCTOR_CHECKS, state);
  // The exit code follows the keys the app really sends (issue 14): findings about keys nothing
  // sends, or about SDK lookups the code overrides, become warnings.
  const found = state.project ? rebaseOnApp(checked, state.project) : checked;
  const settled = settleConflicts(found, state.candidates, state.probed);
  const linked = linkRootCauses(dedupe(settled), state.probed);
  const projectClients = new Set(state.resolutions.filter((r) => r.usedInProject).map((r) => r.client));
  const findings = assembleFixes(
    rankFindings(linked, projectClients.size > 0 ? projectClients : null),
    state,
  );
  const verdict = decideVerdict(findings, {
    online: !state.offline,
    candidates: state.candidates,
    probed: state.probed,
  });
  return {
    schemaVersion: 1,
    ok: verdict.status === 'ok' || verdict.status === 'warn',
    verdict,
    keys: state.candidates.map((c) => reportKey(c, state.probed.get(c.key.fingerprint))),
    findings,
    clients: state.resolutions.map(reportClient),
    summary: summarize(findings),
    probe: {
      offline: state.offline,
      baseUrl: displayUrl(state.probe.baseUrl),
      baseUrlSource: state.probe.baseUrlSource,
      model: state.probe.model,
      generate: state.probe.generate,
    },
    cwd: displayPath(state.snapshot.cwd),
    platform: state.snapshot.platform,
    shell: state.shell,
    ...(state.project ? { project: projectReport(state.project, state.probed, state.models) } : {}),
  };
}

async function initialState(given: DiagnoseOptions): Promise<DoctorState> {
  const env = given.env ?? process.env;
  const core = given.core ?? (await defaultCore());
  const platform = given.platform ?? process.platform;
  const shell = detectShell(env, platform);
  const snapshot = await readProject({
    env,
    cwd: given.cwd ?? process.cwd(),
    ...(given.home !== undefined ? { home: given.home } : {}),
    platform,
    paths: (cwd, home) => core.candidateEnvFilePaths(cwd, home, env, platform),
  });
  return {
    env,
    snapshot,
    core,
    shell,
    offline: given.offline ?? false,
    hygiene: given.hygiene !== false,
    explicitKey: given.key,
    onProbing: given.onProbing,
    probe: {
      ...probeTarget(given, env),
      model: given.model ?? DEFAULT_PROBE_MODEL,
      generate: given.generate ?? false,
      shell,
      ...(given.timeoutMs !== undefined ? { timeoutMs: given.timeoutMs } : {}),
      ...(given.fetch ? { fetch: given.fetch } : {}),
      ...(given.signal ? { signal: given.signal } : {}),
    },
    resolutions: [],
    candidates: [],
    openAi: null,
    probed: new Map(),
    readSource: given.project !== false,
    project: null,
    models: [],
  };
}

function probeTarget(
  options: DiagnoseOptions,
  env: EnvMap,
): Pick<DoctorReport['probe'], 'baseUrl' | 'baseUrlSource'> {
  if (options.baseUrl) return { baseUrl: requestBaseUrl(options.baseUrl), baseUrlSource: 'flag' };
  const fromEnv = env['GOOGLE_GEMINI_BASE_URL']?.trim();
  if (fromEnv) return { baseUrl: requestBaseUrl(fromEnv), baseUrlSource: 'env:GOOGLE_GEMINI_BASE_URL' };
  return { baseUrl: GOOGLE_BASE_URL, baseUrlSource: 'default' };
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
  const client: ReportClient = {
    client: r.client,
    key: r.key ? { masked: r.key.masked, fingerprint: r.key.fingerprint } : null,
    source: r.source,
    baseUrl: displayUrl(r.baseUrl),
    backend: r.backend,
    endpointStyle: r.endpointStyle,
    notes: [...r.notes],
  };
  if (r.usedInProject !== undefined) client.usedInProject = r.usedInProject;
  return client;
}

/**
 * One finding per cause per key: two lint passes agreeing, or the listing and the model probe both
 * answering 429, are one line. Findings without a cause are one per check and title.
 */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const keys = (f.keys ?? []).join(',');
    const id =
      f.cause !== null && keys !== ''
        ? `${f.cause}|${keys}`
        : `${f.check}|${f.cause}|${f.status}|${f.title}|${(f.clients ?? []).join(',')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
