import type { Finding } from '../../core/finding.js';
import type { ProjectSnapshot } from '../../core/project-snapshot.js';
import { describeCause } from '../describe-cause.js';
import type { DoctorCheck } from './check.js';

/** The environment as a whole, offline: conflicts, shadowing, wrong names, .env files not loaded. */
export const envLintCheck: DoctorCheck = {
  id: 'env.lint',
  dependsOn: ['key.candidates'],
  run(state): Finding[] {
    const linted = state.core.lintEnvironment(state.snapshot, state.resolutions, state.candidates);
    // A key typed at --key-stdin is the key under test: that no variable holds one is no finding.
    const found =
      state.explicitKey?.source === 'stdin' ? linted.filter((f) => f.cause !== 'key_missing') : linted;
    // The core models the Gemini clients only: with an OpenAI client pointed at Gemini holding a
    // key, "no key" concerns clients this setup may not use, so it is a warning.
    const findings = state.openAi ? found.map(openAiSoftensMissingKey) : found;
    // The core names a missing key itself; this is the fallback when it could not run.
    if (state.candidates.length === 0 && !linted.some((f) => f.cause === 'key_missing')) {
      findings.unshift(noKeyFinding(state.resolutions.length));
    }
    return findings.length > 0 ? findings : [environmentClean(state.snapshot)];
  },
};

function openAiSoftensMissingKey(f: Finding): Finding {
  if (f.cause !== 'key_missing' || f.status !== 'fail') return f;
  return {
    ...f,
    status: 'warn',
    detail: `${f.detail} OPENAI_API_KEY, sent by an OpenAI client to Gemini's OpenAI-compatible endpoint, is checked below.`,
  };
}

function noKeyFinding(clientCount: number): Finding {
  const evidence = { variable: 'GEMINI_API_KEY' };
  const text = describeCause('key_missing', evidence);
  return {
    check: 'key.present',
    status: 'fail',
    cause: 'key_missing',
    title: text.title,
    detail:
      text.detail ||
      `None of ${clientCount || 'the'} clients would find a key: GOOGLE_API_KEY, GEMINI_API_KEY and GOOGLE_GENERATIVE_AI_API_KEY are unset, and no .env file here sets them.`,
    fix: text.fix,
    evidence,
  };
}

function environmentClean(snapshot: ProjectSnapshot): Finding {
  const files = [...snapshot.files.entries()].filter(([, f]) => f.kind !== 'missing').map(([p]) => p);
  return {
    check: 'env.resolution',
    status: 'pass',
    cause: null,
    title: 'No conflicting variables, shadowing or unreadable .env files',
    detail:
      files.length > 0 ? `Looked at ${files.join(', ')}.` : 'No .env file in the places the clients look.',
    fix: [],
    evidence: {},
  };
}
