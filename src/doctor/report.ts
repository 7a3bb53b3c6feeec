import type { CauseId } from '../catalog/cause-id.js';
import type { CheckStatus, Finding } from '../core/finding.js';
import type { ClientId, KeySource } from '../core/project-snapshot.js';

/**
 * The doctor's result, and exactly what `--json` prints (DESIGN.md contract: schemaVersion, ok,
 * keys[], findings[]; everything else is an extension). Holds masked keys and fingerprints only,
 * so no renderer can print a key.
 */
export interface DoctorReport {
  schemaVersion: 1;
  /** No failing finding (warnings allowed) and, online, some key the clients send was proven. */
  ok: boolean;
  /** The one answer that matters most, shown first in every format. */
  verdict: Verdict;
  keys: ReportKey[];
  findings: Finding[];
  /** Which key each client would send, and from where (the matrix). */
  clients: ReportClient[];
  summary: Record<CheckStatus, number>;
  /** Where the live probes went, and why there. */
  probe: {
    offline: boolean;
    baseUrl: string;
    baseUrlSource: 'default' | 'flag' | `env:${string}`;
    model: string;
    generate: boolean;
  };
  cwd: string;
  platform: NodeJS.Platform;
  shell: ShellKind;
  /** The project as its code runs (issue 14): present when the code holds a Gemini call the doctor follows. */
  project?: ReportProject;
}

/** What the doctor read in the project's source, and the key each Gemini call really sends. */
export interface ReportProject {
  root: string;
  workspace: string[] | null;
  workspaceRootAbove: string | null;
  scan: { files: number; read: number; skipped: number; truncated: boolean; parser: 'oxc' | 'none' };
  packages: { path: string; name: string | null; frameworks: string[]; versions: Record<string, string> }[];
  uses: ReportAppUse[];
  models: { id: string; file: string; line: number; status: 'retired' | 'not_found' | 'ok' | 'unchecked' }[];
  /** Under Docker Compose: what each service running one of the apps gets for the key variable its code reads. */
  compose?: ReportComposeUse[];
}

export interface ReportComposeUse {
  /** The compose file (display path). */
  file: string;
  service: string;
  /** The app folder its `build:` context names, or null for an image-only service. */
  package: string | null;
  variable: string;
  key: { masked: string; fingerprint: string } | null;
  source: string | null;
  via: 'environment' | 'env_file' | null;
  /** Why Compose would refuse to start the service (a missing env_file, `${VAR:?err}`). */
  errors: string[];
  verdict: 'works' | 'rejected' | 'missing' | 'unchecked';
}

export interface ReportAppUse {
  package: string;
  client: string;
  call: string;
  /** `GEMINI_API_KEY at app/api/route.ts:8`, or null when the client's own lookup decides. */
  read: { variable: string; file: string; line: number } | null;
  variable: string | null;
  key: { masked: string; fingerprint: string } | null;
  source: string | null;
  rules: string;
  loading: string;
  files: string[];
  browserPrefix: string | null;
  /** works: probed live; rejected: probed and refused; missing: nothing sent; unchecked: offline or unknown. */
  verdict: 'works' | 'rejected' | 'missing' | 'unchecked';
}

/**
 * ok: every check passed; warn: it works, with something to look at; fail: a client cannot work as
 * set up; unverified: online, but no key a client would send got an answer from the server.
 */
export type VerdictStatus = 'ok' | 'warn' | 'fail' | 'unverified';

export interface Verdict {
  status: VerdictStatus;
  /** The root cause that matters most for the clients this project uses; null when all is well. */
  cause: CauseId | null;
  title: string;
  /** One sentence in the user's terms. */
  summary: string;
}

export interface ReportKey {
  /** The first place the key was seen: `env:GOOGLE_API_KEY`, `file:.env:GEMINI_API_KEY`. */
  source: KeySource;
  /** Every place this same key value was seen. */
  sources: KeySource[];
  kind: 'standard' | 'auth' | 'unknown';
  /** The precise kind, including `ephemeral`. */
  keyKind: 'standard' | 'auth' | 'ephemeral' | 'unknown';
  masked: string;
  fingerprint: string;
  length: number;
  usedBy: ClientId[];
  /** The live verdict, when probed. */
  live?: 'live' | 'rejected' | 'unknown';
}

export interface ReportClient {
  client: ClientId;
  key: { masked: string; fingerprint: string } | null;
  source: KeySource | null;
  baseUrl: string;
  backend: 'gemini-api' | 'vertex';
  endpointStyle: 'native' | 'openai';
  notes: string[];
  /** Whether the project's manifests depend on this client; absent when no manifest tells. */
  usedInProject?: boolean;
}

export type ShellKind = 'bash' | 'zsh' | 'fish' | 'powershell' | 'cmd' | 'sh';

export function summarize(findings: readonly Finding[]): Record<CheckStatus, number> {
  const summary: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const finding of findings) summary[finding.status] += 1;
  return summary;
}
