import { type Stats, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../core/display-path.js';
import { detectRaw, mayContainKey, type RawHit } from '../core/key-detect/detect.js';
import type { SecretKey } from '../core/secret-key.js';
import { mayBeInGitWorkTree } from '../io/git-dir-above.js';
import type { PathAddition } from '../io/git-files.js';
import { walkTree } from '../io/walk-tree.js';
import { isBaselined } from './baseline.js';
import { isDotenvFile } from './dotenv-names.js';
import { keyFinding } from './findings.js';
import type { FileHits, FileJob } from './read-files.js';
import { scanJobs } from './scan-jobs.js';
import type { ScanFinding, ScanOptions, ScanProgress, ScanResult, SkippedFile, SkipReason } from './types.js';
import type { VerifyOptions } from './verify.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** A path that does not exist, or a mode that needs git outside a repository: exit 2 in the CLI. */
export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
}

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

/** The scan, plus the keys found by fingerprint (as SecretKey, for --verify and library callers). */
export async function scanWithKeys(
  options: ScanRunOptions = {},
): Promise<{ result: ScanResult; keys: Map<string, SecretKey> }> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const targets = (options.paths?.length ? options.paths : ['.']).map((path) => resolve(cwd, path));
  for (const target of targets) {
    let stat: Stats;
    try {
      stat = statSync(target);
    } catch {
      throw new ScanInputError(`no such file or folder: ${displayPath(relative(cwd, target) || target)}`);
    }
    // Named explicitly, a FIFO, socket or device is an error, not a silent pass (reading one can block).
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new ScanInputError(
        `${displayPath(relative(cwd, target) || target)} is ${kindOf(stat)}, not a file or folder`,
      );
    }
  }
  // git and child_process are loaded only when a repository can be there.
  const git = targets.some((target) => mayBeInGitWorkTree(folderOf(target)))
    ? await import('../io/git-files.js')
    : undefined;
  const gitRoots = await Promise.all(
    targets.map((target) => (git ? git.gitWorkTreeRoot(folderOf(target)) : null)),
  );
  const sameRoot = gitRoots.every((root) => root !== null && root === gitRoots[0]);
  const gitRoot = sameRoot ? (gitRoots[0] ?? null) : null;
  const single = targets.length === 1 ? targets[0] : undefined;
  const root = gitRoot ?? (single !== undefined && isFolder(single) ? single : cwd);
  const relToRoot = (abs: string) => relative(root, abs).split(sep).join('/') || '.';

  if ((options.history || options.staged) && gitRoot === null) {
    throw new ScanInputError(
      `${options.staged ? '--staged' : '--history'} needs a git work tree (${targets.length > 1 ? 'all paths in one repository' : 'run it inside one'})`,
    );
  }

  // The dotenv-history query is a git log of its own: start it now so it runs alongside the scan.
  let dotenvAdditions: Promise<PathAddition[]> | undefined;
  if (gitRoot !== null && !options.staged) {
    dotenvAdditions = (await import('./repository-hygiene.js')).dotenvAdditions(gitRoot);
    dotenvAdditions.catch(() => {}); // awaited (and its failure reported) below
  }

  const keys = new Map<string, SecretKey>();
  const findings: ScanFinding[] = [];
  const skipped: SkippedFile[] = [];
  const progress = progressReporter(options.onProgress);
  let filesScanned = 0;
  let bytesScanned = 0;
  let placeholders = 0;
  const addHits = (fileHits: readonly FileHits[]) => {
    for (const { file, source, hits } of fileHits) {
      for (const hit of hits) findings.push(keyFinding(hit, { file, source }, keys));
    }
  };

  let tracked: string[] = [];
  let untracked: string[] = [];
  if (options.staged && gitRoot !== null) {
    const { listStagedEntries, readBlobs } = await import('../io/git-staged.js');
    const entries = (await listStagedEntries(gitRoot)).filter((entry) => entry.mode !== '160000');
    const links = entries.filter((entry) => entry.mode === '120000');
    for (const link of links) skipped.push({ file: link.path, reason: 'symlink', source: 'staged' });
    const blobs = entries.filter((entry) => entry.mode !== '120000');
    const staged: FileHits[] = [];
    await readBlobs(gitRoot, blobs, maxFileSize, (blob) => {
      const result = scanBlob(blob.bytes, blob.size, blob.path, maxFileSize);
      if (result.skip) skipped.push({ file: blob.path, reason: result.skip, source: 'staged' });
      else {
        filesScanned++;
        bytesScanned += blob.size;
        placeholders += result.placeholders;
        if (result.hits.length > 0) staged.push({ file: blob.path, source: 'staged', hits: result.hits });
      }
    });
    addHits(staged);
    for (const entry of blobs) {
      if (
        isDotenvFile(entry.path) &&
        (entry.path.endsWith('/.env') || entry.path === '.env' || staged.some((s) => s.file === entry.path))
      ) {
        findings.push({
          rule: 'dotenv-tracked',
          kind: 'hygiene',
          severity: 'warning',
          title: 'A dotenv file is about to be committed: its secrets would reach every clone and push',
          file: entry.path,
          source: 'staged',
          baselined: false,
          failing: false,
        });
      }
    }
  } else {
    const jobs: FileJob[] = [];
    const seen = new Set<string>();
    for (const [index, target] of targets.entries()) {
      const targetRoot = gitRoots[index] ?? null;
      const spec = targetRoot !== null ? relative(targetRoot, target).split(sep).join('/') : '';
      const listed =
        targetRoot !== null && git ? await git.listWorkTreeFiles(targetRoot, spec === '' ? [] : [spec]) : [];
      // A path named on the command line is scanned even when git ignores it.
      if (targetRoot !== null && (listed.length > 0 || spec === '')) {
        for (const raw of listed) {
          const name = raw.toString('utf8');
          const abs = join(targetRoot, name);
          const rel = relToRoot(abs);
          if (!Buffer.from(name, 'utf8').equals(raw)) {
            skipped.push({ file: rel, reason: 'non-utf8-name', source: 'worktree' });
            continue;
          }
          if (seen.has(abs)) continue;
          seen.add(abs);
          jobs.push({ rel, abs, source: 'worktree', noFollow: true });
        }
      } else {
        const walked = walkTree(root, target);
        for (const skip of walked.skipped) {
          skipped.push({
            file: skip.rel,
            reason: skip.reason,
            source: 'worktree',
            ...(skip.detail ? { detail: skip.detail } : {}),
          });
        }
        for (const file of walked.files) {
          if (seen.has(file.abs)) continue;
          seen.add(file.abs);
          jobs.push({ rel: file.rel, abs: file.abs, source: 'worktree' });
        }
      }
    }
    if (gitRoot !== null && git) {
      tracked = await git.listTrackedFiles(gitRoot);
      const trackedSet = new Set(tracked);
      untracked = jobs.map((job) => job.rel).filter((rel) => !trackedSet.has(rel));
    }
    const result = await scanJobs(jobs, {
      maxFileSize,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      onProgress: (files, bytes) => progress.add(files, bytes, 'files'),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    filesScanned += result.files;
    bytesScanned += result.bytes;
    placeholders += result.placeholders;
    skipped.push(...result.skipped);
    addHits(result.hits);

    if (gitRoot !== null) {
      // Keys in files git ignores but a Docker build context would copy.
      const { dockerContextCandidates } = await import('./repository-hygiene.js');
      const dockerJobs: FileJob[] = [];
      for (const candidate of await dockerContextCandidates(gitRoot, tracked)) {
        for (const file of candidate.files) {
          dockerJobs.push({ rel: file, abs: join(gitRoot, file), source: 'ignored', noFollow: true });
        }
      }
      if (dockerJobs.length > 0) {
        const docker = await scanJobs(dockerJobs, { maxFileSize, workers: 0 });
        addHits(docker.hits);
      }
    }
  }

  let blobsScanned: number | undefined;
  let historyBytes: number | undefined;
  const historySkips: Partial<Record<SkipReason, number>> = {};
  if (options.history && gitRoot !== null) {
    const history = await scanHistory(gitRoot, maxFileSize, progress, options.signal);
    blobsScanned = history.blobs;
    historyBytes = history.bytes;
    placeholders += history.placeholders;
    Object.assign(historySkips, history.skips);
    for (const addition of history.additions) findings.push(keyFinding(addition.hit, addition.place, keys));
  }

  if (gitRoot !== null && !options.staged) {
    const pathsWithKeys = new Set(
      findings.filter((f) => f.fingerprint !== undefined && f.kind !== 'test-key').map((f) => f.file),
    );
    const { dotenvHygiene } = await import('./repository-hygiene.js');
    findings.push(
      ...(await dotenvHygiene({
        root: gitRoot,
        tracked,
        untracked,
        pathsWithKeys,
        ...(dotenvAdditions ? { additions: dotenvAdditions } : {}),
      })),
    );
  }

  // Paths are printed: keys in folder or file names masked, control characters escaped.
  for (const finding of findings) finding.file = displayPath(finding.file);
  for (const skip of skipped) skip.file = displayPath(skip.file);

  if (options.baseline?.length) {
    for (const finding of findings) {
      if (isBaselined(finding, options.baseline)) {
        finding.baselined = true;
        finding.failing = false;
      }
    }
  }
  if (options.verify) await (await import('./verify.js')).verifyFindings(findings, keys, options.verify);

  progress.done();
  const skippedByReason: Partial<Record<SkipReason, number>> = {};
  for (const skip of skipped) skippedByReason[skip.reason] = (skippedByReason[skip.reason] ?? 0) + 1;
  const realKeys = new Set(
    findings.filter((f) => f.fingerprint !== undefined && f.kind !== 'test-key').map((f) => f.fingerprint),
  );
  const result: ScanResult = {
    schemaVersion: 1,
    root: displayPath(root),
    findings,
    skipped,
    summary: {
      mode: gitRoot !== null ? 'git' : 'directory',
      filesScanned,
      bytesScanned,
      ...(blobsScanned !== undefined ? { blobsScanned } : {}),
      ...(historyBytes !== undefined
        ? { historyBytesScanned: historyBytes, historySkippedByReason: historySkips }
        : {}),
      skipped: skipped.length,
      skippedByReason,
      placeholdersIgnored: placeholders,
      distinctKeys: realKeys.size,
      findings: findings.length,
      failing: findings.filter((f) => f.failing).length,
      durationMs: Math.round(performance.now() - started),
    },
  };
  return { result, keys };
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function folderOf(path: string): string {
  return isFolder(path) ? path : resolve(path, '..');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type BlobScan =
  | { skip: SkipReason; hits?: undefined; placeholders?: undefined }
  | { skip?: undefined; hits: RawHit[]; placeholders: number };

function scanBlob(bytes: Buffer | undefined, size: number, path: string, max: number): BlobScan {
  if (size < 0) return { skip: 'unreadable' };
  if (bytes === undefined || size > max) return { skip: 'too-large' };
  if (bytes.subarray(0, 8000).indexOf(0) !== -1) return { skip: 'binary' };
  if (!mayContainKey(bytes)) return { hits: [], placeholders: 0 };
  return detectRaw(bytes, { path });
}

interface HistoryAddition {
  hit: RawHit;
  place: { file: string; source: 'history'; commit?: string; commitDate?: string };
}

/**
 * Two streamed passes over history: every unique blob once (rev-list + cat-file), then the raw
 * tree changes of every commit (no content diffs) to name where each found key was added.
 */
async function scanHistory(
  root: string,
  maxFileSize: number,
  progress: ReturnType<typeof progressReporter>,
  signal?: AbortSignal,
): Promise<{
  blobs: number;
  bytes: number;
  placeholders: number;
  skips: Partial<Record<SkipReason, number>>;
  additions: HistoryAddition[];
}> {
  const { streamBlobChanges, streamHistoryBlobs } = await import('../io/git-history.js');
  const blobHits = new Map<string, { path: string; hits: RawHit[] }>();
  const skips: Partial<Record<SkipReason, number>> = {};
  let blobs = 0;
  let bytes = 0;
  let placeholders = 0;
  await streamHistoryBlobs(
    root,
    maxFileSize,
    (blob) => {
      const result = scanBlob(blob.bytes, blob.size, blob.path, maxFileSize);
      if (result.skip) skips[result.skip] = (skips[result.skip] ?? 0) + 1;
      else {
        blobs++;
        bytes += blob.size;
        placeholders += result.placeholders;
        if (result.hits.length > 0) blobHits.set(blob.sha, { path: blob.path, hits: result.hits });
      }
      progress.add(1, Math.max(0, blob.size), 'history');
    },
    signal,
  );
  const additions: HistoryAddition[] = [];
  if (blobHits.size === 0) return { blobs, bytes, placeholders, skips, additions };
  const attributed = new Set<string>();
  await streamBlobChanges(
    root,
    new Set(blobHits.keys()),
    (change) => {
      const added = blobHits.get(change.newBlob);
      if (!added) return;
      attributed.add(change.newBlob); // seen in a commit, whether it added a key or kept one
      const before = new Set(blobHits.get(change.oldBlob)?.hits.map((hit) => hit.key));
      for (const hit of added.hits) {
        if (before.has(hit.key)) continue;
        additions.push({
          hit,
          place: { file: change.path, source: 'history', commit: change.commit, commitDate: change.date },
        });
      }
    },
    signal,
  );
  // Blobs that no commit's own diff introduces (only merges or stashes reach them): report them
  // with their path, without a commit.
  for (const [sha, { path, hits }] of blobHits) {
    if (attributed.has(sha)) continue;
    for (const hit of hits) additions.push({ hit, place: { file: path, source: 'history' } });
  }
  return { blobs, bytes, placeholders, skips, additions };
}

/** Calls onProgress at most every 100 ms, and once at the end. */
function progressReporter(onProgress: ((progress: ScanProgress) => void) | undefined) {
  const started = performance.now();
  let files = 0;
  let bytes = 0;
  let last = Number.NEGATIVE_INFINITY;
  let phase: ScanProgress['phase'] = 'files';
  const emit = () => onProgress?.({ files, bytes, elapsedMs: performance.now() - started, phase });
  return {
    add(count: number, size: number, current: ScanProgress['phase']) {
      if (!onProgress) return;
      const before = files;
      files += count;
      bytes += size;
      phase = current;
      if (files >> 6 === before >> 6) return;
      const now = performance.now();
      if (now - last >= 100) {
        last = now;
        emit();
      }
    },
    done() {
      if (onProgress && files > 0) emit();
    },
  };
}
