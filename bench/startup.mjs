// Start-up of the CLI against a bare `node -e 0`, in the same run: `--version`, `explain --json -`
// on a small input, and `doctor --offline` in an empty folder. Each time is split into node's own
// start (`node -e 0`), loading the command's bundle from the code cache as the CLI does
// (bench/_load-bundle.mjs, minus the same preload loading nothing) and the work (the rest: the
// entry, reading the input, the command itself, the output).
// Targets (ratio to `node -e 0`): --version ≤ 1.3×, explain ≤ 1.8×, doctor --offline ≤ 2.0×.
// GKD_BENCH_BIN=path/to/bin measures another build (e.g. an older commit's) without the split.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alternate,
  describeEnv,
  fmt,
  minimalEnv,
  pairedRatio,
  record,
  requireBuild,
  summary,
  timeProcess,
} from './_support.mjs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 31);
const explicit = process.env['GKD_BENCH_BIN'];
const bin = explicit ?? requireBuild('startup');
const commands = join(dirname(bin), 'commands');
const empty = mkdtempSync(join(tmpdir(), 'gkd-bench-empty-'));
const env = minimalEnv();
const node = process.execPath;
const input = JSON.stringify({
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
  },
});

const run =
  (args, options = {}) =>
  () =>
    timeProcess(node, args, { cwd: empty, env, ...options }).ms;
const TARGETS = { version: 1.3, explain: 1.8, doctor: 2.0 };
const measurements = {
  node: run(['-e', '0']),
  version: run([bin, '--version']),
  explain: run([bin, 'explain', '--json', '-'], { input }),
  // no key anywhere: the doctor reports it and exits 1
  doctor: run([bin, 'doctor', '--offline'], { okStatus: [1] }),
};
// The first run after an install (or a new build) compiles the bundles and writes V8's code cache
// (src/cli/compile-cache.ts); every later run reads it. Both are measured; the targets are for the
// later runs, the ones a user repeats.
const cold = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };
measurements.explainCold = run([bin, 'explain', '--json', '-'], { input, env: cold });
measurements.doctorCold = run([bin, 'doctor', '--offline'], { okStatus: [1], env: cold });
if (!explicit) {
  const preload = ['--import', join(dirname(fileURLToPath(import.meta.url)), '_load-bundle.mjs'), '-e', '0'];
  measurements.preload = run(preload);
  for (const name of ['explain', 'doctor']) {
    const bundle = { ...env, GKD_BENCH_BUNDLE: join(commands, `${name}.cjs`) };
    measurements[`${name}Modules`] = run(preload, { env: bundle });
  }
}

console.log(describeEnv(env));
console.log(
  `${explicit ? `build: ${explicit}` : `build: ${bin}`}; ${RUNS} alternating rounds; cwd: an empty folder`,
);
const samples = alternate(measurements, RUNS);
rmSync(empty, { recursive: true, force: true });

const nodeMs = summary(samples.node);
console.log(`node -e 0                 ${fmt(nodeMs)}`);
const figures = { runs: RUNS, nodeMs: nodeMs.median, commands: {} };
for (const name of ['version', 'explain', 'doctor']) {
  const total = summary(samples[name]);
  const ratio = pairedRatio(samples[name], samples.node);
  const label = { version: '--version', explain: 'explain --json -', doctor: 'doctor --offline' }[name];
  const verdict = ratio.median <= TARGETS[name] ? 'met' : 'NOT met';
  let split = '';
  const entry = {
    ms: total.median,
    ratio: ratio.median,
    ratioMin: ratio.min,
    ratioMax: ratio.max,
    target: TARGETS[name],
  };
  if (samples[`${name}Modules`]) {
    const modules = summary(samples[`${name}Modules`]).median - summary(samples.preload).median;
    const work = total.median - nodeMs.median - modules;
    entry.split = { node: nodeMs.median, modules, work };
    split = `  split: node ${nodeMs.median.toFixed(1)} + modules ${modules.toFixed(1)} + work ${work.toFixed(1)} ms`;
  }
  if (samples[`${name}Cold`]) {
    const coldRatio = pairedRatio(samples[`${name}Cold`], samples.node);
    entry.withoutCache = { ms: summary(samples[`${name}Cold`]).median, ratio: coldRatio.median };
    split += `\n${''.padEnd(26)}without the compile cache (a first run): ${fmt(summary(samples[`${name}Cold`]))}  ratio ${coldRatio.median.toFixed(2)}×`;
  }
  figures.commands[name] = entry;
  console.log(
    `${label.padEnd(25)} ${fmt(total)}  ratio ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}), target ≤ ${TARGETS[name]}×: ${verdict}${split}`,
  );
}
if (!explicit) record('startup', figures);
