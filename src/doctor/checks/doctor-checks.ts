import type { DoctorCheck } from './check.js';
import { envLintCheck } from './env-lint.js';
import { hygieneCheck } from './hygiene.js';
import { keyCandidatesCheck } from './key-candidates.js';
import { keyLintCheck } from './key-lint.js';
import { liveProbesCheck } from './live-probes.js';
import { projectKeyReadCheck, projectKeysCheck, projectModelsCheck, projectReadCheck } from './project.js';
import { resolveClientsCheck } from './resolve-clients.js';

/**
 * The doctor's checks, in report order. The runner starts each one when its dependencies are done;
 * a new check is one entry here plus its file.
 */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  projectReadCheck,
  resolveClientsCheck,
  keyCandidatesCheck,
  keyLintCheck,
  envLintCheck,
  liveProbesCheck,
  projectKeysCheck,
  projectKeyReadCheck,
  projectModelsCheck,
  hygieneCheck,
];
