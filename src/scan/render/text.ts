import { createColors } from 'picocolors';
import type { ScanFinding, ScanResult } from '../types.js';

export interface TextOptions {
  color?: boolean;
  /** List every skipped file instead of the first few. */
  verbose?: boolean;
}

const SKIPS_SHOWN = 10;

type Colors = ReturnType<typeof createColors>;

/** The human report: one line per finding (✗ fails, ! warns, · note), then skips and the summary. */
export function renderScanText(result: ScanResult, options: TextOptions = {}): string {
  const c = createColors(options.color ?? false);
  const lines: string[] = [];
  const groups: Array<[string, ScanFinding[]]> = [
    ['Keys in files', result.findings.filter((f) => f.kind !== 'hygiene' && f.source !== 'history')],
    [
      'Keys added in git history',
      result.findings.filter((f) => f.kind !== 'hygiene' && f.source === 'history'),
    ],
    ['Repository hygiene', result.findings.filter((f) => f.kind === 'hygiene')],
  ];
  for (const [heading, findings] of groups) {
    if (findings.length === 0) continue;
    lines.push(c.bold(heading));
    for (const finding of findings) lines.push(describeFinding(finding, c));
    lines.push('');
  }
  lines.push(...skipLines(result, c, options.verbose ?? false));
  const { summary } = result;
  const scanned = [`${plural(summary.filesScanned, 'file')} (${formatBytes(summary.bytesScanned)})`];
  if (summary.blobsScanned !== undefined) {
    scanned.push(`${summary.blobsScanned} history blobs (${formatBytes(summary.historyBytesScanned ?? 0)})`);
  }
  lines.push(
    `Scanned ${scanned.join(' and ')} in ${(summary.durationMs / 1000).toFixed(2)} s (${summary.mode}).`,
  );
  lines.push(...verdictLines(result, c));
  return `${lines.join('\n')}\n`;
}

function describeFinding(f: ScanFinding, c: Colors): string {
  const mark = f.baselined
    ? c.dim('=')
    : f.failing
      ? c.red('✗')
      : f.severity === 'note'
        ? c.dim('·')
        : c.yellow('!');
  const where = `${f.file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}`;
  const bits = [`${mark} ${c.bold(where)}  ${f.title}`];
  const facts: string[] = [];
  if (f.masked) facts.push(`${f.masked} #${f.fingerprint}`);
  if (f.variable) facts.push(`in ${f.variable}`);
  if (f.stash) facts.push(f.stash);
  if (f.commit)
    facts.push(`commit ${f.commit.slice(0, 12)}${f.commitDate ? ` (${f.commitDate.slice(0, 10)})` : ''}`);
  if (f.baselined) facts.push('baselined');
  if (f.verification) {
    const v = f.verification;
    const verdict = v.verdict === 'live' ? c.red('LIVE') : v.verdict === 'rejected' ? 'rejected' : 'unknown';
    facts.push(`verified: ${verdict}${v.cause ? ` (${v.cause})` : ''}`);
  }
  if (facts.length > 0) bits.push(`    ${c.dim(facts.join(' · '))}`);
  return bits.join('\n');
}

function historySkipped(result: ScanResult): number {
  return Object.values(result.summary.historySkippedByReason ?? {}).reduce((a, b) => a + (b ?? 0), 0);
}

function skipLines(result: ScanResult, c: Colors, verbose: boolean): string[] {
  const lines: string[] = [];
  const { summary } = result;
  if (result.skipped.length > 0) {
    const reasons = Object.entries(summary.skippedByReason)
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    lines.push(`Skipped ${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'}: ${reasons}`);
    const shown = verbose ? result.skipped : result.skipped.slice(0, SKIPS_SHOWN);
    for (const skip of shown)
      lines.push(c.dim(`  ${skip.file} (${skip.reason}${skip.detail ? `: ${skip.detail}` : ''})`));
    if (shown.length < result.skipped.length)
      lines.push(c.dim(`  … ${result.skipped.length - shown.length} more (--verbose)`));
  }
  const blobs = historySkipped(result);
  if (blobs > 0) {
    const reasons = Object.entries(summary.historySkippedByReason ?? {})
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    lines.push(`Skipped ${plural(blobs, 'history blob')}: ${reasons}`);
  }
  return lines;
}

function verdictLines(result: ScanResult, c: Colors): string[] {
  const { summary } = result;
  const failing = summary.failing;
  if (failing > 0) {
    const keysFound = plural(summary.distinctKeys, 'distinct key');
    const lines = [
      c.red(
        `✗ ${keysFound} found; ${plural(failing, 'finding')} ${failing === 1 ? 'fails' : 'fail'} the scan.`,
      ),
    ];
    if (result.findings.some((f) => f.failing && f.source === 'staged')) {
      lines.push(
        '  The commit is blocked: take the key out of the staged files (or `git restore --staged FILE`),',
        '  read it from the environment or an ignored .env instead, and commit again.',
      );
    } else {
      lines.push(
        '  Rotate every key that was ever pushed: create a new one at https://aistudio.google.com/apikey,',
        '  then delete the old one. Move keys to an ignored .env or a secret store, and accept reviewed',
        '  findings with --write-baseline FILE / --baseline FILE.',
      );
    }
    return lines;
  }
  const tests = result.findings.filter((f) => f.kind === 'test-key').length;
  const notes = summary.findings - tests;
  const extra = [
    tests > 0 ? `${plural(tests, 'documented test key')} ignored` : '',
    notes > 0 ? `${plural(notes, 'non-failing finding')} above` : '',
  ].filter(Boolean);
  // The all-clear never hides what was not read: it says so on the same line.
  const blobs = historySkipped(result);
  const unread = [
    result.skipped.length > 0 ? plural(result.skipped.length, 'file') : '',
    blobs > 0 ? plural(blobs, 'history blob') : '',
  ].filter(Boolean);
  if (unread.length > 0) extra.push(`${unread.join(' and ')} not scanned, listed above`);
  const clean = `✓ No leaked keys${unread.length > 0 ? ' in what was scanned' : ''}`;
  return [c.green(`${clean}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}.`)];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
