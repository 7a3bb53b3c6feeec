/**
 * The report page's style. Each status class sets one variable (`--accent`) that cards, the banner
 * and marks read, so no selector outranks another (the old `ul.checks>li` beat `li.fail` and made
 * every card grey). Light and dark follow the system; one column at phone width.
 */
export const REPORT_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--code:#eff2f5;
--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--skip:#6e7781;--unverified:#8250df}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--code:#262c36;
--pass:#3fb950;--warn:#d29922;--fail:#f85149;--skip:#9198a1;--unverified:#ab7df8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main,.verdict-inner{max-width:52rem;margin:0 auto;padding:0 1rem}
.status-pass{--accent:var(--pass)}.status-ok{--accent:var(--pass)}.status-warn{--accent:var(--warn)}
.status-fail{--accent:var(--fail)}.status-skip{--accent:var(--skip)}.status-unverified{--accent:var(--unverified)}
.verdict{background:var(--accent);color:#fff;padding:1.25rem 0;margin:0 0 1.5rem}
.verdict h1{margin:0;font-size:1.35rem;line-height:1.35}
.verdict .mark{font-size:1.6rem;font-weight:700;margin-right:.4rem}
.verdict p{margin:.35rem 0 0;opacity:.92;font-size:.9rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:2rem 0 .75rem}
.check{overflow-wrap:anywhere;border:1px solid var(--line);border-left:6px solid var(--accent);background:var(--card);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.check h3{margin:0;font-size:1.05rem}
.check .mark,.symptoms .mark,.checks .mark{color:var(--accent);font-weight:700}
.check p{margin:.5rem 0}
.symptoms{list-style:none;padding:0;margin:.5rem 0}
.symptoms li{padding-left:1.2rem;color:var(--muted)}
ol.fix{padding-left:1.4rem;margin:.5rem 0 0}ol.fix>li{margin:.4rem 0;overflow-wrap:anywhere}
code{background:var(--code);border-radius:4px;padding:.05rem .3rem;font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
.cmd{position:relative;margin:.35rem 0}
.cmd pre{background:var(--code);border-radius:6px;padding:.6rem 4.5rem .6rem .7rem;margin:0;white-space:pre-wrap;word-break:break-all}
.cmd pre code{background:none;padding:0}
.copy{position:absolute;top:.35rem;right:.35rem;font:inherit;font-size:.8rem;padding:.15rem .55rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);cursor:pointer}
ul.checks{list-style:none;padding:0;margin:0}
ul.checks>li{overflow-wrap:anywhere;padding:.3rem 0;border-bottom:1px solid var(--line)}
.muted,.meta{color:var(--muted);font-size:.85rem}
.flow{max-width:26rem}
.flow .step.passed{color:var(--pass)}.flow .step.stopped{color:var(--fail)}.flow .step.unreached,.flow .step.unchecked{color:var(--skip)}
.flow .arrow{color:var(--skip)}.flow .arrow.walked{color:var(--pass)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td code{white-space:nowrap}
td,th{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
details summary{cursor:pointer;color:var(--muted)}
@media (max-width:40rem){body{font-size:15px}.verdict h1{font-size:1.15rem}.check{padding:.6rem .7rem}}
`;

/** Copy buttons: the command block's text to the clipboard (no network, nothing else). */
export const COPY_SCRIPT = `
for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const text = button.previousElementSibling.textContent;
    try { await navigator.clipboard.writeText(text); button.textContent = 'Copied'; }
    catch { const range = document.createRange(); range.selectNodeContents(button.previousElementSibling);
      const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); button.textContent = 'Selected'; }
    setTimeout(() => { button.textContent = 'Copy'; }, 1500);
  });
}
`;
