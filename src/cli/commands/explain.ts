import { resolve } from 'node:path';
import { createColors } from 'picocolors';
import { renderCause } from '../../catalog/render-cause.js';
import type { Evidence } from '../../catalog/types.js';
import { displayPath } from '../../core/display-path.js';
import { maskKeysInText } from '../../core/key-material.js';
import { terminalSafeDeep } from '../../core/terminal-safe.js';
import { decodeText, sniffEncoding } from '../../core/text-encoding.js';
import { evidenceEntries } from '../../explain/evidence-entries.js';
import { type ExplainResult, explain } from '../../explain/explain.js';
import type { CommandSpec } from '../command-spec.js';
import type { CliContext, CommandHandler } from '../context.js';
import { parseCommand } from '../parse-command.js';
import { UsageError } from '../usage-error.js';

/** Bigger than any real error text, small enough to read at once; larger files are refused. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const HELP_AFTER = `
Input: the error text as an argument, '-' to read standard input, or --file FILE
(put '--' before a text that starts with '-').
Any API key in the text is masked in every output.

Exit codes: 0 the text was explained (even when the cause is 'unknown') · 2 usage error
(no input, unreadable/binary/too large file).
`;

interface ExplainFlags {
  json?: boolean;
  file?: string;
}

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor explain',
  description: 'Explain a pasted Gemini API error: the cause, why, and how to fix it (offline).',
  arguments: [['[text...]', "the error text, or '-' for standard input"]],
  options: [
    ['--file <path>', 'read the error text from a file'],
    ['--json', 'print the explanation as JSON (schemaVersion 1)'],
    ['--no-color', 'no ANSI colour'],
  ],
  helpAfter: HELP_AFTER,
};

/** `gemini-key-doctor explain [TEXT|-|--file F] [--json]`: thin over the library's `explain`. */
export const explainCommand: CommandHandler = async (argv, ctx) => {
  const { flags, args: words } = await parseCommand<ExplainFlags>(SPEC, argv, ctx);
  const text = await readInput(words, flags.file, ctx);
  const result = explain(text);
  ctx.out(
    maskKeysInText(
      flags.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : renderExplainText(terminalSafeDeep(result), ctx.color),
    ),
  );
  return 0;
};

async function readInput(words: string[], file: string | undefined, ctx: CliContext): Promise<string> {
  if (file !== undefined && words.length > 0) throw new UsageError('give the text or --file, not both');
  let text: string;
  if (file !== undefined) text = await readTextFile(resolve(ctx.cwd, file), file);
  else if (words.length === 1 && words[0] === '-') {
    if (!ctx.io.readStdin) throw new UsageError('standard input is not available');
    text = await ctx.io.readStdin();
    if (text.includes('\u0000')) throw new UsageError('standard input looks binary, not an error text');
  } else if (words.length > 0) text = words.join(' ');
  else
    throw new UsageError("nothing to explain: give the error text, '-' for standard input, or --file FILE");
  if (text.trim() === '') throw new UsageError('nothing to explain: the text is empty');
  return text;
}

async function readTextFile(path: string, shown: string): Promise<string> {
  // Loaded here, not at start-up: node:fs/promises pulls in the stream modules (~2 ms).
  const { open, stat } = await import('node:fs/promises');
  const name = displayPath(shown);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`cannot read '${name}': no such file`);
  if (!info.isFile()) throw new UsageError(`cannot read '${name}': not a regular file`);
  if (info.size > MAX_FILE_BYTES)
    throw new UsageError(`'${name}' is too large (${info.size} bytes, limit 10 MiB)`);
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(Math.min(info.size, MAX_FILE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    // A log saved as UTF-16 (PowerShell, Visual Studio) or UTF-32 is text too.
    const sniffed = sniffEncoding(bytes);
    if (sniffed === null) throw new UsageError(`'${name}' looks binary, not an error text`);
    return decodeText(bytes, sniffed);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`cannot read '${name}'${typeof code === 'string' ? `: ${code}` : ''}`);
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** The human explanation: cause, why, numbered fix steps, the evidence used, what else it could be. */
export function renderExplainText(result: ExplainResult, color: boolean): string {
  const c = createColors(color);
  const lines: string[] = [];
  const mark = result.cause === 'unknown' ? c.yellow('?') : c.red('✗');
  lines.push(
    `${mark} ${c.bold(result.title)} ${c.dim(`(${result.cause}, ${result.confidence} confidence)`)}`,
    '',
  );
  if (result.detail) lines.push(`  ${result.detail}`, '');
  if (result.fix.length > 0) {
    lines.push(`  ${c.bold('Fix:')}`);
    result.fix.forEach((step, i) => {
      lines.push(`    ${i + 1}. ${step}`);
    });
    lines.push('');
  }
  const evidence = evidenceLines(result.evidence);
  if (evidence.length > 0) {
    lines.push(`  ${c.bold('Evidence:')}`);
    for (const line of evidence) lines.push(`    ${c.dim('•')} ${line}`);
    lines.push('');
  }
  if (result.alternatives.length > 0) {
    lines.push(`  ${c.bold('Could also be:')}`);
    for (const id of result.alternatives)
      lines.push(`    ${c.dim('•')} ${renderCause(id, result.evidence).title} ${c.dim(`(${id})`)}`);
    lines.push('');
  }
  if (result.links.length > 0) {
    lines.push(`  ${c.bold('Learn more:')}`);
    for (const link of result.links) lines.push(`    ${link.title}: ${c.cyan(link.url)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function evidenceLines(evidence: Evidence): string[] {
  return evidenceEntries(evidence).map(([label, value]) => `${label}: ${value}`);
}
