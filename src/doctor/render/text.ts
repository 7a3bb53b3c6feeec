import { createColors } from 'picocolors';
import type { CheckStatus } from '../../core/finding.js';
import type { DoctorReport } from '../report.js';
import { type CheckView, checkViews, sendersOf, shownClients, VERDICT_MARK } from './report-view.js';

const MARK: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-' };

type Paint = (s: string) => string;

interface Style {
  status: Record<CheckStatus, Paint>;
  dim: Paint;
  bold: Paint;
  verbose: boolean;
}

/**
 * The flutter-doctor shape: a one-line header, the verdict, one line per check (details and fix
 * steps only under problems, symptoms indented under their cause), the keys and the clients that
 * send them, one summary line.
 */
export function renderText(report: DoctorReport, options: { color?: boolean; verbose?: boolean }): string {
  const c = createColors(options.color ?? false);
  const style: Style = {
    status: { pass: c.green, warn: c.yellow, fail: c.red, skip: c.dim },
    dim: c.dim,
    bold: c.bold,
    verbose: options.verbose ?? false,
  };
  const verdictPaint = { ok: c.green, warn: c.yellow, fail: c.red, unverified: c.yellow }[
    report.verdict.status
  ];
  const lines = [
    c.dim(`Gemini key doctor · ${report.cwd} · ${where(report)}`),
    c.bold(verdictPaint(`${VERDICT_MARK[report.verdict.status]} ${report.verdict.summary}`)),
    '',
  ];
  for (const view of checkViews(report, style.verbose)) lines.push(...checkLines(view, style));
  lines.push('', ...keyLines(report, style), '', footer(report, style));
  return `${lines.join('\n')}\n`;
}

function where(report: DoctorReport): string {
  if (report.probe.offline) return 'offline, no request sent';
  const from =
    report.probe.baseUrlSource === 'default'
      ? ''
      : ` (from ${report.probe.baseUrlSource === 'flag' ? '--base-url' : report.probe.baseUrlSource.slice(4)})`;
  return `probed ${report.probe.baseUrl}${from} with ${report.probe.model}`;
}

function checkLines(view: CheckView, style: Style): string[] {
  const f = view.finding;
  const title = f.status === 'skip' ? style.dim(f.title) : f.title;
  const lines = [`${style.status[f.status](MARK[f.status])} ${title}`];
  if (!view.open) {
    if (style.verbose && f.detail) lines.push(...indent(wrap(f.detail), 4).map(style.dim));
    return lines;
  }
  lines.push(...indent(style.verbose ? wrap(f.detail) : shortDetail(f.detail), 4));
  const alternatives = f.evidence['alternatives'];
  if (Array.isArray(alternatives) && alternatives.length > 0)
    lines.push(
      style.dim(`    could also be: ${alternatives.join(', ')} (the answer alone cannot tell them apart)`),
    );
  for (const symptom of view.symptoms) {
    lines.push(
      `    ↳ ${style.status[symptom.status](MARK[symptom.status])} ${symptom.title} ${style.dim('(caused by the above)')}`,
    );
    if (style.verbose && symptom.detail) lines.push(...indent(wrap(symptom.detail, 94), 8).map(style.dim));
  }
  f.fix.forEach((step, i) => {
    lines.push(`    ${i === 0 ? 'fix: ' : '     '}${f.fix.length > 1 ? `${i + 1}. ` : ''}${step}`);
  });
  if (style.verbose && f.cause) lines.push(style.dim(`    cause: ${f.cause}  check: ${f.check}`));
  return lines;
}

/**
 * The first sentence or two of a detail (up to ~180 characters) and the server's own words, so a
 * failing check takes three lines, not eight; `-v` shows all of it.
 */
function shortDetail(detail: string): string[] {
  const [explanation = '', ...rest] = detail.split('\n');
  const sentences = explanation.split(/(?<=[.!?])\s+(?=[A-Z`"(])/);
  let short = sentences[0] ?? '';
  for (const next of sentences.slice(1)) {
    if (short.length + next.length + 1 > 180) break;
    short = `${short} ${next}`;
  }
  const server = rest.filter(Boolean).map((line) => clip(line, 110));
  return [...wrap(short), ...server].filter((l) => l !== '');
}

function keyLines(report: DoctorReport, style: Style): string[] {
  const { clients, all } = shownClients(report, style.verbose);
  const heading = all
    ? 'Keys, and the clients that send them'
    : 'Keys, and the clients of this project that send them';
  const lines = [style.bold(heading)];
  const width = Math.max(8, ...report.keys.map((k) => k.masked.length));
  for (const key of report.keys) {
    const senders = key.sources.includes('stdin') ? ['the key under test'] : sendersOf(key, clients);
    const live = key.live ? ` ${key.live}` : '';
    const to =
      senders.length > 0
        ? senders.join(', ')
        : style.dim(all ? 'no client sends this value as is' : 'no client of this project');
    lines.push(
      `  ${key.masked.padEnd(width)}  ${key.keyKind.padEnd(8)}${live.padEnd(9)}  ${key.sources.join(', ')} → ${to}`,
    );
  }
  const keyless = clients.filter((c) => c.key === null).map((c) => c.client);
  if (keyless.length > 0)
    lines.push(`  ${style.dim('(no key)'.padEnd(width))}  ${''.padEnd(17)}  → ${keyless.join(', ')}`);
  if (style.verbose) {
    for (const client of clients) {
      const route =
        client.backend === 'vertex'
          ? ' [Vertex AI]'
          : client.endpointStyle === 'openai'
            ? ' [OpenAI-compatible]'
            : '';
      lines.push(style.dim(`  ${client.client}${route}: ${client.notes.join('; ') || 'no notes'}`));
    }
  }
  return lines;
}

function footer(report: DoctorReport, style: Style): string {
  const s = report.summary;
  const parts = [`${s.pass} passed`, plural(s.warn, 'warning'), `${s.fail} failed`];
  if (s.skip > 0) parts.push(`${s.skip} skipped`);
  const counts = parts.join(', ');
  const hint = style.verbose ? '' : ' · -v for details';
  switch (report.verdict.status) {
    case 'ok':
      return style.status.pass(`${counts} — no issues found${hint}`);
    case 'warn':
      return style.status.warn(`${counts}${hint}`);
    case 'unverified':
      return style.status.warn(`${counts} — nothing proven live, run again when the network answers${hint}`);
    default:
      return style.status.fail(`${counts}${hint}`);
  }
}

function indent(lines: readonly string[], by: number): string[] {
  return lines.map((l) => `${' '.repeat(by)}${l}`);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Long details wrapped at ~100 columns so the checklist stays readable. */
function wrap(text: string, width = 96): string[] {
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
