import type { EnvMap } from '../../core/env-map.js';
import type { Finding } from '../../core/finding.js';
import type { ClientResolution, KeyCandidate, ProjectSnapshot } from '../../core/project-snapshot.js';
import type { SecretKey } from '../../core/secret-key.js';
import type { DoctorCore } from '../core-adapter.js';
import type { ProbeContext } from '../probe-candidate.js';
import type { ModelCheck } from '../project-findings.js';
import type { ProjectView } from '../project-view.js';
import type { DoctorReport, ReportKey } from '../report.js';

/** A key some client sends, with where it was seen: what the probes and lints work on. */
export interface ExplicitKey {
  key: SecretKey;
  source: string;
}

/**
 * What the checks share. The project is read before any check runs; each check fills the fields it
 * owns for the checks that depend on it. A check that crashes leaves its fields at their defaults
 * (no resolutions, no candidates), so its dependents still run on what is known.
 */
export interface DoctorState {
  readonly env: EnvMap;
  readonly snapshot: ProjectSnapshot;
  readonly core: DoctorCore;
  readonly shell: DoctorReport['shell'];
  readonly offline: boolean;
  /** Skip the git and source-file look. */
  readonly hygiene: boolean;
  /** A key given explicitly (`--key-env`, `--key-stdin`): the only one linted and probed. */
  readonly explicitKey: ExplicitKey | undefined;
  readonly probe: ProbeContext & { baseUrlSource: DoctorReport['probe']['baseUrlSource'] };
  /** Told when the live probes start, with how many keys (the CLI shows a progress line). */
  readonly onProbing: ((keyCount: number) => void) | undefined;
  /** Which key each client would send (check `env.resolution`). */
  resolutions: ClientResolution[];
  /** Every distinct key value found, with its sources and the clients that send it (`key.candidates`). */
  candidates: KeyCandidate[];
  /** The key an OpenAI client pointed at Gemini would send, when one is set up (`key.candidates`). */
  openAi: ExplicitKey | null;
  /** The server's verdict on each key, by fingerprint (`probe.live`). */
  probed: Map<string, NonNullable<ReportKey['live']>>;
  /** Read the project's source (issue 14); off for library users who ask for the SDK view only. */
  readonly readSource: boolean;
  /** The project as its code runs, when its code holds a Gemini call the doctor follows (`project.read`). */
  project: ProjectView | null;
  /** The model ids the app's code names, and what became of each (`project.model`). */
  models: ModelCheck[];
}

/**
 * One check of the doctor, in the expo-doctor shape: an id, the checks whose results it needs, and
 * a run that returns its findings. The runner turns a crash into a finding; adding a check is one
 * entry in DOCTOR_CHECKS plus its file.
 */
export interface DoctorCheck {
  /** Stable dotted id; also the `check` of the finding the runner makes if this check crashes. */
  id: string;
  dependsOn: readonly string[];
  run(state: DoctorState): Finding[] | Promise<Finding[]>;
}
