import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { parse } from 'yaml';
import { leakAuthKey, leakStandardKey, TempRepo } from '../scan/_repo.js';
import { BUILT_CLI } from '../support/built-cli.js';
import { assertNoLeak } from '../support/leak-check.js';

/**
 * action.yml run the way the Actions runner runs a composite action: each `run:` script with
 * `bash --noprofile --norc -eo pipefail`, its `env:` expressions evaluated from the inputs (or
 * their defaults), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files — in a temporary git repository
 * with planted keys, where `npx --no-install gemini-key-doctor` finds this build (as in a project
 * that installs it). The pre-commit hook of .pre-commit-hooks.yaml runs in the same repository.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = BUILT_CLI;

interface Step {
  id?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

interface ActionRun {
  status: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Evaluates the only expressions the action uses: `${{ inputs.NAME }}`. */
function evaluate(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    assert.ok(name in action.inputs, `unknown input ${name}`);
    return inputs[name] ?? action.inputs[name]!.default ?? '';
  });
}

function runAction(repo: TempRepo, given: Record<string, string> = {}): ActionRun {
  const outputFile = join(repo.dir, '.runner-output');
  const summaryFile = join(repo.dir, '.runner-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  let log = '';
  let status = 0;
  for (const step of action.runs.steps) {
    assert.equal(step.shell, 'bash');
    const script = join(repo.dir, '.runner-step.sh');
    writeFileSync(script, step.run ?? '');
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: repo.dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      npm_config_update_notifier: 'false',
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(value, given);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: repo.dir,
      env,
      encoding: 'utf8',
    });
    log += result.stdout + result.stderr;
    status = result.status ?? 1;
    if (status !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status, log, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

function readSarif(repo: TempRepo, file = 'gemini-key-doctor.sarif'): Log {
  return JSON.parse(readFileSync(join(repo.dir, file), 'utf8')) as Log;
}

const committedKey = leakStandardKey();
const historyKey = leakAuthKey();
const stagedKey = leakStandardKey();
let repo: TempRepo;

before(() => {
  repo = new TempRepo();
  // The project installs gemini-key-doctor: node_modules/.bin is where npx --no-install looks.
  mkdirSync(join(repo.dir, 'node_modules/.bin'), { recursive: true });
  const shim = join(repo.dir, 'node_modules/.bin/gemini-key-doctor');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  repo.write('.gitignore', 'node_modules/\n.env\n.runner-*\n*.sarif\n');
  repo.write('old/settings.ts', `export const key = "${historyKey}";\n`);
  repo.commit('a key that is later removed');
  repo.git('rm', '-q', 'old/settings.ts');
  repo.write('src/config.ts', `// config\nexport const GEMINI_API_KEY = "${committedKey}";\n`);
  repo.write('README.md', '# demo\n');
  repo.commit('config');
});
after(() => repo?.remove());

describe('action.yml (composite, run as the runner runs it)', () => {
  test('is a composite action with the inputs the README documents, no expression inside a script', () => {
    assert.equal(action.runs.using, 'composite');
    for (const name of ['path', 'history', 'baseline', 'fail-on', 'sarif-file'])
      assert.ok(action.inputs[name]?.description, name);
    assert.equal(action.inputs['history']!.default, 'false');
    assert.equal(action.inputs['fail-on']!.default, 'error');
    assert.match(action.outputs['sarif-file']!.value, /steps\.scan\.outputs\.sarif-file/);
    for (const step of action.runs.steps) assert.ok(!step.run?.includes('${{'), 'inputs go through env only');
  });

  test('a committed key: the job fails, the SARIF names file, line and rule, the key stays masked', () => {
    const run = runAction(repo);
    assert.equal(run.status, 1, run.log);
    assert.match(run.log, /::error title=gemini-key-doctor::1 leaked key/);
    assert.equal(run.outputs['failing'], '1');
    assert.equal(run.outputs['sarif-file'], 'gemini-key-doctor.sarif');
    assert.match(run.summary, /1 finding\(s\) failing/);
    const sarif = readSarif(repo);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0]!.results ?? [];
    assert.equal(results.length, 1, JSON.stringify(results));
    const [result] = results;
    assert.equal(result!.ruleId, 'gemini-standard-key');
    assert.equal(result!.level, 'error');
    const location = result!.locations![0]!.physicalLocation!;
    assert.equal(location.artifactLocation!.uri, 'src/config.ts');
    assert.equal(location.region!.startLine, 2);
    for (const key of [committedKey, historyKey]) {
      assertNoLeak(key, readFileSync(join(repo.dir, 'gemini-key-doctor.sarif'), 'utf8'));
      assertNoLeak(key, run.log);
    }
  });

  test('with a baseline accepting that key the job passes; the result stays in the SARIF, suppressed', () => {
    const written = spawnSync(process.execPath, [BIN, 'scan', '--write-baseline', '.gkd-baseline.json'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    assert.equal(written.status, 1, written.stderr);
    const run = runAction(repo, { baseline: '.gkd-baseline.json' });
    assert.equal(run.status, 0, run.log);
    assert.equal(run.outputs['failing'], '0');
    const results = readSarif(repo).runs[0]!.results ?? [];
    assert.equal(results.length, 1);
    assert.equal(results[0]!.suppressions?.[0]?.kind, 'external');
  });

  test('history: true finds the key a later commit removed, and fails again', () => {
    const run = runAction(repo, {
      baseline: '.gkd-baseline.json',
      history: 'true',
      'sarif-file': 'history.sarif',
    });
    assert.equal(run.status, 1, run.log);
    const results = readSarif(repo, 'history.sarif').runs[0]!.results ?? [];
    const fromHistory = results.filter((r) => !r.suppressions?.length);
    assert.equal(fromHistory.length, 1, JSON.stringify(results));
    assert.equal(fromHistory[0]!.ruleId, 'gemini-auth-key');
    assert.equal(fromHistory[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'old/settings.ts');
    assertNoLeak(historyKey, readFileSync(join(repo.dir, 'history.sarif'), 'utf8'));
  });

  test('fail-on: never reports without failing; warning also fails on hygiene warnings', () => {
    const never = runAction(repo, { 'fail-on': 'never' });
    assert.equal(never.status, 0, never.log);
    assert.equal((readSarif(repo).runs[0]!.results ?? []).length, 1, 'the SARIF still has the finding');
    // A tracked .env.local: a hygiene warning, which scan itself does not fail on.
    const hygiene = new TempRepo();
    try {
      mkdirSync(join(hygiene.dir, 'node_modules/.bin'), { recursive: true });
      const shim = join(hygiene.dir, 'node_modules/.bin/gemini-key-doctor');
      writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      chmodSync(shim, 0o755);
      hygiene.write('.gitignore', 'node_modules/\n.runner-*\n*.sarif\n');
      hygiene.write('.env', 'GEMINI_API_KEY=\n');
      hygiene.commit('env');
      const onError = runAction(hygiene);
      assert.equal(onError.status, 0, onError.log);
      const levels = (readSarif(hygiene).runs[0]!.results ?? []).map((r) => r.level);
      assert.ok(levels.includes('warning'), JSON.stringify(levels));
      const onWarning = runAction(hygiene, { 'fail-on': 'warning' });
      assert.equal(onWarning.status, 1, onWarning.log);
    } finally {
      hygiene.remove();
    }
  });

  test('bad inputs: one ::error line and a failed step, no scan', () => {
    for (const [input, value] of [
      ['history', 'maybe'],
      ['fail-on', 'sometimes'],
      ['baseline', 'no-such-baseline.json'],
    ] as const) {
      const run = runAction(repo, { [input]: value });
      assert.equal(run.status, 2, `${input}: ${run.log}`);
      assert.match(run.log, /^::error title=gemini-key-doctor::/m);
    }
  });

  test('the pre-commit hook entry blocks a staged key in the same repository', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
      id: string;
      entry: string;
      pass_filenames: boolean;
    }>;
    const hook = hooks.find((h) => h.id === 'gemini-key-doctor');
    assert.ok(hook);
    assert.equal(hook.pass_filenames, false);
    assert.match(hook.entry, /^npx --no-install gemini-key-doctor scan /);
    repo.write('src/new.ts', `const k = '${stagedKey}';\n`);
    repo.git('add', 'src/new.ts');
    try {
      const blocked = spawnSync('bash', ['-c', hook.entry], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(blocked.status, 1, blocked.stderr);
      assertNoLeak(stagedKey, blocked.stdout + blocked.stderr);
    } finally {
      repo.git('rm', '-q', '--cached', 'src/new.ts');
    }
  });
});
