import type { Finding } from '../../core/finding.js';
import { displayUrl, isHttpUrl, parseUrl } from '../../core/url-display.js';
import { probeCandidate } from '../probe-candidate.js';
import { keyVerdict } from '../probe-key.js';
import type { DoctorReport } from '../report.js';
import type { DoctorCheck, DoctorState } from './check.js';
import { crashFinding } from './run-checks.js';

/**
 * Every distinct key proven against the API, all at once (model listing, the chosen model, the
 * OpenAI route, one token with --generate). Records each key's verdict for the report.
 */
export const liveProbesCheck: DoctorCheck = {
  id: 'probe.live',
  dependsOn: ['key.candidates'],
  async run(state): Promise<Finding[]> {
    if (state.candidates.length === 0) return [];
    if (state.offline) return [offlineSkip()];
    // A base URL fetch cannot use (not a URL, file:, ftp:) would fail every probe with a misleading
    // "could not connect"; the lint already explains the variable, so the probes are skipped.
    if (!isHttpUrl(state.probe.baseUrl))
      return [unusableBaseSkip(state.probe.baseUrl, state.probe.baseUrlSource)];
    state.onProbing?.(state.candidates.length);
    const runs = state.candidates.map((candidate) =>
      probeCandidate(
        candidate,
        state.resolutions,
        state.probe,
        state.openAi?.key.equals(candidate.key) ?? false,
      ).catch((error: unknown) => [crashFinding(`probe.${candidate.key.fingerprint}`, error)]),
    );
    const findings = (await Promise.all(runs)).flat();
    recordVerdicts(state, findings);
    return findings;
  },
};

function recordVerdicts(state: DoctorState, findings: readonly Finding[]): void {
  for (const f of findings) {
    const fingerprint = f.keys?.[0];
    if (f.check !== 'probe.models' || fingerprint === undefined) continue;
    const status = typeof f.evidence.httpStatus === 'number' ? f.evidence.httpStatus : undefined;
    state.probed.set(fingerprint, f.status === 'pass' ? 'live' : keyVerdict(f.cause, status));
  }
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
