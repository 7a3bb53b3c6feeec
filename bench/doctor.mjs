// The doctor's full online run vs one plain HTTP request, both against the emulator with 200 ms
// injected latency, both as fresh node processes (so both pay node's startup). Alternating runs;
// prints the median ratio. Target: ≤ 2.5× (probes run in parallel, startup is lean).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeEnv,
  fmt,
  minimalEnv,
  PLAIN_REQUEST_SCRIPT,
  record,
  requireBuild,
  startEmulatorProcess,
  summary,
  timedNode,
} from './_support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const LATENCY_MS = 200;
const TARGET = 2.5;
const bin = requireBuild('doctor');
const home = mkdtempSync(join(tmpdir(), 'gkd-bench-'));
// Both sides: PATH, an empty HOME and NO_COLOR, nothing inherited.
const baseEnv = { ...minimalEnv(), HOME: home, NO_COLOR: '1' };
console.log(describeEnv(baseEnv));

const listing = JSON.parse(
  spawnSync('node', [bin, 'emulate', '--list', '--json'], { encoding: 'utf8', env: baseEnv }).stdout,
);
const key =
  listing.find((k) => k.cause === null && k.key.startsWith('AQ.'))?.key ??
  listing.find((k) => k.cause === null).key;

const { url, child: emulator } = await startEmulatorProcess(bin, baseEnv, LATENCY_MS);
const timed = (args, env) => timedNode(args, baseEnv, env);

const doctorRun = () => timed([bin, '--json', '--base-url', url, '--cwd', home], { GEMINI_API_KEY: key });
const plainRun = () => timed(['--input-type=module', '-e', PLAIN_REQUEST_SCRIPT], { U: url, K: key });

// Warm-up (file-system caches), then check the doctor really ran online and passed.
const warm = await doctorRun();
await plainRun();
const report = JSON.parse(warm.out);
if (warm.code !== 0 || !report.findings.some((f) => f.check === 'probe.models' && f.status === 'pass')) {
  console.error('the doctor did not pass against the emulator:', warm.code, warm.out.slice(0, 500));
}

const ratios = [];
const doctorMs = [];
const plainMs = [];
for (let i = 0; i < ROUNDS; i++) {
  // Alternate which goes first so drift affects both equally.
  const [a, b] = i % 2 === 0 ? [await doctorRun(), await plainRun()] : [null, null];
  const [p, d] = i % 2 === 1 ? [await plainRun(), await doctorRun()] : [b, a];
  doctorMs.push(d.ms);
  plainMs.push(p.ms);
  ratios.push(d.ms / p.ms);
}
// Stopped, the emulator exits cleanly and writes its compile cache into this HOME: wait for it.
emulator.kill();
await once(emulator, 'exit');
rmSync(home, { recursive: true, force: true });

const r = summary(ratios);
const ratio = r.median;
console.log(
  `doctor full online run: ${fmt(summary(doctorMs), 'ms', 0)}; one plain request: ${fmt(summary(plainMs), 'ms', 0)} (emulator latency ${LATENCY_MS} ms, ${ROUNDS} alternating rounds)`,
);
console.log(
  `median ratio doctor/plain: ${ratio.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}; target ≤ ${TARGET}×) ${ratio <= TARGET ? 'ok' : 'OVER TARGET'}`,
);
record('doctorOnline', {
  rounds: ROUNDS,
  latencyMs: LATENCY_MS,
  doctorMs: summary(doctorMs).median,
  plainMs: summary(plainMs).median,
  ratio,
  ratioMin: r.min,
  ratioMax: r.max,
  target: TARGET,
});
