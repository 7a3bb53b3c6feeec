import type { SecretKey } from '../core/secret-key.js';
import type { PathAddition } from '../io/git-files.js';
import { monotonicMs } from './clock.js';
import { ScanCollector } from './collector.js';
import { progressReporter } from './progress.js';
import { resolveTargets } from './scan-targets.js';
import { gitProblem, type SourceContext } from './sources/source-context.js';
import type { ScanOptions, ScanResult } from './types.js';
import type { VerifyOptions } from './verify.js';

export { ScanInputError } from './scan-targets.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface ScanRunOptions extends ScanOptions {
  /** Probe each distinct key once (sends the keys to the configured Gemini endpoint). */
  verify?: VerifyOptions;
}

/** Scans files (and with `history`, every committed blob) for Gemini keys. Never returns a key. */
export async function scan(options: ScanRunOptions = {}): Promise<ScanResult> {
  return (await scanWithKeys(options)).result;
}

/** `scan` over explicit paths (files or folders). */
export function scanPaths(
  paths: readonly string[],
  options: Omit<ScanRunOptions, 'paths'> = {},
): Promise<ScanResult> {
  return scan({ ...options, paths: [...paths] });
}

/**
 * The scan, plus the keys found by fingerprint (as SecretKey, for --verify and library callers).
 * Sources feed one collector: the staged files, or the work tree and the Docker context; then
 * the history and stashes; then the hygiene rules, the baseline and --verify.
 */
export async function scanWithKeys(
  options: ScanRunOptions = {},
): Promise<{ result: ScanResult; keys: Map<string, SecretKey> }> {
  const started = monotonicMs();
  const targets = await resolveTargets(options);
  const { gitRoot } = targets;
  const sink = new ScanCollector(progressReporter(options.onProgress));
  const ctx: SourceContext = {
    targets,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    sink,
  };
  // The dotenv-history query is a git log of its own: started now, it runs alongside the scan.
  const additions = gitRoot !== null && !options.staged ? startDotenvAdditions(gitRoot) : undefined;

  if (options.staged && gitRoot !== null) {
    await (await import('./sources/staged.js')).readStaged(ctx, gitRoot);
  } else {
    const listing = await (await import('./sources/work-tree.js')).readWorkTree(ctx);
    if (gitRoot !== null) {
      await (await import('./sources/docker-context.js')).readDockerContext(ctx, gitRoot, listing.tracked);
    }
    if (options.history && gitRoot !== null) {
      await (await import('./sources/history.js')).readHistory(ctx, gitRoot);
    }
    if (gitRoot !== null && additions) {
      const { dotenvHygiene } = await import('./repository-hygiene.js');
      const hygiene = await dotenvHygiene({
        root: gitRoot,
        ...listing,
        pathsWithKeys: sink.pathsWithKeys(),
        additions: additions.then((result) => {
          if ('error' in result) gitProblem(ctx, 'git log of .env files', result.error);
          return 'error' in result ? [] : result;
        }),
      });
      sink.findings.push(...hygiene);
    }
  }

  sink.settle(options.baseline);
  if (options.verify)
    await (await import('./verify.js')).verifyFindings(sink.findings, sink.keys, options.verify);
  const result = sink.result(
    targets.root,
    gitRoot !== null ? 'git' : 'directory',
    Boolean(options.history),
    started,
  );
  return { result, keys: sink.keys };
}

/** A missing commit object fails `git log --all`: the scan goes on, and says what it could not read. */
function startDotenvAdditions(root: string): Promise<PathAddition[] | { error: string }> {
  return import('./repository-hygiene.js')
    .then(({ dotenvAdditions }) => dotenvAdditions(root))
    .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
}
