/**
 * Scores the doctor on the project corpus (test/project/corpus.ts): each real project, set up as
 * its README says and as users get it wrong, in a fresh temporary copy; the doctor runs against
 * the embedded emulator and its exit code is compared with the expected verdict.
 *
 *   npx tsx scripts/project-corpus.ts [--bin dist/bin/gemini-key-doctor.cjs] [--json]
 *
 * `--bin` lets the same corpus score another build of the doctor (the first-sight score was taken
 * with main's build before this work started).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { magicKeyFor, workingMagicKey } from '../src/emulator/magic-keys.js';
import { startEmulator } from '../src/emulator/server.js';
import { CORPUS, type CorpusProject, type CorpusSetup } from '../test/project/corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'projects');

export interface SetupResult {
  project: string;
  setup: string;
  kind: CorpusSetup['kind'];
  expect: CorpusSetup['expect'];
  got: 'ok' | 'fail' | `error ${number}`;
  right: boolean;
  /** The doctor's verdict on the key the app sends (report.project.uses), when the setup states one. */
  keyExpect?: string;
  keyGot?: string[];
  keyRight?: boolean;
  /** The doctor's verdict on what the Compose service gets (report.project.compose), when the setup states one. */
  composeExpect?: string;
  composeGot?: string[];
  composeRight?: boolean;
  stdout: string;
}

const fill = (text: string) =>
  text.replaceAll('{WORK}', workingMagicKey('auth')).replaceAll('{BAD}', magicKeyFor('key_invalid')!);

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: 60_000 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      done({ code, stdout });
    });
  });
}

export async function scoreSetup(
  bin: string,
  project: CorpusProject,
  setup: CorpusSetup,
  baseUrl: string,
  extraArgs: string[] = [],
): Promise<SetupResult> {
  const box = await mkdtemp(join(tmpdir(), 'gkd-corpus-'));
  try {
    const dir = join(box, 'work', project.name);
    const home = join(box, 'home');
    await mkdir(home, { recursive: true });
    await cp(join(FIXTURES, project.name), dir, { recursive: true });
    for (const [path, content] of Object.entries(setup.files ?? {})) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, fill(content));
    }
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      METADATA_SERVER_DETECTION: 'none',
      NO_COLOR: '1',
    };
    for (const [name, value] of Object.entries(setup.env ?? {})) env[name] = fill(value);
    const cwd = join(dir, setup.cwd ?? '.');
    const { code, stdout } = await run(
      bin,
      [
        ...(extraArgs.includes('--text') ? ['doctor'] : ['doctor', '--json']),
        '--cwd',
        cwd,
        '--base-url',
        baseUrl,
        '--timeout',
        '5000',
        ...extraArgs.filter((a) => a !== '--text'),
      ],
      env,
    );
    const got = code === 0 ? 'ok' : code === 1 ? 'fail' : (`error ${code}` as const);
    let keyGot: string[] = [];
    let composeGot: string[] = [];
    try {
      const report = JSON.parse(stdout) as {
        project?: { uses: { verdict: string }[]; compose?: { verdict: string }[] };
      };
      keyGot = report.project?.uses.map((u) => u.verdict) ?? [];
      composeGot = report.project?.compose?.map((c) => c.verdict) ?? [];
    } catch {
      keyGot = [];
    }
    return {
      ...(setup.key ? { keyExpect: setup.key, keyGot, keyRight: keyGot.includes(setup.key) } : {}),
      ...(setup.compose
        ? { composeExpect: setup.compose, composeGot, composeRight: composeGot.includes(setup.compose) }
        : {}),
      project: project.name,
      setup: setup.name,
      kind: setup.kind,
      expect: setup.expect,
      got,
      right: got === setup.expect,
      stdout,
    };
  } finally {
    await rm(box, { recursive: true, force: true });
  }
}

export async function scoreCorpus(bin: string, extraArgs: string[] = []): Promise<SetupResult[]> {
  const emulator = await startEmulator({ retryDelaySeconds: 0.01 });
  try {
    const results: SetupResult[] = [];
    for (const project of CORPUS) {
      for (const setup of project.setups)
        results.push(await scoreSetup(bin, project, setup, emulator.url, extraArgs));
    }
    return results;
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const binAt = args.indexOf('--bin');
  const bin = resolve(binAt >= 0 ? args[binAt + 1]! : join(ROOT, 'dist', 'bin', 'gemini-key-doctor.cjs'));
  const results = await scoreCorpus(bin);
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        results.map(({ stdout: _stdout, ...r }) => r),
        null,
        2,
      ),
    );
    return;
  }
  for (const r of results)
    console.log(
      `${r.right ? 'right' : 'WRONG'}  ${r.project.padEnd(22)} ${r.kind.padEnd(7)} expect ${r.expect.padEnd(4)} got ${r.got.padEnd(4)}  ${r.setup}`,
    );
  const right = results.filter((r) => r.right).length;
  const projects = new Set(results.map((r) => r.project)).size;
  const keyed = results.filter((r) => r.keyExpect !== undefined);
  console.log(`\n${right}/${results.length} setups right (exit code) on ${projects} projects`);
  console.log(
    `${keyed.filter((r) => r.keyRight).length}/${keyed.length} app-key verdicts right (report.project.uses; absent before issue 14)`,
  );
  const composed = results.filter((r) => r.composeExpect !== undefined);
  console.log(
    `${composed.filter((r) => r.composeRight).length}/${composed.length} Docker Compose verdicts right (report.project.compose; absent before the Compose model)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
