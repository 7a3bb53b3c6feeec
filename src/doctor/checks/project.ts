import type { Finding } from '../../core/finding.js';
import { appUseFindings, browserKeyFindings, modelChecks } from '../project-findings.js';
import { readProjectView } from '../project-view.js';
import type { DoctorCheck } from './check.js';

/**
 * The project as its code runs (issue 14): the source's key reads, the Gemini calls they feed, the
 * files each app's framework loads. Starts at once, beside the SDK resolution; `key.candidates`
 * waits for it so the keys the app sends are linted and probed with the others.
 */
export const projectReadCheck: DoctorCheck = {
  id: 'project.read',
  dependsOn: [],
  async run(state): Promise<Finding[]> {
    if (state.explicitKey || !state.readSource) return [];
    state.project = await readProjectView(state.snapshot);
    return [];
  },
};

/** The model ids the app's code names: retired ones fail, others are asked of the API beside the key probes. */
export const projectModelsCheck: DoctorCheck = {
  id: 'project.model',
  dependsOn: ['project.read', 'key.candidates'],
  async run(state): Promise<Finding[]> {
    if (!state.project) return [];
    const usable = /^https?:\/\//.test(state.probe.baseUrl);
    const checked = await modelChecks(state.project, state.probe, state.offline || !usable);
    state.models = checked.models;
    return checked.findings;
  },
};

/** One finding per Gemini call site: the variable the code reads, the file that sets it, the key sent and its verdict. */
export const projectKeyReadCheck: DoctorCheck = {
  id: 'project.key-read',
  dependsOn: ['project.read', 'key.candidates', 'probe.live'],
  run(state): Finding[] {
    if (!state.project) return [];
    const cli = state.project.model.packages.some((p) => p.geminiCli)
      ? (state.resolutions.find((r) => r.client === 'gemini-cli') ?? null)
      : null;
    state.project.cliUse = cli;
    return [
      ...appUseFindings(state.project, state.candidates, state.probed, state.shell),
      ...browserKeyFindings(state.project),
    ];
  },
};
