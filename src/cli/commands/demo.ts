import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createColors } from 'picocolors';
import { renderReport } from '../../doctor/render/render-report.js';
import type { DoctorReport } from '../../doctor/report.js';
import type { CommandSpec } from '../command-spec.js';
import type { CliContext, CommandHandler, ExitCode } from '../context.js';
import { VERBOSE_OPTION } from '../options.js';
import { parseCommand } from '../parse-command.js';

export interface DemoScenario {
  title: string;
  /** Variables set (to magic keys) and files written in the scenario's own project folder. */
  env: Record<string, string>;
  files?: Record<string, string>;
  /** Run in this sub-folder of the project. */
  subdir?: string;
}

/** The command that works from a fresh clone once `npm start` (or `npm run build`) has built dist/. */
export const FROM_A_CLONE = 'node dist/bin/gemini-key-doctor.cjs';

/** How the reader runs the tool again: through npx when it was installed, from dist/ in a clone. */
export function rerunCommand(moduleUrl: string = import.meta.url): string {
  return moduleUrl.includes('/node_modules/') ? 'npx gemini-key-doctor' : FROM_A_CLONE;
}

/** A few telling setups, each with the emulator's magic keys. */
export async function demoScenarios(): Promise<DemoScenario[]> {
  const { workingMagicKey, magicKeyFor } = await import('../../emulator/magic-keys.js');
  return [
    { title: 'A working auth key', env: { GEMINI_API_KEY: workingMagicKey('auth') } },
    { title: 'A key Google blocked as leaked', env: { GEMINI_API_KEY: magicKeyFor('key_leaked') ?? '' } },
    {
      title: 'A stale GOOGLE_API_KEY beside a working GEMINI_API_KEY',
      env: { GOOGLE_API_KEY: magicKeyFor('key_invalid') ?? '', GEMINI_API_KEY: workingMagicKey('auth') },
    },
    {
      title: 'A monorepo: the key is in ../../.env, the app runs in packages/app',
      env: {},
      files: {
        '.env': `GEMINI_API_KEY=${workingMagicKey('auth')}\n`,
        'packages/app/package.json': JSON.stringify({
          dependencies: { '@google/genai': '^1.0.0', dotenv: '^16.0.0' },
        }),
      },
      subdir: 'packages/app',
    },
    {
      title: 'The Generative Language API is disabled in the key’s project',
      env: { GEMINI_API_KEY: magicKeyFor('service_disabled') ?? '' },
    },
  ];
}

/**
 * The real doctor against the embedded emulator on each scenario, each in its own empty folder and
 * home, so nothing on this machine (its variables, its .env files) leaks in. No key, no network.
 */
export async function runDemoScenarios(
  signal?: AbortSignal,
): Promise<{ scenario: DemoScenario; report: DoctorReport }[]> {
  const [{ startEmulator }, { diagnose }] = await Promise.all([
    import('../../emulator/server.js'),
    import('../../doctor/diagnose.js'),
  ]);
  const emulator = await startEmulator({ port: 0 });
  const root = await mkdtemp(join(tmpdir(), 'gkd-demo-'));
  try {
    const results: { scenario: DemoScenario; report: DoctorReport }[] = [];
    for (const [index, scenario] of (await demoScenarios()).entries()) {
      const project = join(root, `scenario-${index + 1}`, 'project');
      const home = join(root, `scenario-${index + 1}`, 'home');
      const cwd = join(project, scenario.subdir ?? '');
      await mkdir(cwd, { recursive: true });
      await mkdir(home, { recursive: true });
      for (const [path, content] of Object.entries(scenario.files ?? {})) {
        await mkdir(dirname(join(project, path)), { recursive: true });
        await writeFile(join(project, path), content);
      }
      const report = await diagnose({
        env: { ...scenario.env, HOME: home },
        cwd,
        home,
        baseUrl: emulator.url,
        timeoutMs: 5000,
        hygiene: false,
        ...(signal ? { signal } : {}),
      });
      // The scenario's temporary folder means nothing to the reader: it reads as <demo project>.
      const shown = JSON.stringify(report).replaceAll(JSON.stringify(project).slice(1, -1), '<demo project>');
      results.push({ scenario, report: JSON.parse(shown) as DoctorReport });
    }
    return results;
  } finally {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * `--demo` / `npm start`: each scenario's verdict and first fix step, short; `-v` prints the full
 * reports. Ends with a command that works from a fresh clone.
 */
export async function runDemo(
  ctx: CliContext,
  options: { verbose: boolean; json: boolean },
): Promise<ExitCode> {
  const results = await runDemoScenarios(ctx.io.signal);
  if (options.json) {
    ctx.out(
      `${JSON.stringify(
        results.map(({ scenario, report }) => ({ scenario: scenario.title, report })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const c = createColors(ctx.color);
  const paint = { ok: c.green, warn: c.yellow, fail: c.red, unverified: c.yellow };
  const mark = { ok: '✓', warn: '!', fail: '✗', unverified: '?' };
  ctx.out(
    `${c.bold('gemini-key-doctor demo')}: the real doctor against its embedded emulator — no key of yours, no network.\n`,
  );
  for (const [index, { scenario, report }] of results.entries()) {
    const { verdict } = report;
    ctx.out(`\n${c.bold(`${index + 1}/${results.length} ${scenario.title}`)}\n`);
    if (options.verbose) {
      ctx.out(renderReport(report, 'text', { color: ctx.color, verbose: true }));
      continue;
    }
    ctx.out(`   ${paint[verdict.status](`${mark[verdict.status]} ${verdict.summary}`)}\n`);
    const first = report.findings[0]?.fix[0];
    if (verdict.status !== 'ok' && first) ctx.out(c.dim(`     fix: ${first}\n`));
  }
  const rerun = rerunCommand();
  ctx.out(
    `\nEvery report in full: ${rerun} demo -v\n${c.bold('Now on your project:')} ${rerun} --cwd /path/to/your/project   (--offline sends nothing; --json, --html report.html)\n`,
  );
  return 0;
}

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor demo',
  description: 'Run the doctor against the embedded emulator on a few telling setups: no key, no network.',
  options: [['--json', 'the reports as JSON'], VERBOSE_OPTION, ['--no-color', 'no ANSI colour']],
};

/** `demo [--json] [-v]`: the same as `doctor --demo`. */
export const demoCommand: CommandHandler = async (argv, ctx) => {
  const { flags } = await parseCommand<{ json?: boolean; verbose?: boolean }>(SPEC, argv, ctx);
  return runDemo(ctx, { verbose: flags.verbose ?? false, json: flags.json ?? false });
};
