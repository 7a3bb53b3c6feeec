import type { EnvMap } from '../../core/env-map.js';
import type { Finding } from '../../core/finding.js';
import type { ClientResolution, KeyCandidate } from '../../core/project-snapshot.js';
import { SecretKey } from '../../core/secret-key.js';
import type { DoctorCheck, ExplicitKey } from './check.js';

/**
 * Every distinct key value to lint and probe: the one given explicitly, else every value the
 * clients or the files hold, plus the key an OpenAI client pointed at Gemini would send.
 */
export const keyCandidatesCheck: DoctorCheck = {
  id: 'key.candidates',
  dependsOn: ['env.resolution'],
  run(state): Finding[] {
    if (state.explicitKey) {
      state.candidates = [explicitCandidate(state.explicitKey, state.resolutions)];
      return [];
    }
    const candidates = state.core.collectKeyCandidates(state.snapshot, state.resolutions);
    const openAi = openAiCompatibleKey(state.env);
    if (openAi) {
      const same = candidates.find((c) => c.key.equals(openAi.key));
      if (same) same.sources.push(openAi.source);
      else candidates.push({ key: openAi.key, sources: [openAi.source], usedBy: [] });
    }
    state.candidates = candidates;
    state.openAi = openAi;
    return [];
  },
};

/**
 * The OpenAI-compatible route in the user's setup: an OpenAI client pointed at Gemini
 * (OPENAI_BASE_URL …/v1beta/openai/) sends OPENAI_API_KEY as `Authorization: Bearer`.
 */
function openAiCompatibleKey(env: EnvMap): ExplicitKey | null {
  const base = env['OPENAI_BASE_URL'] ?? env['OPENAI_API_BASE'];
  const value = env['OPENAI_API_KEY'];
  if (!base || !value) return null;
  if (!/generativelanguage\.googleapis\.com|\/openai\/?$/.test(base.trim())) return null;
  return { key: new SecretKey(value), source: 'env:OPENAI_API_KEY' };
}

/**
 * The key under test, given explicitly. Read from stdin it is what the user's app would send, so
 * it counts as sent by the clients the project uses (else no client reads it, a spurious finding).
 */
function explicitCandidate(given: ExplicitKey, resolutions: readonly ClientResolution[]): KeyCandidate {
  const sending = resolutions.filter((r) => r.key?.equals(given.key)).map((r) => r.client);
  const usedBy =
    sending.length > 0 || given.source !== 'stdin'
      ? sending
      : resolutions.filter((r) => r.usedInProject !== false).map((r) => r.client);
  return { key: given.key, sources: [given.source], usedBy };
}
