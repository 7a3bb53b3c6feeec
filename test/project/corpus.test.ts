import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../../src/doctor/diagnose.js';
import { renderText } from '../../src/doctor/render/text.js';
import type { DoctorReport } from '../../src/doctor/report.js';
import { magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { CORPUS, type CorpusProject, type CorpusSetup } from './corpus.js';

/**
 * The corpus (test/project/corpus.ts): each real project set up as its README says and as users get
 * it wrong; the doctor's verdict (report.ok, i.e. the exit code) and its verdict on the key the
 * app's code sends must match what the app would really meet. Runs the library in-process against
 * the embedded emulator; `npx tsx scripts/project-corpus.ts` scores the built CLI the same way.
 */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'projects');
const WORK = workingMagicKey('auth');
const BAD = magicKeyFor('key_invalid')!;
const fill = (text: string) => text.replaceAll('{WORK}', WORK).replaceAll('{BAD}', BAD);

let emulator: RunningEmulator;
let box: string;
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.01 });
  box = await mkdtemp(join(tmpdir(), 'gkd-corpus-test-'));
});
after(async () => {
  await emulator.close();
  await rm(box, { recursive: true, force: true });
});

let counter = 0;
async function runSetup(project: CorpusProject, setup: CorpusSetup): Promise<DoctorReport> {
  const root = join(box, String(counter++));
  const dir = join(root, 'work', project.name);
  const home = join(root, 'home');
  await mkdir(home, { recursive: true });
  await cp(join(FIXTURES, project.name), dir, { recursive: true });
  for (const [path, content] of Object.entries(setup.files ?? {})) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), fill(content));
  }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: home,
    METADATA_SERVER_DETECTION: 'none',
  };
  for (const [name, value] of Object.entries(setup.env ?? {})) env[name] = fill(value);
  return diagnose({ env, cwd: join(dir, setup.cwd ?? '.'), home, baseUrl: emulator.url, timeoutMs: 5000 });
}

/** Every 12-character run of a key: none may appear in any output. */
function assertNoKeyIn(text: string, key: string): void {
  for (let i = 0; i + 12 <= key.length; i++)
    assert.ok(!text.includes(key.slice(i, i + 12)), 'a 12-character run of a planted key is in the output');
}

describe('the corpus covers what the issue asks for', () => {
  test('≥ 10 projects, each with its README setup and ≥ 2 common mistakes, each with SOURCE.md', async () => {
    assert.ok(CORPUS.length >= 10);
    for (const p of CORPUS) {
      assert.ok(
        p.setups.some((s) => s.kind === 'readme'),
        `${p.name}: README setup`,
      );
      assert.ok(p.setups.filter((s) => s.kind === 'mistake').length >= 2, `${p.name}: two mistakes`);
    }
  });
});

for (const project of CORPUS) {
  describe(`corpus: ${project.name} (${project.kind})`, () => {
    for (const setup of project.setups) {
      test(`${setup.kind}: ${setup.name} → ${setup.expect}`, async () => {
        const report = await runSetup(project, setup);
        const failing = report.findings.filter((f) => f.status === 'fail').map((f) => f.title);
        assert.equal(
          report.ok ? 'ok' : 'fail',
          setup.expect,
          `${setup.why}\nfailing: ${failing.join(' | ')}`,
        );
        if (setup.key) {
          const verdicts = report.project?.uses.map((u) => u.verdict) ?? [];
          const want = setup.key === 'works' ? 'works' : setup.key;
          assert.ok(verdicts.includes(want), `key verdicts ${verdicts.join(',')} lack ${want}`);
        }
        if (setup.compose) {
          const verdicts = report.project?.compose?.map((c) => c.verdict) ?? [];
          assert.ok(
            verdicts.includes(setup.compose),
            `compose verdicts ${verdicts.join(',')} lack ${setup.compose}`,
          );
        }
        const outputs = JSON.stringify(report) + renderText(report, { color: false, verbose: true });
        assertNoKeyIn(outputs, WORK);
        assertNoKeyIn(outputs, BAD);
      });
    }
  });
}

