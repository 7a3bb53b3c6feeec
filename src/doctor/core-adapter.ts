import type { EnvMap } from '../core/env-map.js';
import type { Finding } from '../core/finding.js';
import type { ClientResolution, KeyCandidate, ProjectSnapshot } from '../core/project-snapshot.js';

/** The pure core's functions the pipeline calls (resolution, candidates, lint). */
export interface DoctorCore {
  candidateEnvFilePaths(cwd: string, home: string, env: EnvMap, platform: NodeJS.Platform): readonly string[];
  resolveClients(snapshot: ProjectSnapshot): ClientResolution[];
  collectKeyCandidates(snapshot: ProjectSnapshot, resolutions: readonly ClientResolution[]): KeyCandidate[];
  lintKey(candidate: KeyCandidate): Finding[];
  lintEnvironment(
    snapshot: ProjectSnapshot,
    resolutions: readonly ClientResolution[],
    candidates: readonly KeyCandidate[],
  ): Finding[];
}

/** Loaded lazily so that `explain` and `--help` never pay for it. */
export async function defaultCore(): Promise<DoctorCore> {
  const [paths, resolve, collect, key, environment] = await Promise.all([
    import('../core/resolution/candidate-env-file-paths.js'),
    import('../core/resolution/resolve-clients.js'),
    import('../core/resolution/collect-key-candidates.js'),
    import('../core/lint/lint-key.js'),
    import('../core/lint/lint-environment.js'),
  ]);
  return {
    candidateEnvFilePaths: paths.candidateEnvFilePaths,
    resolveClients: resolve.resolveClients,
    collectKeyCandidates: collect.collectKeyCandidates,
    lintKey: key.lintKey,
    lintEnvironment: environment.lintEnvironment,
  };
}
