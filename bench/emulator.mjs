// The emulator's throughput and its --latency accuracy, on loopback with keep-alive.
// 1. Requests per second for a success (generateContent, working key) and an error answer
//    (API_KEY_INVALID), against a bare node:http server answering a fixed JSON body as the
//    baseline: the ratio says what the emulator's routing, auth and body building cost.
// 2. --latency L adds L and no more: the median request time at latency L minus the median at
//    latency 0, measured in the same run; the excess over L is the overhead.
// Runs alternate; medians over ROUNDS. Prints the machine's parallelism.
import { Agent, createServer, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { median, record, requireBuild, summary } from './_support.mjs';

requireBuild('emulator');
const { startEmulator, MAGIC_KEYS } = await import('../dist/index.js');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 1000);
const CONCURRENCY = 32;
const LATENCY_MS = 50;
const LATENCY_SAMPLES = 15;

const okKey = MAGIC_KEYS.find((k) => k.cause === null && k.key.startsWith('AQ.')).key;
const badKey = MAGIC_KEYS.find((k) => k.cause === 'key_invalid').key;
const PATH = '/v1beta/models/gemini-2.5-flash:generateContent';
const BODY = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Hello, emulator' }] }] });

function post(agent, base, key) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${PATH}`,
      { method: 'POST', agent, headers: { 'x-goog-api-key': key, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

/** Requests per second with CONCURRENCY requests in flight over keep-alive sockets. */
async function rps(base, key, expectStatus) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let done = 0;
  const end = performance.now() + WINDOW_MS;
  const start = performance.now();
  const worker = async () => {
    while (performance.now() < end) {
      const status = await post(agent, base, key);
      if (status !== expectStatus) throw new Error(`expected ${expectStatus}, got ${status}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return done / seconds;
}

/** Median time of sequential requests (one keep-alive socket). */
async function medianRequestMs(base, key) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await post(agent, base, key);
  const times = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const t = performance.now();
    await post(agent, base, key);
    times.push(performance.now() - t);
  }
  agent.destroy();
  return median(times);
}

// Baseline: the cheapest possible JSON answer from node:http.
const fixed = JSON.stringify({ candidates: [{ content: { parts: [{ text: 'x' }] } }] });
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fixed) });
    res.end(fixed);
  });
});
await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${bare.address().port}`;

const emulator = await startEmulator();
const slow = await startEmulator({ latencyMs: LATENCY_MS });

console.log('environment: in-process (servers and clients share this process; no child is started)');
console.log(
  `os.availableParallelism() = ${availableParallelism()}; ${CONCURRENCY} in flight, ${WINDOW_MS} ms windows, ${ROUNDS} rounds`,
);

// Warm-up.
await rps(bareUrl, okKey, 200);
await rps(emulator.url, okKey, 200);

const bareRps = [];
const okRps = [];
const errRps = [];
const zeroMs = [];
const slowMs = [];
for (let round = 0; round < ROUNDS; round++) {
  bareRps.push(await rps(bareUrl, okKey, 200));
  okRps.push(await rps(emulator.url, okKey, 200));
  errRps.push(await rps(emulator.url, badKey, 400));
  zeroMs.push(await medianRequestMs(emulator.url, okKey));
  slowMs.push(await medianRequestMs(slow.url, okKey));
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const b = median(bareRps);
const ok = median(okRps);
const err = median(errRps);
console.log(`bare node:http baseline : ${fmt(b)} req/s`);
console.log(`emulator success (200)  : ${fmt(ok)} req/s  (${(ok / b).toFixed(2)}× baseline)`);
console.log(`emulator error (400)    : ${fmt(err)} req/s  (${(err / b).toFixed(2)}× baseline)`);

const zero = median(zeroMs);
const withLatency = median(slowMs);
const added = withLatency - zero;
const excess = added - LATENCY_MS;
console.log(
  `--latency ${LATENCY_MS}: median request ${withLatency.toFixed(2)} ms vs ${zero.toFixed(2)} ms at 0 → adds ${added.toFixed(2)} ms (excess ${excess >= 0 ? '+' : ''}${excess.toFixed(2)} ms)`,
);
const latencyOk = added >= LATENCY_MS - 0.5 && excess <= 5;
const spread = (values) => {
  const s = summary(values);
  return `${fmt(s.min)}–${fmt(s.max)}`;
};
console.log(
  `spread (min–max req/s): baseline ${spread(bareRps)}, success ${spread(okRps)}, error ${spread(errRps)}`,
);
record('emulator', {
  rounds: ROUNDS,
  bareRps: b,
  okRps: ok,
  errRps: err,
  latencyAddedMs: added,
  latencyMs: LATENCY_MS,
});
console.log(latencyOk ? 'latency: adds what it says (within 5 ms)' : 'latency: OFF TARGET');

await emulator.close();
await slow.close();
bare.close();
