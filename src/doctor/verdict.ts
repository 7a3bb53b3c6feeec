import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import { describeCause, headlineOf } from './describe-cause.js';
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
  const works = workingKeyVariable(context);
  const failing = roots.find((f) => f.status === 'fail');
  if (failing) return problem('fail', failing, works);
  const sent = context.candidates.filter((c) => c.usedBy.length > 0);
  const answered = sent.some((c) => {
    const live = context.probed.get(c.key.fingerprint);
    return live === 'live' || live === 'rejected';
  });
  if (context.online && !answered && sent.length > 0) return unverified(ranked);
  const warning = roots.find((f) => f.status === 'warn');
  if (warning) return problem('warn', warning, works);
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
    summary:
      works === undefined || works === 'stdin'
        ? 'Your key works: the Gemini API accepts it.'
        : `Your key works: every client finds ${works}, and the Gemini API accepts it.`,
  };
}

function problem(status: 'fail' | 'warn', root: Finding, works: string | undefined): Verdict {
  return { status, cause: root.cause, title: root.title, summary: summaryOf(root, works) };
}

function unverified(ranked: readonly Finding[]): Verdict {
  const probe = ranked.find((f) => f.check.startsWith('probe.') && f.status !== 'pass' && f.cause !== null);
  const what = probe?.cause ? lowerFirst(describeCause(probe.cause, {}).title) : 'no answer came back';
  return {
    status: 'unverified',
    cause: probe?.cause ?? null,
    title: 'Nothing was proven: the Gemini API gave no answer',
    summary: `The Gemini API gave no answer (${what}), so your key is neither proven nor refused.`,
  };
}

/** "GEMINI_API_KEY" when the key of that variable was proven live. */
function workingKeyVariable(context: VerdictContext): string | undefined {
  const live = context.candidates.find((c) => context.probed.get(c.key.fingerprint) === 'live');
  const source = live?.sources[0];
  return source ? source.slice(source.lastIndexOf(':') + 1) : undefined;
}

/** "Your key works; your app does not load ../../.env." — or the cause alone when no key works. */
function summaryOf(root: Finding, working: string | undefined): string {
  const stale = root.evidence['staleVariable'];
  const senders = root.evidence['staleSentBy'];
  if (typeof stale === 'string' && Array.isArray(senders) && working) {
    const who = senders.length > 0 ? senders.join(', ') : 'some clients';
    return `${stale} holds an old key that ${who} send instead of your working ${working}.`;
  }
  const headline = root.cause ? headlineOf(root.cause, root.evidence) : root.title;
  // After a server's answer about a key, "your key works" would contradict the line below it.
  if (working && !root.check.startsWith('probe.')) return `Your key works; ${lowerFirst(headline)}.`;
  return `${upperFirst(headline)}.`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
