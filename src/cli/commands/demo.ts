import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createColors } from 'picocolors';
import { renderReport } from '../../doctor/render/render-report.js';
import type { DoctorReport } from '../../doctor/report.js';
import { newCommand, parseWith } from '../_commander.js';
import type { CliContext, CommandHandler, ExitCode } from '../context.js';
import { VERBOSE_OPTION } from '../options.js';

interface DemoScenario {
  title: string;
  /** What the reader should notice, one line. */
  lesson: string;
  env: Record<string, string>;
}

/**
 * `--demo` / `npm start`: the real doctor against the embedded emulator, on a few telling setups,
 * with no key and no network. Each scenario gets its own empty folder and home, so nothing on this
 * machine (its variables, its .env files) leaks in.
 */
export async function runDemo(
  ctx: CliContext,
  options: { verbose: boolean; json: boolean },
): Promise<ExitCode> {
  const [{ startEmulator }, { workingMagicKey, magicKeyFor }, { diagnose }] = await Promise.all([
    import('../../emulator/server.js'),
    import('../../emulator/magic-keys.js'),
    import('../../doctor/diagnose.js'),
  ]);
  const scenarios: DemoScenario[] = [
    {
      title: 'A working auth key',
      lesson:
        'Every check passes: the key is well-formed, the API lists models, and the default model answers.',
      env: { GEMINI_API_KEY: workingMagicKey('auth') },
    },
    {
      title: 'A key Google blocked as leaked',
      lesson: 'Google blocks keys found in public code; the only fix is a new key, kept out of git.',
      env: { GEMINI_API_KEY: magicKeyFor('key_leaked') ?? '' },
    },
    {
      title: 'GOOGLE_API_KEY shadows GEMINI_API_KEY',
      lesson: 'The Google SDKs send GOOGLE_API_KEY (a stale key here) while gemini-cli sends GEMINI_API_KEY.',
      env: { GOOGLE_API_KEY: magicKeyFor('key_invalid') ?? '', GEMINI_API_KEY: workingMagicKey('auth') },
    },
    {
      title: 'The Generative Language API is disabled in the key’s project',
      lesson: 'The key is fine; its Cloud project must enable the API (the fix links to the exact page).',
      env: { GEMINI_API_KEY: magicKeyFor('service_disabled') ?? '' },
    },
  ];
  const c = createColors(ctx.color);
  const emulator = await startEmulator({ port: 0 });
  const root = await mkdtemp(join(tmpdir(), 'gkd-demo-'));
  const reports: { scenario: string; report: DoctorReport }[] = [];
  try {
    if (!options.json) {
      ctx.out(
        `${c.bold('gemini-key-doctor demo')} — the real doctor against the embedded emulator (${emulator.url}).\nNo key of yours and no network are used: the keys below are the emulator's magic test keys.\n`,
      );
    }
    for (const [index, scenario] of scenarios.entries()) {
      const folder = join(root, `scenario-${index + 1}`);
      await mkdir(folder);
      const report = await diagnose({
        env: { ...scenario.env, HOME: folder },
        cwd: folder,
        home: folder,
        baseUrl: emulator.url,
        timeoutMs: 5000,
        hygiene: false,
        ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
      });
      reports.push({ scenario: scenario.title, report });
      if (options.json) continue;
      const names = Object.keys(scenario.env);
      const vars = `${names.join(' and ')} set to ${names.length === 1 ? 'a magic key' : 'magic keys'}`;
      ctx.out(`\n${c.bold(c.cyan(`━━ ${index + 1}/${scenarios.length}  ${scenario.title}`))}\n`);
      ctx.out(c.dim(`(${vars}) ${scenario.lesson}\n\n`));
      ctx.out(renderReport(report, 'text', { color: ctx.color, verbose: options.verbose }));
    }
  } finally {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  }
  if (options.json) ctx.out(`${JSON.stringify(reports, null, 2)}\n`);
  else
    ctx.out(
      `\n${c.bold('Now run it on your project:')} gemini-key-doctor   (add --offline to send nothing, --json for scripts)\n`,
    );
  return 0;
}

/** `demo [--json] [-v]`: the same as `doctor --demo`. */
export const demoCommand: CommandHandler = async (argv, ctx) => {
  const program = newCommand('gemini-key-doctor demo', ctx)
    .description('Run the doctor against the embedded emulator on a few telling setups: no key, no network.')
    .option('--json', 'the reports as JSON')
    .option(...VERBOSE_OPTION)
    .option('--no-color', 'no ANSI colour');
  await parseWith(program, argv);
  const flags = program.opts<{ json?: boolean; verbose?: boolean }>();
  return runDemo(ctx, { verbose: flags.verbose ?? false, json: flags.json ?? false });
};
