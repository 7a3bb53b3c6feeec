// Cold start of `explain --json -` on a small input, against a bare `node -e 0` measured in the
// same run: runs alternate (so machine noise hits both), and the median ratio is printed.
// Target: ≤ 2.5×. Needs a build (npm run bench builds first).
import { spawnSync } from 'node:child_process';
import { median, requireBuild } from './_support.mjs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 21);
const bin = requireBuild('cold-start');
const input = JSON.stringify({
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
  },
});

function timeOnce(args, stdin) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input: stdin, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

// one warm-up of each so the file system cache is equal for both
timeOnce(['-e', '0'], '');
timeOnce([bin, 'explain', '--json', '-'], input);

const base = [];
const explain = [];
for (let i = 0; i < RUNS; i++) {
  base.push(timeOnce(['-e', '0'], ''));
  explain.push(timeOnce([bin, 'explain', '--json', '-'], input));
}
const b = median(base);
const e = median(explain);
console.log(`node -e 0:                 median ${b.toFixed(1)} ms (${RUNS} runs)`);
console.log(`explain --json - (small):  median ${e.toFixed(1)} ms (${RUNS} runs)`);
console.log(`ratio: ${(e / b).toFixed(2)}× (target ≤ 2.5×)`);
