// Not a benchmark (bench/_* are helpers): preloaded by bench/startup.mjs with `node --import` to
// time loading one command's bundle as the CLI loads it, from V8's code cache
// (src/cli/compile-cache.ts, with the build id the bundles carry). With GKD_BENCH_BUNDLE unset it
// loads nothing: the baseline that pays for `--import` itself (Node's ES module loader).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = process.env['GKD_BENCH_BUNDLE'];
if (bundle) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { sourceHash } = JSON.parse(readFileSync(join(dist, 'build-stamp.json'), 'utf8'));
  const { enableCompileCache } = await import('../dist/cli/compile-cache.js');
  // scripts/build.mjs: the build id is the first 16 hex digits of the source hash
  enableCompileCache(join(dist, 'bin'), sourceHash.slice(0, 16), process.env);
  createRequire(import.meta.url)(bundle);
}
