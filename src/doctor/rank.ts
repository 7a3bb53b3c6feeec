import type { CauseCategory } from '../catalog/types.js';
import type { CheckStatus, Finding } from '../core/finding.js';
import { causeFacts } from './describe-cause.js';

const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** Where the key lives comes before what the server said about it, and both before the network. */
const CATEGORY_ORDER: Record<CauseCategory, number> = {
  environment: 0,
  key: 1,
  server: 2,
  network: 3,
  fallback: 4,
};

/**
 * Root causes first (failures, then warnings, then advisory notes; those about the clients this
 * project uses first),
 * each followed by the symptoms it explains, then passes and skips. Rewrites `explainedBy` and
 * `explains` as indices into the ranked list.
 */
export function rankFindings(
  findings: readonly Finding[],
  projectClients: ReadonlySet<string> | null,
): Finding[] {
  const score = (f: Finding): number[] => [
    STATUS_ORDER[f.status],
    causeFacts(f.cause)?.advisory ? 1 : 0,
    relevant(f, projectClients) ? 0 : 1,
    f.status === 'pass' || f.status === 'skip' ? 0 : categoryRank(f),
  ];
  const roots = findings
    .map((finding, index) => ({ finding, index, score: score(finding) }))
    .filter(({ finding }) => finding.explainedBy === undefined)
    .sort((a, b) => compare(a.score, b.score) || a.index - b.index);
  const ordered: { finding: Finding; index: number }[] = [];
  for (const root of roots) {
    ordered.push(root);
    findings.forEach((finding, index) => {
      if (finding.explainedBy === root.index) ordered.push({ finding, index });
    });
  }
  const position = new Map(ordered.map(({ index }, at) => [index, at]));
  return ordered.map(({ finding, index }) => {
    const { explainedBy, explains: _old, ...rest } = finding;
    const symptoms = findings.flatMap((f, i) => (f.explainedBy === index ? [position.get(i)!] : []));
    return {
      ...rest,
      ...(explainedBy !== undefined ? { explainedBy: position.get(explainedBy)! } : {}),
      ...(symptoms.length > 0 ? { explains: symptoms } : {}),
    };
  });
}

/** About a client this project uses, or about no client in particular (then it concerns all). */
function relevant(f: Finding, projectClients: ReadonlySet<string> | null): boolean {
  if (projectClients === null || projectClients.size === 0 || !f.clients || f.clients.length === 0)
    return true;
  return f.clients.some((c) => projectClients.has(c));
}

function categoryRank(f: Finding): number {
  const facts = causeFacts(f.cause);
  return facts ? CATEGORY_ORDER[facts.category] : CATEGORY_ORDER.fallback + 1;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return 0;
}
