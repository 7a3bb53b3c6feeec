import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listIgnoredFiles } from '../../io/git-files.js';
import { dockerignoreMatcher } from '../dockerignore.js';
import type { FileJob } from '../read-files.js';
import { scanJobs } from '../scan-jobs.js';
import type { SourceContext } from './source-context.js';

const DOCKERFILE = /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[^/]+)?$|\.[Dd]ockerfile$/;

/** A folder a Dockerfile builds from and the ignored files its context would still copy. */
export interface DockerLeakCandidates {
  contextDir: string;
  files: string[];
}

/**
 * Keys in files git ignores but a `docker build` of a tracked Dockerfile's folder would copy (no
 * `.dockerignore`, or one that does not cover them). Their keys are `docker-context-key` findings;
 * the files are not counted again as scanned.
 */
export async function readDockerContext(ctx: SourceContext, gitRoot: string, tracked: readonly string[]) {
  const jobs: FileJob[] = [];
  for (const candidate of await dockerContextCandidates(gitRoot, tracked)) {
    for (const file of candidate.files) {
      jobs.push({ rel: file, abs: join(gitRoot, file), source: 'ignored', noFollow: true });
    }
  }
  if (jobs.length > 0)
    ctx.sink.addBatch(await scanJobs(jobs, { maxFileSize: ctx.maxFileSize, workers: 0 }), false);
}

export async function dockerContextCandidates(
  root: string,
  tracked: readonly string[],
): Promise<DockerLeakCandidates[]> {
  const contexts = new Set<string>();
  for (const path of tracked) {
    if (DOCKERFILE.test(path)) contexts.add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  }
  const out: DockerLeakCandidates[] = [];
  for (const contextDir of contexts) {
    const ignorePath = join(root, contextDir, '.dockerignore');
    const excluded = existsSync(ignorePath) ? dockerignoreMatcher(safeRead(ignorePath)) : () => false;
    const ignored = await listIgnoredFiles(root, contextDir === '' ? [] : [contextDir]);
    const prefix = contextDir === '' ? '' : `${contextDir}/`;
    const files = ignored
      .map((name) => name.toString('utf8'))
      .filter((path) => path.startsWith(prefix) && !excluded(path.slice(prefix.length)));
    if (files.length > 0) out.push({ contextDir, files });
  }
  return out;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
