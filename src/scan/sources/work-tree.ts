import { join, relative, sep } from 'node:path';
import { walkTree } from '../../io/walk-tree.js';
import type { FileJob } from '../read-files.js';
import { scanJobs } from '../scan-jobs.js';
import type { SourceContext } from './source-context.js';

/** What git says about the work tree, for the hygiene rules and the Docker context. */
export interface WorkTreeListing {
  tracked: string[];
  untracked: string[];
}

/**
 * The files named (in git: tracked and unignored ones; elsewhere: a walk), read and searched by
 * the file reader, in worker threads on large trees.
 */
export async function readWorkTree(ctx: SourceContext): Promise<WorkTreeListing> {
  const { gitRoot, git } = ctx.targets;
  // The tracked list is another git process: it runs while the files are listed and read (its
  // failure is settled here and raised below, where it was awaited before).
  const trackedQuery =
    gitRoot !== null && git
      ? git.listTrackedFiles(gitRoot).then(
          (names) => ({ names }),
          (error: unknown) => ({ error }),
        )
      : undefined;
  const jobs = await listJobs(ctx);
  const batch = await scanJobs(jobs, {
    maxFileSize: ctx.maxFileSize,
    ...(ctx.workers !== undefined ? { workers: ctx.workers } : {}),
    onProgress: (files, bytes) => ctx.sink.progress.add(files, bytes, 'files'),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  ctx.sink.addBatch(batch);
  if (trackedQuery === undefined) return { tracked: [], untracked: [] };
  const answer = await trackedQuery;
  if ('error' in answer) throw answer.error;
  const trackedSet = new Set(answer.names);
  return {
    tracked: answer.names,
    untracked: jobs.map((job) => job.rel).filter((rel) => !trackedSet.has(rel)),
  };
}

async function listJobs(ctx: SourceContext): Promise<FileJob[]> {
  const { targets, gitRoots, git, root, relToRoot } = ctx.targets;
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
          ctx.sink.skip({ file: rel, reason: 'non-utf8-name', source: 'worktree' });
          continue;
        }
        if (seen.has(abs)) continue;
        seen.add(abs);
        jobs.push({ rel, abs, source: 'worktree', noFollow: true });
      }
      continue;
    }
    const walked = walkTree(root, target);
    for (const skip of walked.skipped) {
      ctx.sink.skip({
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
  return jobs;
}
