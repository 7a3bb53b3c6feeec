import type { CauseId } from '../../catalog/cause-id.js';
import type { CheckStatus } from '../../core/finding.js';
import { keyPathFlowchartSvg } from '../../core/key-path-flowchart.js';
import type { DoctorReport } from '../report.js';
import { COPY_SCRIPT, REPORT_CSS } from './html-style.js';
import { type CheckView, checkViews, sendersOf, shownClients, VERDICT_MARK } from './report-view.js';

const MARK: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

/** Code this long is a command to run: a block with a copy button, not inline code. */
const BLOCK_CODE_LENGTH = 40;

/** Every text that reaches the page goes through here. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A self-contained page (inline style and a copy-button script, no external resource, no request):
 * the verdict banner first, then what to fix (failing checks first, numbered steps, commands with
 * copy buttons), the path the key takes with where it stops, the passing checks, and the keys.
 */
export function renderHtml(report: DoctorReport): string {
  const views = checkViews(report, false);
  const problems = views.filter((v) => v.open);
  const rest = views.filter((v) => !v.open);
  const checksRan = report.findings.filter((f) => f.status !== 'skip').map((f) => f.check);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(`${VERDICT_MARK[report.verdict.status]} ${report.verdict.title}`)} · Gemini key doctor</title>
<style>${REPORT_CSS}</style></head><body>
${banner(report)}
<main>
${problems.length > 0 ? `<section aria-labelledby="fix-heading"><h2 id="fix-heading">What to fix</h2>\n${problems.map(problemCard).join('\n')}\n</section>` : ''}
<section aria-labelledby="path-heading"><h2 id="path-heading">Where your key’s path ${report.verdict.cause ? 'stops' : 'goes'}</h2>
<div class="flow">${keyPathFlowchartSvg(report.verdict.cause as CauseId | null, checksRan)}</div></section>
<section aria-labelledby="checks-heading"><h2 id="checks-heading">Other checks</h2>
<ul class="checks">${rest.map(checkItem).join('\n')}</ul></section>
${keysTable(report)}
</main>
<script>${COPY_SCRIPT}</script>
</body></html>
`;
}

function banner(report: DoctorReport): string {
  const v = report.verdict;
  const where = report.probe.offline
    ? 'offline, no request sent'
    : `probed ${report.probe.baseUrl} with ${report.probe.model}`;
  return `<header class="verdict status-${v.status}" role="status" data-status="${v.status}" data-cause="${escapeHtml(v.cause ?? '')}"><div class="verdict-inner">
<h1><span class="mark" aria-hidden="true">${VERDICT_MARK[v.status]}</span>${escapeHtml(v.summary)}</h1>
<p>Gemini key doctor · ${escapeHtml(report.cwd)} · ${escapeHtml(where)}</p></div></header>`;
}

function problemCard(view: CheckView): string {
  const f = view.finding;
  const symptoms = view.symptoms
    .map(
      (s) =>
        `<li class="status-${s.status}"><span class="mark">${MARK[s.status]}</span> ${inline(s.title)} <em>— caused by this</em></li>`,
    )
    .join('');
  const alternatives = Array.isArray(f.evidence['alternatives'])
    ? (f.evidence['alternatives'] as string[])
    : [];
  return `<article class="check status-${f.status}" data-status="${f.status}" data-cause="${escapeHtml(f.cause ?? '')}">
<h3><span class="mark" aria-hidden="true">${MARK[f.status]}</span> ${inline(f.title)}</h3>
${
  f.detail
    ? f.detail
        .split('\n')
        .map((p) => `<p>${inline(p)}</p>`)
        .join('')
    : ''
}
${symptoms ? `<ul class="symptoms">${symptoms}</ul>` : ''}
${alternatives.length > 0 ? `<p class="muted">Could also be: ${escapeHtml(alternatives.join(', '))} (the answer alone cannot tell them apart).</p>` : ''}
${f.fix.length > 0 ? `<ol class="fix">${f.fix.map((step) => `<li>${fixStep(step)}</li>`).join('')}</ol>` : ''}
<p class="meta">${escapeHtml(f.check)}${f.cause ? ` · ${escapeHtml(f.cause)}` : ''}</p>
</article>`;
}

function checkItem(view: CheckView): string {
  const f = view.finding;
  const detail = f.detail
    ? `<details><summary>details</summary><p class="muted">${inline(f.detail)}</p></details>`
    : '';
  return `<li class="status-${f.status}" data-status="${f.status}"><span class="mark" aria-hidden="true">${MARK[f.status]}</span> ${inline(f.title)}${detail}</li>`;
}

/** `code` spans as <code>; a long one (a command) as a block with a copy button. */
function fixStep(step: string): string {
  return step
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (!/^`[^`]+`$/.test(part)) return escapeHtml(part);
      const code = part.slice(1, -1);
      if (code.length < BLOCK_CODE_LENGTH) return `<code>${escapeHtml(code)}</code>`;
      return `<div class="cmd"><pre><code>${escapeHtml(code)}</code></pre><button type="button" class="copy">Copy</button></div>`;
    })
    .join('');
}

function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      /^`[^`]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part),
    )
    .join('');
}

function keysTable(report: DoctorReport): string {
  const { clients, all } = shownClients(report, false);
  const rows = report.keys.map((k) => {
    const senders = k.sources.includes('stdin') ? ['the key under test'] : sendersOf(k, clients);
    return `<tr><td><code>${escapeHtml(k.masked)}</code></td><td>${escapeHtml(k.keyKind)}</td><td>${escapeHtml(k.live ?? '')}</td><td>${escapeHtml(k.sources.join(', '))}</td><td>${escapeHtml(senders.join(', ') || (all ? 'no client, as is' : 'no client of this project'))}</td></tr>`;
  });
  const keyless = clients.filter((c) => c.key === null).map((c) => c.client);
  if (keyless.length > 0)
    rows.push(
      `<tr><td><em>no key</em></td><td></td><td></td><td></td><td>${escapeHtml(keyless.join(', '))}</td></tr>`,
    );
  return `<section aria-labelledby="keys-heading"><h2 id="keys-heading">Keys, and the ${all ? '' : 'project’s '}clients that send them</h2>
<div class="table-wrap"><table><thead><tr><th>key</th><th>kind</th><th>live</th><th>found in</th><th>sent by</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}
