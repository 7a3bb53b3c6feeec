import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { gitCapture, gitStream, splitNul } from './git-run.js';

/** A blob as `git cat-file --batch` hands it over; `bytes` is only valid during the callback. */
export interface HistoryBlob {
  sha: string;
  /** The first path git saw it at (rev-list order: newest commits first). */
  path: string;
  /** -1 when git could not find the object (a partial clone). */
  size: number;
  /** Undefined when the blob was larger than the limit (its bytes were streamed past) or missing. */
  bytes: Buffer | undefined;
}

/** Object ids sent to cat-file and not yet answered, at most (then rev-list is paused). */
const MAX_IN_FLIGHT = 20_000;

/**
 * Streams every unique blob reachable from any ref, each exactly once: `git rev-list --all
 * --objects` names them, `git cat-file --batch` serves their content, and this parser hands each
 * to `onBlob` without ever holding more than one blob (up to maxBlobSize) in memory.
 */
export async function streamHistoryBlobs(
  root: string,
  maxBlobSize: number,
  onBlob: (blob: HistoryBlob) => void,
  signal?: AbortSignal,
  extraRevs: readonly string[] = [],
): Promise<HistoryWalkProblems> {
  const revList = gitStream(root, [
    'rev-list',
    '--all',
    '--objects',
    '--filter=object:type=blob',
    '--filter-provided-objects',
    ...(extraRevs.length > 0 ? ['--stdin'] : []),
  ]);
  // Stash entries below the newest are reachable only through the reflog: named here.
  revList.child.stdin.end(extraRevs.length > 0 ? `${extraRevs.join('\n')}\n` : '');
  const catFile = gitStream(root, ['cat-file', '--batch', '--buffer']);
  const stop = () => {
    revList.child.kill('SIGTERM');
    catFile.child.kill('SIGTERM');
  };
  signal?.addEventListener('abort', stop, { once: true });

  const feeder = new IdFeeder(revList.child.stdout, catFile.child.stdin);
  const parser = new BatchParser(maxBlobSize, (sha, size, bytes) => {
    onBlob({ sha, path: feeder.nextPath(), size, bytes });
  });
  const parsed = new Promise<void>((resolve, reject) => {
    catFile.child.stdout.on('data', (chunk: Buffer) => {
      try {
        parser.push(chunk);
      } catch (error) {
        stop();
        reject(error);
      }
    });
    catFile.child.stdout.on('end', resolve);
    catFile.child.stdout.on('error', reject);
  });
  try {
    // A missing or corrupt commit stops rev-list part-way: what it listed is still scanned, and
    // the failure is reported rather than thrown (cat-file answers `missing` for a bad blob).
    const [walked, served, read] = await Promise.allSettled([revList.done, catFile.done, parsed]);
    if (served.status === 'rejected') throw served.reason;
    if (read.status === 'rejected') throw read.reason;
    return { errors: walked.status === 'rejected' ? [messageOf(walked.reason)] : [] };
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * Feeds rev-list's object ids to cat-file and remembers their paths, in order. rev-list's lines
 * are split by hand, chunk by chunk, with one write of a chunk's ids to cat-file. Backpressure by
 * count: rev-list pauses while more than MAX_IN_FLIGHT ids wait for their blob (memory stays
 * bounded: ~100 bytes each) and resumes at half of it. Pausing on every full pipe instead measured
 * 1.5x slower (a stall per 16 KB of ids).
 */
class IdFeeder {
  readonly #paths: string[] = [];
  #head = 0;
  #partial = '';
  #paused = false;
  readonly #revOut: Readable;
  readonly #catIn: Writable;

  constructor(revOut: Readable, catIn: Writable) {
    this.#revOut = revOut;
    this.#catIn = catIn;
    const decoder = new StringDecoder('utf8');
    revOut.on('data', (chunk: Buffer) => this.#take(decoder.write(chunk)));
    revOut.on('end', () => {
      this.#take(`${decoder.end()}\n`);
      catIn.end();
    });
  }

  /** The path of the next blob cat-file answers for. */
  nextPath(): string {
    const path = this.#paths[this.#head] ?? '';
    this.#head++;
    if (this.#paused && this.#paths.length - this.#head < MAX_IN_FLIGHT / 2) {
      this.#paused = false;
      this.#revOut.resume();
    }
    // Drop consumed paths now and then so the queue does not grow with history.
    if (this.#head > 4096) {
      this.#paths.splice(0, this.#head);
      this.#head = 0;
    }
    return path;
  }

  #take(text: string): void {
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop() ?? '';
    let ids = '';
    for (const line of lines) {
      const space = line.indexOf(' ');
      const sha = space === -1 ? line : line.slice(0, space);
      if (sha.length < 40) continue;
      this.#paths.push(space === -1 ? '' : line.slice(space + 1));
      ids += `${sha}\n`;
    }
    if (ids !== '') this.#catIn.write(ids);
    if (!this.#paused && this.#paths.length - this.#head > MAX_IN_FLIGHT) {
      this.#paused = true;
      this.#revOut.pause();
    }
  }
}

/** Git failures met while walking history; the walk went on with what could be read. */
export interface HistoryWalkProblems {
  errors: string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Incremental parser for `cat-file --batch` output: `<sha> <type> <size>\n<content>\n` or
 * `<sha> missing\n`. A blob fully inside one chunk is passed as a view, without copying.
 */
export class BatchParser {
  #header = '';
  #sha = '';
  #size = 0;
  /** Bytes of content still expected, plus the trailing newline. */
  #remaining = -1;
  #body: Buffer | undefined;
  #filled = 0;
  readonly #max: number;
  readonly #emit: (sha: string, size: number, bytes: Buffer | undefined) => void;

  constructor(max: number, emit: (sha: string, size: number, bytes: Buffer | undefined) => void) {
    this.#max = max;
    this.#emit = emit;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.#remaining < 0) {
        const newline = chunk.indexOf(10, at);
        if (newline === -1) {
          this.#header += chunk.toString('latin1', at);
          return;
        }
        const header = this.#header + chunk.toString('latin1', at, newline);
        this.#header = '';
        at = newline + 1;
        const [sha = '', type = '', size = ''] = header.split(' ');
        if (type === 'missing' || size === '') {
          this.#emit(sha, -1, undefined); // keeps the caller's path queue aligned
          continue;
        }
        this.#sha = sha;
        this.#size = Number(size);
        this.#remaining = this.#size + 1;
        this.#filled = 0;
        const keep = this.#size <= this.#max;
        if (keep && chunk.length - at >= this.#remaining) {
          // Whole blob in this chunk: hand over a view.
          this.#emit(sha, this.#size, chunk.subarray(at, at + this.#size));
          at += this.#remaining;
          this.#remaining = -1;
          continue;
        }
        this.#body = keep ? Buffer.allocUnsafe(this.#size) : undefined;
        continue;
      }
      const take = Math.min(this.#remaining, chunk.length - at);
      if (this.#body) {
        const copy = Math.min(take, this.#size - this.#filled);
        if (copy > 0) chunk.copy(this.#body, this.#filled, at, at + copy);
        this.#filled += Math.max(0, copy);
      }
      at += take;
      this.#remaining -= take;
      if (this.#remaining === 0) {
        this.#emit(this.#sha, this.#size, this.#body);
        this.#body = undefined;
        this.#remaining = -1;
      }
    }
  }
}

export interface RawChange {
  commit: string;
  date: string;
  oldBlob: string;
  newBlob: string;
  path: string;
}

/**
 * Walks every commit on every ref with its raw tree changes (no content diff: cheap) and calls
 * back for the changes whose new blob is one of `interesting`. Used to name the commits and
 * paths where a found key was added.
 */
export async function streamBlobChanges(
  root: string,
  interesting: ReadonlySet<string>,
  onChange: (change: RawChange) => void,
  signal?: AbortSignal,
): Promise<HistoryWalkProblems> {
  const log = gitStream(root, [
    'log',
    // Stash commits are merges whose changes `--raw` does not show: they are named by listStashes.
    '--exclude=refs/stash',
    '--all',
    '--no-renames',
    '--raw',
    '--no-abbrev',
    '--format=%x01%H %cI',
  ]);
  const stop = () => log.child.kill('SIGTERM');
  signal?.addEventListener('abort', stop, { once: true });
  let commit = '';
  let date = '';
  const lines = createInterface({ input: log.child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (line.startsWith('\x01')) {
      const space = line.indexOf(' ');
      commit = line.slice(1, space);
      date = line.slice(space + 1);
      return;
    }
    if (!line.startsWith(':')) return;
    // :100644 100644 <old> <new> M\tpath
    const tab = line.indexOf('\t');
    const fields = line.slice(1, tab).split(' ');
    const newBlob = fields[3] ?? '';
    if (!interesting.has(newBlob)) return;
    onChange({ commit, date, oldBlob: fields[2] ?? '', newBlob, path: line.slice(tab + 1) });
  });
  const closed = new Promise<void>((resolve) => lines.on('close', resolve));
  try {
    const [walked] = await Promise.allSettled([log.done, closed]);
    return { errors: walked.status === 'rejected' ? [messageOf(walked.reason)] : [] };
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** One stash entry: `stash@{n}`, its commit (the work-tree state) and date. */
export interface StashEntry {
  name: string;
  commit: string;
  date: string;
}

/** Every stash entry, newest first (the stash reflog: older entries are reachable only there). */
export async function listStashes(root: string): Promise<StashEntry[]> {
  try {
    const { stdout } = await gitCapture(root, ['reflog', 'show', '--format=%H %cI', 'refs/stash', '--']);
    return stdout
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line, index) => {
        const [commit = '', date = ''] = line.split(' ');
        return { name: `stash@{${index}}`, commit, date };
      });
  } catch {
    return []; // no stash
  }
}

/**
 * What a stash entry holds, as changes: its work-tree changes (W^1..W), its staged ones
 * (W^1..W^2) and its untracked files (the tree of W^3, when `stash -u` made one).
 */
export async function stashChanges(root: string, stash: StashEntry): Promise<RawChange[]> {
  const changes: RawChange[] = [];
  const at = (path: string, oldBlob: string, newBlob: string) =>
    changes.push({ commit: stash.commit, date: stash.date, oldBlob, newBlob, path });
  for (const [from, to] of [
    [`${stash.commit}^1`, stash.commit],
    [`${stash.commit}^1`, `${stash.commit}^2`],
  ] as const) {
    const { stdout } = await gitCapture(root, [
      'diff-tree',
      '-r',
      '-z',
      '--no-abbrev',
      '--no-renames',
      from,
      to,
    ]);
    const parts = splitNul(stdout);
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const fields = parts[i]!.toString('latin1').slice(1).split(' ');
      at(parts[i + 1]!.toString('utf8'), fields[2] ?? '', fields[3] ?? '');
    }
  }
  const untracked = await gitCapture(root, ['ls-tree', '-r', '-z', '--full-tree', `${stash.commit}^3`], {
    okExitCodes: [128],
  });
  for (const entry of splitNul(untracked.stdout)) {
    const text = entry.toString('utf8');
    const tab = text.indexOf('\t');
    const [, , blob = ''] = text.slice(0, tab).split(' ');
    at(text.slice(tab + 1), '', blob);
  }
  return changes;
}
