import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SecretKey } from '../../core/secret-key.js';
import { isFolder } from '../../io/is-folder.js';
import type { CommandSpec } from '../command-spec.js';
import type { CliContext, CommandHandler, ExitCode } from '../context.js';
import { baseUrlOption, envValue, keyInput, modelOption, timeoutOption, VERBOSE_OPTION } from '../options.js';
import { checkOutputFile } from '../output-file.js';
import { parseCommand } from '../parse-command.js';
import { UsageError } from '../usage-error.js';

interface DoctorFlags {
  offline?: boolean;
  cwd?: string;
  baseUrl?: string;
  model?: string;
  timeout?: string;
  keyEnv?: string;
  keyStdin?: boolean;
  json?: boolean;
  html?: string | boolean;
  verbose?: boolean;
  color?: boolean;
  demo?: boolean;
  generate?: boolean;
}

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor doctor',
  description: 'Which key each client would use, what is wrong with it, proven live.',
  options: [
    ['--offline', 'lint only: send no request'],
    ['--cwd <dir>', 'the project folder to diagnose (default: the current folder)'],
    ['--base-url <url>', 'where probes go (default: GOOGLE_GEMINI_BASE_URL, else Google)'],
    ['--model <id>', 'the model to check (default: gemini-2.5-flash)'],
    ['--timeout <ms>', 'per-probe timeout in milliseconds', '10000'],
    ['--key-env <name>', "probe only this environment variable's value"],
    ['--key-stdin', 'probe only the key read from standard input'],
    ['--generate', 'also generate one token (checks quota, billing and region)'],
    ['--json', 'print the report as JSON (schemaVersion 1)'],
    ['--html [file]', 'write a self-contained HTML report to FILE (or to stdout)'],
    VERBOSE_OPTION,
    ['--no-color', 'no ANSI colour'],
    ['--demo', 'run against the embedded emulator: no key, no network needed'],
  ],
};

/** `gemini-key-doctor [doctor]`: thin over diagnose() and renderReport(). */
export const doctorCommand: CommandHandler = async (argv, ctx) => {
  const { flags } = await parseCommand<DoctorFlags>(SPEC, argv, ctx);

  if (flags.demo) {
    const { runDemo } = await import('./demo.js');
    return runDemo(ctx, { verbose: flags.verbose ?? false, json: flags.json ?? false });
  }
  if (flags.json && flags.html === true)
    throw new UsageError('--json and --html without a file both write to stdout');
  const timeoutMs = timeoutOption(flags.timeout);
  const baseUrl = flags.baseUrl !== undefined ? baseUrlOption(flags.baseUrl) : undefined;
  const model = flags.model !== undefined ? modelOption(flags.model) : undefined;
  const cwd = resolve(ctx.cwd, flags.cwd ?? '.');
  if (!isFolder(cwd)) throw new UsageError(`--cwd: '${cwd}' is not a folder`);
  if (flags.keyEnv !== undefined && flags.keyStdin)
    throw new UsageError('use either --key-env or --key-stdin, not both');
  const htmlFile = typeof flags.html === 'string' ? resolve(ctx.cwd, flags.html) : undefined;
  if (htmlFile !== undefined) await checkOutputFile('--html', htmlFile, /^\s*<!doctype html/i);

  const key = await explicitKey(flags, ctx);

  const { diagnose } = await import('../../doctor/diagnose.js');
  let progressShown = false;
  const showProgress = (keys: number) => {
    progressShown = true;
    ctx.err(`probing ${keys} key${keys === 1 ? '' : 's'}…`);
  };
  const report = await diagnose({
    env: ctx.env,
    cwd,
    offline: flags.offline ?? false,
    timeoutMs,
    generate: flags.generate ?? false,
    ...(baseUrl ? { baseUrl } : {}),
    ...(model ? { model } : {}),
    ...(key ? { key } : {}),
    // Only the probes use it: an offline run keeps Ctrl-C's default and sets up no handler.
    ...(!flags.offline && ctx.io.signal ? { signal: ctx.io.signal } : {}),
    ...(ctx.io.isTTY ? { onProbing: showProgress } : {}),
  });
  // The progress line is erased once the probes are done.
  if (progressShown) ctx.err('\r\x1b[K');
  const { renderReport } = await import('../../doctor/render/render-report.js');
  if (htmlFile !== undefined) {
    await writeFile(htmlFile, renderReport(report, 'html')).catch((error: unknown) => {
      throw new UsageError(
        `--html: cannot write '${htmlFile}' (${(error as { code?: string }).code ?? 'error'})`,
      );
    });
  }
  const format = flags.json ? 'json' : flags.html === true ? 'html' : 'text';
  ctx.out(renderReport(report, format, { color: ctx.color, verbose: flags.verbose ?? false }));
  if (typeof flags.html === 'string' && format === 'text') ctx.out(`HTML report written to ${flags.html}\n`);
  return (report.ok ? 0 : 1) as ExitCode;
};

/** The key given explicitly (`--key-env NAME`, `--key-stdin`), the only one linted and probed. */
async function explicitKey(
  flags: DoctorFlags,
  ctx: CliContext,
): Promise<{ key: SecretKey; source: string } | undefined> {
  const { SecretKey } = await import('../../core/secret-key.js');
  if (flags.keyEnv !== undefined) {
    const value = envValue(ctx.env, flags.keyEnv);
    if (value === undefined || value === '') throw new UsageError(`--key-env: ${flags.keyEnv} is not set`);
    return { key: new SecretKey(value), source: `env:${flags.keyEnv}` };
  }
  if (!flags.keyStdin) return undefined;
  // On a terminal: a prompt without echo. Piped: only the newline `echo` adds is dropped, any
  // other whitespace is the key's and gets linted.
  const read = ctx.io.readSecret
    ? ctx.io.readSecret('Gemini API key (input hidden): ')
    : ctx.io.readStdin?.().then((text) => keyInput(text).replace(/\r?\n$/, ''));
  if (!read) throw new UsageError('--key-stdin: no standard input');
  const value = keyInput(await read);
  if (value === '') throw new UsageError('--key-stdin: standard input was empty');
  return { key: new SecretKey(value), source: 'stdin' };
}
