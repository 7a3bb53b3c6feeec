// Sync fs: node:fs is loaded at start-up anyway, node:fs/promises would add to every run.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../../core/display-path.js';
import { displayUrl } from '../../core/url-display.js';
import type { ScanProgress, ScanResult } from '../../scan/types.js';
import type { VerifyOptions } from '../../scan/verify.js';
import type { CommandSpec } from '../command-spec.js';
import type { CliContext, CommandHandler } from '../context.js';
import { commandBaseUrl, integerOption, modelOption, timeoutOption } from '../options.js';
import { parseCommand } from '../parse-command.js';
import { UsageError } from '../usage-error.js';
import { packageVersion } from '../version.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface ScanFlags {
  history?: boolean;
  staged?: boolean;
  format?: string;
  json?: boolean;
  output?: string;
  maxFileSize?: string;
  baseline?: string;
  writeBaseline?: string;
  verify?: boolean;
  baseUrl?: string;
  timeout?: string;
  model?: string;
  workers?: string;
  verbose?: boolean;
  cwd?: string;
  color?: boolean;
}

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor scan',
  description: 'Find leaked Gemini API keys in files and git history. The raw key is never printed.',
  arguments: [
    ['[paths...]', 'files or folders (default: the current folder; in git, tracked + unignored files)'],
  ],
  options: [
    ['--history', 'also scan every blob ever committed on any ref, naming the commits that added each key'],
    ['--staged', 'scan only what is staged for the next commit (what the pre-commit hook runs)'],
    ['--format <format>', 'text, json or sarif', 'text'],
    ['--json', 'same as --format json'],
    ['-o, --output <file>', 'write the report to a file instead of standard output'],
    ['--max-file-size <size>', 'skip larger files (bytes, or 512k, 10m…)', '10m'],
    ['--baseline <file>', 'accept the findings listed in this file (by key fingerprint)'],
    ['--write-baseline <file>', 'write the current findings as a baseline file'],
    [
      '--verify',
      'SENDS each distinct key found to the Gemini API (one request per key) to tell live keys from dead ones',
    ],
    ['--base-url <url>', 'Gemini API base URL for --verify (default: $GOOGLE_GEMINI_BASE_URL or Google)'],
    ['--timeout <ms>', 'per-probe timeout for --verify'],
    ['--model <id>', 'model for --verify probes'],
    ['--workers <n>', 'worker threads for large trees (0: none)'],
    ['--verbose', 'list every skipped file'],
    ['--cwd <dir>', 'run as if started in this folder'],
    ['--no-color', 'no colours'],
  ],
};

