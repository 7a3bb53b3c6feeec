import { renderCause } from '../catalog/render-cause.js';
import { keyPathFlowchartSvg } from '../core/key-path-flowchart.js';
import { evidenceEntries } from '../explain/evidence-entries.js';
import { type ExplainResult, explain } from '../explain/explain.js';
import { explainMarkdown } from './explain-markdown.js';

/**
 * The explain page's script, bundled inline into dist/web/explain.html by scripts/build-web.mjs.
 * Every value from the pasted text goes in through textContent; the only markup set is the
 * flowchart SVG, built from fixed strings and the cause id.
 */
const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
};

const input = byId<HTMLTextAreaElement>('error');
const section = byId<HTMLElement>('result');
let markdown = '';

function show(text: string): void {
  if (text.trim() === '') {
    section.hidden = true;
    section.removeAttribute('data-cause');
    return;
  }
  const result = explain(text);
  render(result);
  markdown = explainMarkdown(result, text);
  byId<HTMLTextAreaElement>('markdown').value = markdown;
  byId('copy-status').textContent = '';
  section.dataset['cause'] = result.cause;
  section.hidden = false;
}

function render(result: ExplainResult): void {
  byId('result-title').textContent = result.title;
  byId('result-cause').textContent = `cause: ${result.cause}`;
  byId('result-confidence').textContent = `${result.confidence} confidence`;
  byId('result-detail').textContent = result.detail;
  fill(byId('result-fix'), result.fix, (step) => item('li', step));
  const evidence = evidenceEntries(result.evidence);
  byId('evidence-block').hidden = evidence.length === 0;
  fill(byId('result-evidence'), evidence, ([label, value]) => [item('dt', label), item('dd', value)]);
  byId('alternatives-block').hidden = result.alternatives.length === 0;
  fill(byId('result-alternatives'), result.alternatives, (id) =>
    item('li', `${renderCause(id, result.evidence).title} (${id})`),
  );
  byId('links-block').hidden = result.links.length === 0;
  fill(byId('result-links'), result.links, (link) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = link.url;
    a.textContent = link.title;
    a.rel = 'noreferrer noopener';
    li.append(a);
    return li;
  });
  // The HTML report's picture; a pasted error ran no check, so only the cause's stop is marked.
  byId('result-flowchart').innerHTML = keyPathFlowchartSvg(
    result.cause === 'unknown' ? null : result.cause,
    [],
  );
}

function fill<T>(parent: HTMLElement, values: readonly T[], make: (value: T) => Node | Node[]): void {
  parent.replaceChildren(...values.flatMap((value) => make(value)));
}

function item(tag: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

/** `#error=<percent-encoded text>`: read once at load and on hashchange; never written back. */
function fromFragment(): string | undefined {
  const match = /^#error=(.*)$/s.exec(location.hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return match[1];
  }
}

async function copyMarkdown(): Promise<void> {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(markdown);
    status.textContent = 'Copied.';
  } catch {
    // No clipboard permission (file://, some browsers): select the text so Ctrl-C copies it.
    const area = byId<HTMLTextAreaElement>('markdown');
    (area.closest('details') as HTMLDetailsElement).open = true;
    area.focus();
    area.select();
    status.textContent = 'Selected: press Ctrl-C (⌘-C) to copy.';
  }
}

input.addEventListener('input', () => show(input.value));
byId<HTMLFormElement>('form').addEventListener('submit', (event) => {
  event.preventDefault();
  show(input.value);
});
byId('copy-markdown').addEventListener('click', () => {
  void copyMarkdown();
});
function loadFragment(): void {
  const text = fromFragment();
  if (text === undefined) return;
  input.value = text;
  show(text);
}
window.addEventListener('hashchange', loadFragment);
loadFragment();
