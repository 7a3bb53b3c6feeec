import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import { describeCause } from './describe-cause.js';
import { isEnvLoader } from './env-loaders.js';
import { variableOfSource } from './platform-fixes.js';
import type { ReportKey } from './report.js';

/**
 * Two keys competing (env_conflict, env_shadowed): once probed, the doctor knows which one is stale,
 * so the first fix step says so, the catalog's "find out which key is right" steps go, and the
 * evidence names the stale and the working variable.
 */
export function settleConflicts(
  findings: readonly Finding[],
  candidates: readonly KeyCandidate[],
  probed: ReadonlyMap<string, NonNullable<ReportKey['live']>>,
): Finding[] {
  return findings.map((finding) => {
    if (finding.cause !== 'env_conflict' && finding.cause !== 'env_shadowed') return finding;
    const involved = (finding.keys ?? [])
      .map((fp) => candidates.find((c) => c.key.fingerprint === fp))
      .filter((c): c is KeyCandidate => c !== undefined);
    const live = involved.filter((c) => probed.get(c.key.fingerprint) === 'live');
    const rejected = involved.filter((c) => probed.get(c.key.fingerprint) === 'rejected');
    if (live.length !== 1 || rejected.length === 0) return finding;
    const works = `${live[0]!.key.masked} (${live[0]!.sources.join(', ')})`;
    const stale = rejected.map((c) => `${c.key.masked} (${c.sources.join(', ')})`).join(', ');
    const kept = describeCause(finding.cause, finding.evidence, { settledByProbes: true }).fix;
    return {
      ...finding,
      evidence: {
        ...finding.evidence,
        staleVariable: variableOfSource(rejected[0]!.sources[0]),
        workingVariable: variableOfSource(live[0]!.sources[0]),
        // API clients only: dotenv and node --env-file load the variable, they do not send it.
        staleSentBy: rejected[0]!.usedBy.filter((c) => !isEnvLoader(c)),
      },
      fix: [
        `The live probes settle it: ${works} works, ${stale} was rejected — remove the rejected one or set it to the working key.`,
        ...kept,
      ],
    };
  });
}
