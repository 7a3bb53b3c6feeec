import { createColors } from 'picocolors';
import type { CheckStatus, Finding } from '../../core/finding.js';
import type { DoctorReport } from '../report.js';

const MARK: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-' };

/** The checklist: keys, the client matrix, one line per check with its fix, one summary line. */
export function renderText(report: DoctorReport, options: { color?: boolean; verbose?: boolean }): string {
  const c = createColors(options.color ?? false);
  const paint: Record<CheckStatus, (s: string) => string> = {
    pass: c.green,
    warn: c.yellow,
    fail: c.red,
    skip: c.dim,
  };
  const lines: string[] = [];
  const where = report.probe.offline
    ? 'offline (no request sent)'
    : `probing ${report.probe.baseUrl}${report.probe.baseUrlSource === 'default' ? '' : ` (from ${report.probe.baseUrlSource === 'flag' ? '--base-url' : report.probe.baseUrlSource.slice(4)})`} with ${report.probe.model}`;
  lines.push(
    c.bold(`Gemini key doctor — ${report.cwd}`),
    c.dim(`${plural(report.keys.length, 'key')}, ${where}`),
    '',
  );

  if (report.keys.length > 0) {
    lines.push(c.bold('Keys'));
    for (const key of report.keys) {
      const live = key.live ? `  ${key.live}` : '';
      // A value defined somewhere that no modelled client sends as it stands (e.g. one gemini-cli cleans).
      const unsent = key.usedBy.length === 0 ? c.dim('  (no client sends this value as is)') : '';
      lines.push(
        `  ${key.masked.padEnd(12)} #${key.fingerprint}  ${key.keyKind.padEnd(8)} ${key.sources.join(', ')}${live}${unsent}`,
      );
    }
    lines.push('');
  }
  if (report.clients.length > 0) {
    lines.push(c.bold('Which key each client would send'));
    const width = Math.max(...report.clients.map((r) => r.client.length));
    for (const client of report.clients) {
      const key = client.key ? `${client.key.masked} #${client.key.fingerprint}` : c.dim('(no key)');
      const source = client.source ? `  ← ${client.source}` : '';
      const route =
        client.backend === 'vertex'
          ? '  [Vertex AI]'
          : client.endpointStyle === 'openai'
            ? '  [OpenAI-compatible]'
            : '';
      lines.push(`  ${client.client.padEnd(width)}  ${key}${source}${route}`);
      if (options.verbose)
        for (const note of client.notes) lines.push(c.dim(`  ${''.padEnd(width)}    ${note}`));
    }
    lines.push('');
  }

  lines.push(c.bold('Checks'));
  for (const finding of report.findings)
    lines.push(...findingLines(finding, paint, c.dim, options.verbose ?? false));
  lines.push('', summaryLine(report, paint));
  return `${lines.join('\n')}\n`;
}

function findingLines(
  f: Finding,
  paint: Record<CheckStatus, (s: string) => string>,
  dim: (s: string) => string,
  verbose: boolean,
): string[] {
  const lines = [`${paint[f.status](MARK[f.status])} ${f.status === 'skip' ? dim(f.title) : f.title}`];
  const showDetail = f.status === 'fail' || f.status === 'warn' || verbose;
  if (showDetail && f.detail)
    lines.push(...wrap(f.detail).map((l) => `    ${f.status === 'skip' ? dim(l) : l}`));
  const alternatives = f.evidence['alternatives'];
  if (
    (f.status === 'fail' || f.status === 'warn') &&
    Array.isArray(alternatives) &&
    alternatives.length > 0
  ) {
    lines.push(
      dim(`    could also be: ${alternatives.join(', ')} (the answer alone cannot tell them apart)`),
    );
  }
  if (f.status === 'fail' || f.status === 'warn') {
    f.fix.forEach((step, i) => {
      lines.push(`    ${i === 0 ? 'fix: ' : '     '}${f.fix.length > 1 ? `${i + 1}. ` : ''}${step}`);
    });
  }
  if (verbose && f.cause && f.status !== 'pass') lines.push(dim(`    cause: ${f.cause}  check: ${f.check}`));
  return lines;
}

function summaryLine(report: DoctorReport, paint: Record<CheckStatus, (s: string) => string>): string {
  const s = report.summary;
  const parts = [`${s.pass} passed`, plural(s.warn, 'warning'), `${s.fail} failed`];
  if (s.skip > 0) parts.push(`${s.skip} skipped`);
  const text = parts.join(', ');
  if (s.fail > 0) return paint.fail(text);
  if (s.warn > 0) return paint.warn(text);
  return paint.pass(`${text} — no issues found`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Long details wrapped at ~100 columns so the checklist stays readable. */
function wrap(text: string, width = 100): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
