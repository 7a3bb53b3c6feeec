import type { Finding } from '../finding.js';
import type { ClientResolution, KeyCandidate, ProjectSnapshot } from '../project-snapshot.js';
import { causeFinding } from './cause-finding.js';
import { envFileFindings } from './env-file-findings.js';
import { keyVariableFindings } from './env-key-findings.js';
import { routingFindings } from './env-routing-findings.js';
import { type LintContext, lintContext } from './lint-context.js';
import { sharedKeyFindings } from './shared-key-findings.js';

/**
 * Offline checks of where keys come from and where they go: missing or misnamed variables,
 * conflicts, shadowing, `.env` files a loader cannot or will not read, Vertex mode, base-URL
 * overrides, proxies Node ignores, and hygiene. Pure and total: a rule that throws becomes an
 * `unknown` finding instead of taking the report down.
 */
export function lintEnvironment(
  snapshot: ProjectSnapshot,
  resolutions: readonly ClientResolution[],
  candidates: readonly KeyCandidate[],
): Finding[] {
  let ctx: LintContext;
  try {
    ctx = lintContext(snapshot, resolutions, candidates);
  } catch (error) {
    return [internalError('env', error)];
  }
  const rules: [string, (c: LintContext) => Finding[]][] = [
    ['env.key', keyVariableFindings],
    ['env.dotenv', envFileFindings],
    ['env.routing', routingFindings],
    ['hygiene', sharedKeyFindings],
  ];
  const findings: Finding[] = [];
  for (const [name, rule] of rules) {
    try {
      findings.push(...rule(ctx));
    } catch (error) {
      findings.push(internalError(name, error));
    }
  }
  return findings;
}

function internalError(check: string, error: unknown): Finding {
  const message = error instanceof Error ? error.name : 'error';
  return causeFinding(
    check,
    'unknown',
    { message: `internal error in the ${check} checks (${message})` },
    { status: 'warn' },
  );
}
