import type { Finding } from '../../core/finding.js';
import { isHttpUrl } from '../../core/url-display.js';
import { composeFindings } from '../compose-findings.js';
import { probeCandidate } from '../probe-candidate.js';
import { keyVerdict } from '../probe-key.js';
import { appUseFindings, browserKeyFindings, modelChecks } from '../project-findings.js';
import { addProjectCandidates, readProjectView } from '../project-view.js';
import type { DoctorCheck } from './check.js';
import { crashFinding } from './run-checks.js';

/**
 * The project as its code runs (issue 14): the source's key reads, the Gemini calls they feed, the
 * files each app's framework loads. Starts at once and runs beside the SDK resolution and the key
 * probes, so reading the source costs no extra round trip.
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

/**
 * The keys the app sends that no SDK lookup found (a monorepo package's `.env.local`, Streamlit
 * secrets, a parent `.env` python-dotenv walks to): added to the candidates, linted and probed
 * here, beside the other probes. Keys already known are only given their new sources.
 */
export const projectKeysCheck: DoctorCheck = {
  id: 'project.keys',
  dependsOn: ['project.read', 'key.candidates'],
  async run(state): Promise<Finding[]> {
    if (!state.project) return [];
    const known = new Set(state.candidates.map((c) => c.key.fingerprint));
    addProjectCandidates(state.project, state.candidates);
    const added = state.candidates.filter((c) => !known.has(c.key.fingerprint));
    const findings = added.flatMap((c) => state.core.lintKey(c));
    if (added.length === 0 || state.offline || !isHttpUrl(state.probe.baseUrl)) return findings;
    const probed = await Promise.all(
      added.map((c) =>
        probeCandidate(c, state.resolutions, state.probe, false).catch((error: unknown) => [
          crashFinding(`probe.${c.key.fingerprint}`, error),
        ]),
      ),
    );
    for (const f of probed.flat()) {
      const fingerprint = f.keys?.[0];
      if (f.check !== 'probe.models' || fingerprint === undefined) continue;
      const status = typeof f.evidence.httpStatus === 'number' ? f.evidence.httpStatus : undefined;
      state.probed.set(fingerprint, f.status === 'pass' ? 'live' : keyVerdict(f.cause, status));
    }
    return [...findings, ...probed.flat()];
  },
};

/** The model ids the app's code names: retired ones fail, others are asked of the API beside the key probes. */
export const projectModelsCheck: DoctorCheck = {
  id: 'project.model',
  dependsOn: ['project.keys'],
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
  dependsOn: ['project.keys', 'probe.live'],
  run(state): Finding[] {
    if (!state.project) return [];
    const cli = state.project.model.packages.some((p) => p.geminiCli)
      ? (state.resolutions.find((r) => r.client === 'gemini-cli') ?? null)
      : null;
    state.project.cliUse = cli;
    return [
      ...appUseFindings(state.project, state.candidates, state.probed),
      ...browserKeyFindings(state.project),
      ...composeFindings(state.project, state.probed),
    ];
  },
};
