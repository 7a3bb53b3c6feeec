import { getCause } from './catalog.js';
import { CAUSE_IDS } from './cause-id.js';
import { renderCause } from './render-cause.js';

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/**
 * The README's cause table (id, category, severity, typical HTTP status, title), in catalog order.
 * Titles are rendered with no evidence, exactly as a user sees them when nothing more is known.
 */
export function causeTableMarkdown(): string {
  const rows = CAUSE_IDS.map((id) => {
    const entry = getCause(id);
    const http = entry.http === undefined ? '—' : String(entry.http);
    return `| \`${id}\` | ${entry.category} | ${entry.severity} | ${http} | ${cell(renderCause(id).title)} |`;
  });
  return [
    '| id | category | severity | typical HTTP | title |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
