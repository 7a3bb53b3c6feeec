import type { CauseId } from '../../catalog/cause-id.js';
import type { Finding } from '../../core/finding.js';
import { causeFacts } from '../describe-cause.js';
import type { DoctorReport, ReportClient, ReportKey } from '../report.js';

/** One check as the renderers show it: a root cause with the symptoms it explains folded under it. */
export interface CheckView {
  finding: Finding;
  symptoms: Finding[];
  /** Details and fix steps are shown (a failing or warning root, not an advisory note unless verbose). */
  open: boolean;
}

/**
 * What the text and HTML renderers share: the checks to list in order (symptoms folded under their
 * cause; skips that only say "the listing already failed" hidden unless verbose), the clients to
 * show (those the project uses, all when none is detected or when verbose) and the keys.
 */
export function checkViews(report: DoctorReport, verbose: boolean): CheckView[] {
  const views: CheckView[] = [];
  for (const finding of report.findings) {
    if (finding.explainedBy !== undefined) continue;
    if (!verbose && isDependentSkip(finding)) continue;
    const symptoms = (finding.explains ?? []).map((i) => report.findings[i]).filter((f) => f !== undefined);
    const problem = finding.status === 'fail' || finding.status === 'warn';
    const advisory = causeFacts(finding.cause as CauseId | null)?.advisory === true;
    views.push({ finding, symptoms, open: problem && (verbose || !advisory) });
  }
  return views;
}

/** A probe not run because the key's model listing already failed: noise once that failure is shown. */
function isDependentSkip(f: Finding): boolean {
  return f.status === 'skip' && f.check.startsWith('probe.') && (f.keys?.length ?? 0) > 0;
}

/** The clients this project uses (its manifests), or every client when none is detected or verbose. */
export function shownClients(
  report: DoctorReport,
  verbose: boolean,
): { clients: ReportClient[]; all: boolean } {
  const used = report.clients.filter((c) => c.usedInProject === true);
  if (verbose || used.length === 0) return { clients: report.clients, all: true };
  return { clients: used, all: false };
}

/** Which of the shown clients send this key. */
export function sendersOf(key: ReportKey, clients: readonly ReportClient[]): string[] {
  return clients.filter((c) => c.key?.fingerprint === key.fingerprint).map((c) => c.client);
}

export const VERDICT_MARK: Record<DoctorReport['verdict']['status'], string> = {
  ok: '✓',
  warn: '!',
  fail: '✗',
  unverified: '?',
};
