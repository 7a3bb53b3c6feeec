import { BatchParser, type HistoryBlob } from './git-history.js';
import { gitCapture, splitNul } from './git-run.js';

export interface StagedEntry {
  blob: string;
  path: string;
  /** Git file mode: 120000 is a symlink, 160000 a submodule. */
  mode: string;
}

/** Files added, copied, modified, renamed or retyped in the index: what the next commit adds. */
export async function listStagedEntries(root: string): Promise<StagedEntry[]> {
  const { stdout } = await gitCapture(root, [
    'diff',
    '--cached',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--diff-filter=ACMRT',
  ]);
  const parts = splitNul(stdout);
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    // :100644 100644 <old> <new> M  then the path
    const fields = parts[i]!.toString('latin1').slice(1).split(' ');
    entries.push({ mode: fields[1] ?? '', blob: fields[3] ?? '', path: parts[i + 1]!.toString('utf8') });
  }
  return entries;
}

/** Reads the given blobs' content (the staged versions) and hands each to onBlob. */
export async function readBlobs(
  root: string,
  entries: readonly StagedEntry[],
  maxBlobSize: number,
  onBlob: (blob: HistoryBlob) => void,
): Promise<void> {
  if (entries.length === 0) return;
  let index = 0;
  const parser = new BatchParser(maxBlobSize, (sha, size, bytes) => {
    const entry = entries[index++];
    onBlob({ sha, path: entry?.path ?? '', size, bytes });
  });
  const { stdout } = await gitCapture(root, ['cat-file', '--batch'], {
    input: entries.map((entry) => `${entry.blob}\n`).join(''),
  });
  parser.push(stdout);
}
