import type { BaselineEntry, ScanFinding, ScanResult, ScanRuleId } from './types.js';

/**
 * Baselines accept known findings by key fingerprint (optionally narrowed to a rule and a file),
 * so moving lines around does not resurface them. A baseline file is either one written by
 * `--write-baseline` or any earlier `--format json` report (both have `findings[]`).
 */
export function parseBaseline(text: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('the baseline is not JSON (write one with --write-baseline FILE)');
  }
  const list = Array.isArray(data) ? data : (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) throw new Error('the baseline has no findings[] list');
  const entries: BaselineEntry[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { fingerprint, rule, file } = item as Record<string, unknown>;
    if (typeof fingerprint !== 'string' || !/^[0-9a-f]{8}$/.test(fingerprint)) continue;
    const entry: BaselineEntry = { fingerprint };
    if (typeof rule === 'string') entry.rule = rule as ScanRuleId;
    if (typeof file === 'string') entry.file = file;
    entries.push(entry);
  }
  return entries;
}

export function isBaselined(finding: ScanFinding, baseline: readonly BaselineEntry[]): boolean {
  if (finding.fingerprint === undefined) return false;
  return baseline.some(
    (entry) =>
      entry.fingerprint === finding.fingerprint &&
      (entry.rule === undefined || entry.rule === finding.rule) &&
      (entry.file === undefined || entry.file === finding.file),
  );
}

/** The baseline file for the current findings: fingerprints, rules and files only. */
export function renderBaseline(result: ScanResult): string {
  const seen = new Set<string>();
  const findings: BaselineEntry[] = [];
  for (const finding of result.findings) {
    if (finding.fingerprint === undefined || finding.kind === 'test-key') continue;
    const id = `${finding.fingerprint}\0${finding.rule}\0${finding.file}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push({ fingerprint: finding.fingerprint, rule: finding.rule, file: finding.file });
  }
  return `${JSON.stringify({ schemaVersion: 1, kind: 'gemini-key-doctor-baseline', findings }, null, 2)}\n`;
}
