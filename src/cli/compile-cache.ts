import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { makeDirectory } from '../io/make-directory.js';

/**
 * V8's code cache for the CLI's own bundles, so that a run after the first skips compiling them:
 * compiling is a fifth of `explain`'s time. This is what Node ≥ 22.1 does itself with
 * `module.enableCompileCache()`, used when there; Node 20 has only `vm.Script`'s `cachedData`.
 *
 * The cache is written once, when the process exits after a run without one (so it holds the
 * functions that run compiled, not only the top level), to `$XDG_CACHE_HOME/gemini-key-doctor/` or
 * `~/.cache/gemini-key-doctor/` (the user's own folder: a cache file is code that will run). Its
 * name carries the build's id, Node's version and the platform: V8 checks a cache only against the
 * source's length. It holds compiled code only, never input. `NODE_DISABLE_COMPILE_CACHE=1` turns
 * it off, as it does Node's own. Any failure just means no cache.
 */
interface ModuleInternals {
  _compile(content: string, filename: string): unknown;
  exports: unknown;
}

type ModuleClass = { prototype: ModuleInternals; wrap(content: string): string };

export function enableCompileCache(bundleDir: string, buildId: string, env: NodeJS.ProcessEnv): void {
  if (env['NODE_DISABLE_COMPILE_CACHE']) return;
  const home = env['XDG_CACHE_HOME'] || (env['HOME'] ? join(env['HOME'], '.cache') : safeHomedir());
  if (!home) return;
  const dir = join(home, 'gemini-key-doctor');
  const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module') & {
    enableCompileCache?: (dir: string) => unknown;
  };
  if (typeof nodeModule.enableCompileCache === 'function') {
    nodeModule.enableCompileCache(dir);
    return;
  }
  const Module = nodeModule.Module as unknown as ModuleClass;
  const compile = Module.prototype._compile;
  const suffix = `${buildId}-${process.version}-${process.platform}-${process.arch}.v8`;
  Module.prototype._compile = function (this: ModuleInternals, content: string, filename: string) {
    // Only the bundles under dist/bin/ (commands/, lazy/), never a dependency's module; and not one
    // that keeps an import() (the MCP command's, of an ES module): on Node 20 a vm.Script can import
    // only through an experimental loader.
    if (
      !filename.endsWith('.cjs') ||
      dirname(dirname(filename)) !== bundleDir ||
      content.includes('import(')
    ) {
      return compile.call(this, content, filename);
    }
    return compileCached(this, content, filename, join(dir, `${basename(filename)}-${suffix}`), Module);
  };
}

function compileCached(
  module: ModuleInternals,
  content: string,
  filename: string,
  cacheFile: string,
  Module: ModuleClass,
): unknown {
  const vm = process.getBuiltinModule('node:vm') as typeof import('node:vm');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(Module.wrap(content), {
    filename,
    ...(cachedData ? { cachedData } : {}),
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => writeCache(cacheFile, () => script.createCachedData()));
  }
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const require = createRequire(filename);
  return wrapper.call(module.exports, module.exports, require, module, filename, dirname(filename));
}

function writeCache(file: string, data: () => Buffer): void {
  try {
    const dir = dirname(file);
    makeDirectory(dir, 0o700);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data(), { mode: 0o600 });
    renameSync(partial, file); // whole or not at all, for a run starting meanwhile
    // The same bundle's cache from another build or Node version will not be read again.
    const bundle = `${basename(file).split('.cjs-')[0]}.cjs-`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(bundle) && name !== basename(file) && !name.endsWith('.tmp'))
        rmSync(join(dir, name));
    }
  } catch {
    // a read-only home, a full disk: run without a cache
  }
}

function safeHomedir(): string | undefined {
  try {
    const home = (process.getBuiltinModule('node:os') as typeof import('node:os')).homedir();
    return home ? join(home, '.cache') : undefined;
  } catch {
    return undefined;
  }
}
