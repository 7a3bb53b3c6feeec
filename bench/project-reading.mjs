// The cost of reading the project (issue 14): the doctor's full online run on a generated 2,000-file
// Next.js project (2,000 source files, 40 of them reading env variables, one calling Gemini with the
// key from .env.local) vs one plain HTTP request, both against the emulator with 200 ms injected
// latency, both as fresh node processes (so both pay node's startup), in a minimal environment.
// The same doctor on an empty folder is measured alongside, so the project-reading share is visible.
// Alternating runs; medians. Target: the 2,000-file run within 1.3× of one request.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeEnv,
  median,
  minimalEnv,
  PLAIN_REQUEST_SCRIPT,
  requireBuild,
  seededRandom,
  startEmulatorProcess,
  timedNode,
} from './_support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const LATENCY_MS = 200;
const TARGET = 1.3;
const FILES = 2000;
const bin = requireBuild('project-reading');
const home = mkdtempSync(join(tmpdir(), 'gkd-bench-project-'));
// Both sides: PATH, an empty HOME and NO_COLOR, nothing inherited.
const baseEnv = { ...minimalEnv(), HOME: home, NO_COLOR: '1' };
console.log(describeEnv(baseEnv));

const listing = JSON.parse(
  spawnSync('node', [bin, 'emulate', '--list', '--json'], { encoding: 'utf8' }).stdout,
);
const key = listing.find((k) => k.cause === null && k.key.startsWith('AQ.'))?.key;

// A seeded project: the same files on every machine.
const { rand, keyTail } = seededRandom(14);
const project = join(home, 'app');
const empty = join(home, 'empty');
mkdirSync(empty, { recursive: true });
mkdirSync(join(project, 'app', 'api', 'chat'), { recursive: true });
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({ name: 'bench-app', dependencies: { next: '^15.3.0', '@google/genai': '^2.32.0' } }),
);
writeFileSync(join(project, '.env.local'), `GEMINI_API_KEY=${key}\n`);
writeFileSync(
  join(project, 'app', 'api', 'chat', 'route.ts'),
  [
    "import { GoogleGenAI } from '@google/genai';",
    'const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });',
    "export async function POST() { return Response.json(await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' })); }",
  ].join('\n'),
);
for (let i = 1; i < FILES; i++) {
  const dir = join(project, 'src', `m${i % 40}`);
  mkdirSync(dir, { recursive: true });
  const lines = [`// module ${i}: ${keyTail(12)}`, `export const id${i} = ${Math.floor(rand() * 1e6)};`];
  for (let j = 0; j < 30; j++)
    lines.push(`export function f${j}(x: number): number { return x * ${j} + id${i}; }`);
  if (i % 50 === 0) lines.push(`export const feature${i} = process.env.FEATURE_FLAG_${i} === 'on';`);
  writeFileSync(join(dir, `file${i}.${i % 3 === 0 ? 'tsx' : 'ts'}`), lines.join('\n'));
}

const { url, child: emulator } = await startEmulatorProcess(bin, baseEnv, LATENCY_MS);
const timed = (args, env) => timedNode(args, baseEnv, env);

const projectRun = () => timed([bin, '--json', '--base-url', url, '--cwd', project], {});
const emptyRun = () => timed([bin, '--json', '--base-url', url, '--cwd', empty], { GEMINI_API_KEY: key });
const plainRun = () => timed(['--input-type=module', '-e', PLAIN_REQUEST_SCRIPT], { U: url, K: key });

// Warm-up, then check the doctor really read the project and passed.
const warm = await projectRun();
await emptyRun();
await plainRun();
const report = JSON.parse(warm.out);
const use = report.project?.uses?.[0];
if (warm.code !== 0 || use?.verdict !== 'works' || report.project.scan.files < FILES) {
  console.error(
    'the doctor did not read the project and pass:',
    warm.code,
    JSON.stringify(report.project?.scan),
    use?.verdict,
  );
}

const projectMs = [];
const emptyMs = [];
const plainMs = [];
const ratios = [];
for (let i = 0; i < ROUNDS; i++) {
  const order = i % 2 === 0 ? [projectRun, emptyRun, plainRun] : [plainRun, emptyRun, projectRun];
  const results = [];
  for (const run of order) results.push(await run());
  const [p, e, q] = i % 2 === 0 ? results : [results[2], results[1], results[0]];
  projectMs.push(p.ms);
  emptyMs.push(e.ms);
  plainMs.push(q.ms);
  ratios.push(p.ms / q.ms);
}
// Stopped, the emulator exits cleanly and writes its compile cache into this HOME: wait for it.
emulator.kill();
await once(emulator, 'exit');
rmSync(home, { recursive: true, force: true });

const ratio = median(ratios);
console.log(
  `doctor on a ${FILES}-file project: median ${median(projectMs).toFixed(0)} ms (${report.project?.scan.files} source files read); on an empty folder: ${median(emptyMs).toFixed(0)} ms; one plain request: ${median(plainMs).toFixed(0)} ms (latency ${LATENCY_MS} ms, ${ROUNDS} alternating rounds)`,
);
console.log(
  `median ratio doctor(${FILES} files)/plain: ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'ok' : 'OVER TARGET'}`,
);
