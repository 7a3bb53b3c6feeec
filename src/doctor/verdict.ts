import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import type { ReportKey, Verdict } from './report.js';

export interface VerdictContext {
  /** Probes were meant to run (not --offline). */
  online: boolean;
  candidates: readonly KeyCandidate[];
  probed: ReadonlyMap<string, NonNullable<ReportKey['live']>>;
}

/**
 * The one answer: the first root cause of the ranked findings, in the user's terms. An online run
 * in which no key a client would send got an answer is `unverified`, never an all-clear.
 */
export function decideVerdict(ranked: readonly Finding[], context: VerdictContext): Verdict {
  const roots = ranked.filter((f) => f.explainedBy === undefined);
  const failing = roots.find((f) => f.status === 'fail');
  const works = workingKeyVariable(context);
  if (failing)
    return { status: 'fail', cause: failing.cause, title: failing.title, summary: summaryOf(failing, works) };
  const sent = context.candidates.filter((c) => c.usedBy.length > 0);
  const answered = sent.some((c) => {
    const live = context.probed.get(c.key.fingerprint);
    return live === 'live' || live === 'rejected';
  });
  if (context.online && !answered && sent.length > 0) return unverified(ranked);
  const warning = roots.find((f) => f.status === 'warn');
  if (warning)
    return { status: 'warn', cause: warning.cause, title: warning.title, summary: summaryOf(warning, works) };
  if (!context.online)
    return {
      status: 'ok',
      cause: null,
      title: 'No problem found offline',
      summary: 'The key looks right and every client finds it; run without --offline to prove it live.',
    };
  return {
    status: 'ok',
    cause: null,
    title: 'Your key works',
    summary: `Every client finds ${works ?? 'the key'}, and the Gemini API accepts it.`,
  };
}

function unverified(ranked: readonly Finding[]): Verdict {
  const probe = ranked.find((f) => f.check.startsWith('probe.') && f.status !== 'pass' && f.cause !== null);
  return {
    status: 'unverified',
    cause: probe?.cause ?? null,
    title: 'Nothing was proven: the Gemini API gave no answer',
    summary: probe
      ? `The probes did not get an answer (${probe.title}), so the key is neither proven nor refused.`
      : 'No probe got an answer from the server, so the key is neither proven nor refused.',
  };
}

/** "GEMINI_API_KEY" when the key of that variable was proven live. */
function workingKeyVariable(context: VerdictContext): string | undefined {
  const live = context.candidates.find((c) => context.probed.get(c.key.fingerprint) === 'live');
  const source = live?.sources[0];
  return source ? source.slice(source.lastIndexOf(':') + 1) : undefined;
}

function summaryOf(root: Finding, working: string | undefined): string {
  const settled = root.evidence['staleVariable'];
  if (typeof settled === 'string' && working) {
    const clients = root.clients?.length ? root.clients.join(', ') : 'some clients';
    return `${settled} holds a key the API refuses, and ${clients} send it instead of your working ${working}.`;
  }
  const title = root.title.replace(/\.$/, '');
  if (working && root.explains?.length) return `Your key (${working}) works, but ${lowerFirst(title)}.`;
  return `${title}.`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