/** `scan [PATH…]`: thin over the library's scan(); renders, writes, and maps findings to 0/1. */
export const scanCommand: CommandHandler = async (argv, ctx) => {
  const { flags, args: paths } = await parseCommand<ScanFlags>(SPEC, argv, ctx);
  const format: Format = flags.json ? 'json' : parseFormat(flags.format ?? 'text');
  if (flags.staged && flags.history) throw new UsageError('--staged and --history do not go together');
  if (flags.staged && paths.length > 0) throw new UsageError('--staged scans the whole index; give no paths');
  const cwd = resolve(ctx.cwd, flags.cwd ?? '.');
  const maxFileSize = parseSize(flags.maxFileSize ?? '10m');
  // More threads than cores only adds memory; the library caps at the core count, this refuses nonsense.
  const workers = flags.workers !== undefined ? integerOption('--workers', flags.workers, 0, 256) : undefined;
  const verify = flags.verify ? await verifyOptions(flags, ctx) : undefined;
  // Before any work: a mistyped `--output .env` must not replace the user's file with a report.
  if (flags.output || flags.writeBaseline) {
    const { checkOutputFile } = await import('../output-file.js');
    if (flags.output) await checkOutputFile('--output', resolve(cwd, flags.output), SCAN_REPORT_START);
    if (flags.writeBaseline) {
      await checkOutputFile('--write-baseline', resolve(cwd, flags.writeBaseline), BASELINE_START);
    }
  }
  const baseline = flags.baseline
    ? await readBaseline(resolve(cwd, flags.baseline), flags.baseline)
    : undefined;

  const { scanWithKeys, ScanInputError } = await import('../../scan/scan.js');
  // Progress goes to stderr, on a terminal, and only when stdout is not carrying json/sarif.
  const progress = progressLine(ctx, Boolean(ctx.io.isTTY) && (format === 'text' || Boolean(flags.output)));
  let outcome: Awaited<ReturnType<typeof scanWithKeys>>;
  try {
    outcome = await scanWithKeys({
      paths,
      cwd,
      ...(flags.history ? { history: true } : {}),
      ...(flags.staged ? { staged: true } : {}),
      maxFileSize,
      ...(baseline ? { baseline } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
      ...(verify ? { verify } : {}),
    });
  } catch (error) {
    if (error instanceof ScanInputError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.clear();
  }
  const { result } = outcome;
  const rendered = await renderResult(result, format, ctx, flags);
  if (flags.writeBaseline) {
    const { renderBaseline } = await import('../../scan/baseline.js');
    writeFileSync(resolve(cwd, flags.writeBaseline), renderBaseline(result));
    ctx.err(
      `Wrote a baseline of ${result.findings.filter((f) => f.fingerprint && f.kind !== 'test-key').length} finding(s) to ${displayPath(flags.writeBaseline)}.\n`,
    );
  }
  if (flags.output) {
    writeFileSync(resolve(cwd, flags.output), rendered);
    ctx.err(
      `Wrote the ${format} report to ${displayPath(flags.output)} (${result.summary.failing} failing finding(s)).\n`,
    );
  } else ctx.out(rendered);
  return result.summary.failing > 0 ? 1 : 0;
};

/** --verify's probe and target, validated like every command's (exit 2 on a bad URL, model or timeout). */
async function verifyOptions(flags: ScanFlags, ctx: CliContext): Promise<VerifyOptions> {
  const timeoutMs = flags.timeout !== undefined ? timeoutOption(flags.timeout) : undefined;
  const model = flags.model !== undefined ? modelOption(flags.model) : undefined;
  const baseUrl = commandBaseUrl(flags.baseUrl, ctx.env);
  const target = baseUrl
    ? `${displayUrl(baseUrl.url)} (${baseUrl.from})`
    : 'the Gemini API (generativelanguage.googleapis.com)';
  ctx.err(
    `--verify: each distinct key found will be sent once to ${target} in the x-goog-api-key header, to check whether it is live.\n`,
  );
  return {
    probe: (await import('../../doctor/probe-key.js')).probeKey,
    ...(baseUrl ? { baseUrl: baseUrl.url } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(model ? { model } : {}),
  };
}

async function readBaseline(path: string, shown: string) {
  const { parseBaseline } = await import('../../scan/baseline.js');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the baseline ${displayPath(shown)}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    throw new UsageError(`${displayPath(shown)}: ${(error as Error).message}`);
  }
}

/** The `\r`-rewritten progress line on stderr (terminals only). */
function progressLine(ctx: CliContext, show: boolean) {
  let shown = false;
  const onProgress = show
    ? (p: ScanProgress) => {
        const mb = p.bytes / 1024 / 1024;
        const rate = p.elapsedMs > 0 ? mb / (p.elapsedMs / 1000) : 0;
        ctx.err(
          `\r\x1b[Kscanning ${p.phase}: ${p.files} ${p.phase === 'history' ? 'blobs' : 'files'}, ${mb.toFixed(1)} MB, ${rate.toFixed(0)} MB/s`,
        );
        shown = true;
      }
    : undefined;
  return {
    onProgress,
    clear: () => {
      if (shown) ctx.err('\r\x1b[K');
    },
  };
}

async function renderResult(
  result: ScanResult,
  format: Format,
  ctx: CliContext,
  flags: ScanFlags,
): Promise<string> {
  if (format === 'json') return (await import('../../scan/render/json.js')).renderScanJson(result);
  if (format === 'sarif') {
    return (await import('../../scan/render/sarif.js')).renderSarif(result, {
      toolVersion: packageVersion(),
    });
  }
  // File names and assigned names come from the tree: escape control characters before colouring.
  const { terminalSafeDeep } = await import('../../core/terminal-safe.js');
  return (await import('../../scan/render/text.js')).renderScanText(terminalSafeDeep(result), {
    color: ctx.color && !flags.output,
    ...(flags.verbose ? { verbose: true } : {}),
  });
}

/** How an earlier scan report (text, JSON or SARIF) or baseline starts: only those are replaced. */
const SCAN_REPORT_START =
  /^\s*\{\s*"(schemaVersion|\$schema|version)"|^(Keys in files|Keys added in git history|Repository hygiene|Skipped \d|Scanned )/;
const BASELINE_START = /^\s*\{\s*"schemaVersion":\s*1,\s*"kind":\s*"gemini-key-doctor-baseline"/;

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${value}')`);
}

function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size: '${value}' is not a size (try 10m or 512k)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(match[1]) * factor);
}
