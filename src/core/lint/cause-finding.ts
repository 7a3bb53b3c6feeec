import type { CauseId } from '../../catalog/cause-id.js';
import { renderCause } from '../../catalog/render-cause.js';
import type { Evidence, Severity } from '../../catalog/types.js';
import type { CheckStatus, Finding } from '../finding.js';

export interface CauseFindingOptions {
  /** Overrides the catalog severity (e.g. a problem that only matters to a tool the project does not use). */
  status?: CheckStatus;
  keys?: readonly string[];
  clients?: readonly string[];
  /** A specific sentence appended to the catalog's explanation (never a key). */
  detail?: string;
}

/** info-level causes are notable but not a problem: they read as a passing line with a note. */
export function statusOf(severity: Severity): CheckStatus {
  return severity === 'fail' ? 'fail' : severity === 'warn' ? 'warn' : 'pass';
}

/** A finding worded by the catalog (title, detail, fix from `renderCause`), with our evidence. */
export function causeFinding(
  check: string,
  cause: CauseId,
  evidence: Evidence,
  options: CauseFindingOptions = {},
): Finding {
  const text = renderCause(cause, evidence);
  const finding: Finding = {
    check,
    status: options.status ?? statusOf(text.severity),
    cause,
    title: text.title,
    detail: options.detail ? `${text.detail} ${options.detail}` : text.detail,
    fix: text.fix,
    evidence,
  };
  if (options.keys && options.keys.length > 0) finding.keys = [...new Set(options.keys)];
  if (options.clients && options.clients.length > 0) finding.clients = [...new Set(options.clients)];
  return finding;
}

/** A finding the catalog has no cause for (a pass line, a hygiene note): worded here. */
export function plainFinding(
  check: string,
  status: CheckStatus,
  title: string,
  detail: string,
  evidence: Evidence,
  extra: { fix?: string[]; keys?: readonly string[]; clients?: readonly string[] } = {},
): Finding {
  const finding: Finding = { check, status, cause: null, title, detail, fix: extra.fix ?? [], evidence };
  if (extra.keys && extra.keys.length > 0) finding.keys = [...new Set(extra.keys)];
  if (extra.clients && extra.clients.length > 0) finding.clients = [...new Set(extra.clients)];
  return finding;
}
