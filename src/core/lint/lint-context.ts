import type { CheckStatus } from '../finding.js';
import type { ClientId, ClientResolution, KeyCandidate, ProjectSnapshot } from '../project-snapshot.js';
import { type EffectiveEnv, shellEnv } from '../resolution/effective-env.js';
import { type GeminiCliView, geminiCliView } from '../resolution/gemini-cli-env.js';
import { type PathApi, pathLabel } from '../resolution/path-strings.js';
import { clientsInProject } from '../resolution/project-clients.js';
import { loaderEnv } from '../resolution/resolve-clients.js';
import { pathApiOf } from '../resolution/snapshot-files.js';

/** What every environment rule needs, computed once per `lintEnvironment` call. */
export interface LintContext {
  snapshot: ProjectSnapshot;
  resolutions: readonly ClientResolution[];
  candidates: readonly KeyCandidate[];
  api: PathApi;
  /** Clients the manifests name, or null when unknown. */
  inProject: Set<ClientId> | null;
  gemini: GeminiCliView;
  shell: EffectiveEnv;
  dotenvEnv: EffectiveEnv;
  nodeEnv: EffectiveEnv;
  /** `.env` in the working folder (absolute). */
  dotEnvPath: string;
  label: (path: string) => string;
  /** The environment a client reads after its loader ran. */
  envOf: (client: ClientId) => EffectiveEnv;
  /** A failure that affects only clients the project does not use is a warning. */
  statusFor: (clients: readonly ClientId[], status: CheckStatus) => CheckStatus;
  anyClientHasKey: boolean;
}

export function lintContext(
  snapshot: ProjectSnapshot,
  resolutions: readonly ClientResolution[],
  candidates: readonly KeyCandidate[],
): LintContext {
  const api = pathApiOf(snapshot);
  const inProject = clientsInProject(snapshot);
  const gemini = geminiCliView(snapshot);
  const shell = shellEnv(snapshot.env, snapshot.platform);
  const dotenvEnv = loaderEnv(snapshot, 'dotenv').env;
  const nodeEnv = loaderEnv(snapshot, 'node --env-file').env;
  return {
    snapshot,
    resolutions,
    candidates,
    api,
    inProject,
    gemini,
    shell,
    dotenvEnv,
    nodeEnv,
    dotEnvPath: api.join(snapshot.cwd, '.env'),
    label: (path) => pathLabel(path, snapshot.cwd, snapshot.home, api),
    envOf: (client) =>
      client === 'dotenv'
        ? dotenvEnv
        : client === 'node --env-file'
          ? nodeEnv
          : client === 'gemini-cli'
            ? gemini.env
            : shell,
    statusFor: (clients, status) => {
      if (status !== 'fail') return status;
      const used = (c: ClientId) =>
        c === 'gemini-cli' ? inProject?.has(c) === true : inProject === null || inProject.has(c);
      return clients.length === 0 || clients.some(used) ? status : 'warn';
    },
    anyClientHasKey: resolutions.some((r) => r.key !== null),
  };
}