describe('corpus: what the report says', () => {
  const find = (name: string) => CORPUS.find((p) => p.name === name)!;

  test('Next.js: names the read with file and line, and the file Next.js loads', async () => {
    const p = find('nextjs-veo');
    const report = await runSetup(p, p.setups[1]!);
    const read = report.findings.find((f) => f.check === 'project.key-read')!;
    assert.match(read.title, /reads GEMINI_API_KEY at app\/api\/\w+\/generate\/route\.ts:8/);
    assert.match(read.title, /from file:\.env\.local:GEMINI_API_KEY/);
    assert.match(
      read.detail,
      /Next\.js loads \.env\.development\.local, \.env\.local, \.env\.development, \.env/,
    );
  });

  test('a key stored under the wrong name: the fix renames the stored variable, or changes the named line', async () => {
    const p = find('nextjs-veo');
    const report = await runSetup(p, p.setups[3]!);
    const read = report.findings.find((f) => f.check === 'project.key-read' && f.status === 'fail')!;
    const fix = read.fix.join('\n');
    assert.match(
      fix,
      /stored as GOOGLE_API_KEY in \.env, but this code reads GEMINI_API_KEY \(app\/api\/\w+\/generate\/route\.ts line 8\): rename it to GEMINI_API_KEY in \.env, or change app\/api\/\w+\/generate\/route\.ts line 8 to read GOOGLE_API_KEY/,
    );
    // No finding tells the user to rename the variable the code reads without changing that line.
    for (const f of report.findings) assert.doesNotMatch(f.fix.join('\n'), /Rename GEMINI_API_KEY to/);
  });

  test('the retired model the app calls is a failing finding with current replacements', async () => {
    const p = find('nextjs-image-editing');
    const report = await runSetup(p, p.setups[0]!);
    const model = report.findings.find((f) => f.check === 'project.model')!;
    assert.equal(model.status, 'fail');
    assert.match(
      model.title,
      /gemini-2\.0-flash-exp \(app\/api\/image\/route\.ts:10\), which Google has retired/,
    );
    assert.match(model.fix[0]!, /gemini-3\.8-flash or gemini-2\.5-flash/);
    assert.deepEqual(
      report.project?.models.map((m) => `${m.id}:${m.status}`),
      ['gemini-2.0-flash-exp:retired'],
    );
  });

  test('a leaked key nothing reads is a warning (revoke, unset), not a failure', async () => {
    const p = find('nextjs-ai-sdk-chatbot');
    const report = await runSetup(p, p.setups[2]!);
    assert.equal(report.ok, true);
    const stale = report.findings.filter(
      (f) => f.status === 'warn' && /Nothing in this project sends this key/.test(f.detail),
    );
    assert.ok(stale.length > 0);
  });

  test('monorepo: the README puts the key in the root .env, which Next.js in apps/web never loads', async () => {
    const p = find('turborepo-web');
    const report = await runSetup(p, p.setups[0]!);
    const read = report.findings.find((f) => f.check === 'project.key-read')!;
    assert.equal(read.status, 'fail');
    assert.match(read.title, /GEMINI_API_KEY at apps\/web\/src\/lib\/gemini\.ts:2/);
    assert.match(read.fix.join('\n'), /apps\/web\/\.env\.local/);
    assert.deepEqual(report.project?.workspace, ['npm', 'turborepo']);
  });

  test('Python: fixes are written for Python (load_dotenv, the backend .env), never a JavaScript import', async () => {
    const p = find('langgraph-monorepo');
    const report = await runSetup(p, p.setups.find((s) => s.name === 'key stored as GOOGLE_API_KEY')!);
    const read = report.findings.find((f) => f.check === 'project.key-read' && f.status === 'fail')!;
    const fix = read.fix.join('\n');
    assert.match(fix, /rename it to GEMINI_API_KEY in \.env, or change src\/agent\/graph\.py line 40/);
    assert.match(fix, /Add GEMINI_API_KEY=your-key to \.env/);
    assert.match(read.detail, /load_dotenv\(\) at src\/agent\/graph\.py:34 loads \.env without overriding/);
    assert.doesNotMatch(fix, /dotenv\/config|node --env-file|import "/);
  });

  test('Docker Compose: the .env beside compose.yaml is not injected; the fix names the service and the variable the code reads', async () => {
    const p = find('langgraph-monorepo');
    const report = await runSetup(p, p.setups.find((s) => s.name.includes('no env_file'))!);
    const compose = report.findings.find((f) => f.check === 'project.compose')!;
    assert.equal(
      compose.status,
      'warn',
      'the local run finds a key: the Compose view is a warning of its own',
    );
    assert.match(
      compose.title,
      /^Under Docker Compose \(compose\.yaml\), service `backend` gets no GEMINI_API_KEY$/,
    );
    assert.match(compose.detail, /reads GEMINI_API_KEY at backend\/src\/agent\/graph\.py:40/);
    assert.match(compose.detail, /docs\.docker\.com\/compose\/how-tos\/environment-variables/);
    assert.match(
      compose.fix.join('\n'),
      /Under services\.backend in compose\.yaml, add `env_file: \.env` \(paths are relative to the compose file\), or `environment: \[GEMINI_API_KEY\]`/,
    );
  });

  test('Docker Compose: an unset interpolation, and a missing env_file, are named as such', async () => {
    const p = find('langgraph-monorepo');
    const local = await runSetup(p, p.setups.find((s) => s.name.startsWith('README local setup'))!);
    const unset = local.findings.find((f) => f.check === 'project.compose')!;
    assert.match(unset.title, /service `langgraph-api` gets no GEMINI_API_KEY/);
    assert.match(unset.detail, /set neither in the shell that runs `docker compose` nor in \.env/);
    assert.match(unset.fix.join('\n'), /Put GEMINI_API_KEY=your-key in \.env/);
    const missing = await runSetup(p, p.setups.find((s) => s.name.includes('missing file'))!);
    const stops = missing.findings.find((f) => f.check === 'project.compose')!;
    assert.match(
      stops.title,
      /service `backend` does not start: env file \.\/backend\/\.env\.docker not found/,
    );
  });

  test('Docker Compose: when no way of starting the app finds a key, the Compose finding fails too', async () => {
    const p = find('langgraph-monorepo');
    const report = await runSetup(p, {
      name: 'nothing anywhere',
      kind: 'mistake',
      files: { 'compose.yaml': 'services:\n  backend:\n    build: ./backend\n' },
      expect: 'fail',
      why: '',
    });
    assert.equal(report.findings.find((f) => f.check === 'project.compose')?.status, 'fail');
    assert.deepEqual(
      report.project?.compose?.map((c) => [c.service, c.package, c.variable, c.verdict]),
      [['backend', 'backend', 'GEMINI_API_KEY', 'missing']],
    );
  });

  test('Docker Compose: a key the service passes is probed like any key the app sends; a rejected one fails', async () => {
    const p = find('nextjs-veo');
    const report = await runSetup(p, {
      name: 'an old key in the env_file of a compose.yaml',
      kind: 'mistake',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: .env.docker\n',
        '.env.docker': 'GEMINI_API_KEY={BAD}\n',
        '.env.local': 'GEMINI_API_KEY={WORK}\n',
      },
      expect: 'fail',
      why: '',
    });
    assert.equal(report.ok, false);
    const compose = report.findings.find((f) => f.check === 'project.compose')!;
    assert.equal(compose.status, 'fail');
    assert.match(
      compose.title,
      /service `web` gets GEMINI_API_KEY = .+ from file:\.env\.docker:GEMINI_API_KEY \(env_file\), and Google rejects that key/,
    );
    assert.deepEqual(
      report.project?.compose?.map((c) => c.verdict),
      ['rejected'],
    );
    assert.deepEqual(
      report.project?.uses.map((u) => u.verdict),
      ['works'],
    );
  });

  test('a key in a browser-inlined variable is a finding of its own', async () => {
    const p = find('cra-live-console');
    const report = await runSetup(p, p.setups[0]!);
    const browser = report.findings.find((f) => f.check === 'project.browser-key')!;
    assert.equal(browser.status, 'warn');
    assert.match(browser.title, /REACT_APP_GEMINI_API_KEY ships to every visitor/);
  });
});
