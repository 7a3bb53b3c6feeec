import { renderCause } from '../catalog/render-cause.js';
import { maskKeysInText } from '../core/key-material.js';
import { evidenceEntries } from '../explain/evidence-entries.js';
import type { ExplainResult } from '../explain/explain.js';

/**
 * The explanation as Markdown for an issue report: the cause, the fix, the evidence and the
 * pasted error, every key in it masked as the CLI masks it.
 */
export function explainMarkdown(result: ExplainResult, pasted: string): string {
  const lines = [
    `### ${result.title}`,
    '',
    `Cause: \`${result.cause}\` (${result.confidence} confidence)`,
    '',
  ];
  if (result.detail) lines.push(result.detail, '');
  if (result.fix.length > 0) {
    lines.push('**Fix**', '');
    result.fix.forEach((step, i) => {
      lines.push(`${i + 1}. ${step}`);
    });
    lines.push('');
  }
  const evidence = evidenceEntries(result.evidence);
  if (evidence.length > 0) {
    lines.push('**Evidence**', '');
    for (const [label, value] of evidence) lines.push(`- ${label}: ${value}`);
    lines.push('');
  }
  if (result.alternatives.length > 0) {
    lines.push('**Could also be**', '');
    for (const id of result.alternatives)
      lines.push(`- ${renderCause(id, result.evidence).title} (\`${id}\`)`);
    lines.push('');
  }
  const error = maskKeysInText(pasted.trim());
  if (error) {
    const fence = '`'.repeat(Math.max(3, ...[...error.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    lines.push('**Error**', '', `${fence}text`, error, fence, '');
  }
  lines.push('_Explained offline by gemini-key-doctor; keys masked._');
  return maskKeysInText(`${lines.join('\n')}\n`);
}
