import type { Finding } from '../../core/finding.js';
import type { DoctorCheck } from './check.js';

/** Which key each modelled client would send, from where, to which endpoint. */
export const resolveClientsCheck: DoctorCheck = {
  id: 'env.resolution',
  dependsOn: [],
  run(state): Finding[] {
    state.resolutions = state.core.resolveClients(state.snapshot);
    return [];
  },
};
