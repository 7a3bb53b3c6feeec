import type { CheckStatus } from '../../core/finding.js';
import type { DoctorReport } from '../report.js';

const MARK: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

/** Every text that reaches the page goes through here. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A self-contained static page (no script, no external resource): shareable with a colleague. */
export function renderHtml(report: DoctorReport): string {
  const e = escapeHtml;
  const s = report.summary;
  const keys = report.keys
    .map(
      (k) =>
        `<tr><td><code>${e(k.masked)}</code></td><td><code>${e(k.fingerprint)}</code></td><td>${e(k.keyKind)}</td><td>${e(k.sources.join(', '))}</td><td>${e(k.usedBy.join(', '))}</td><td>${e(k.live ?? '')}</td></tr>`,
    )
    .join('\n');
  const clients = report.clients
    .map(
      (c) =>
        `<tr><td>${e(c.client)}</td><td>${c.key ? `<code>${e(c.key.masked)}</code> #${e(c.key.fingerprint)}` : '<em>no key</em>'}</td><td>${e(c.source ?? '')}</td><td>${e(c.backend)} / ${e(c.endpointStyle)}</td><td>${e(c.notes.join('; '))}</td></tr>`,
    )
    .join('\n');
  const findings = report.findings
    .map(
      (
        f,
      ) => `<li class="${e(f.status)}"><span class="mark">${MARK[f.status]}</span> <strong>${e(f.title)}</strong>
${f.detail ? `<p>${e(f.detail)}</p>` : ''}${f.fix.length ? `<ol>${f.fix.map((step) => `<li>${e(step)}</li>`).join('')}</ol>` : ''}<p class="meta">${e(f.check)}${f.cause ? ` · ${e(f.cause)}` : ''}</p></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gemini key doctor report</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
ul.checks{list-style:none;padding:0}ul.checks>li{border-left:4px solid #ccc;padding:.3rem .8rem;margin:.5rem 0}
li.pass{border-color:#2a2}li.warn{border-color:#c90}li.fail{border-color:#c22}li.skip{color:#777}
.mark{font-weight:bold}.meta{color:#777;font-size:.85em;margin:.2rem 0}code{background:#f3f3f3;padding:0 .2rem;white-space:nowrap}
</style></head><body>
<h1>Gemini key doctor</h1>
<p>${e(report.cwd)} · ${report.probe.offline ? 'offline' : `probed ${e(report.probe.baseUrl)} with ${e(report.probe.model)}`}</p>
<p><strong>${s.pass} passed, ${s.warn} warnings, ${s.fail} failed, ${s.skip} skipped</strong></p>
<h2>Keys</h2>
<table><tr><th>key</th><th>fingerprint</th><th>kind</th><th>sources</th><th>used by</th><th>live</th></tr>
${keys}</table>
<h2>Which key each client would send</h2>
<table><tr><th>client</th><th>key</th><th>source</th><th>route</th><th>notes</th></tr>
${clients}</table>
<h2>Checks</h2>
<ul class="checks">
${findings}
</ul>
</body></html>
`;
}
