import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGitIgnored, listAdditions, listIgnoredFiles, type PathAddition } from '../io/git-files.js';
import { dockerignoreMatcher } from './dockerignore.js';
import { isDotenvFile, isPlainDotenv } from './dotenv-names.js';
import type { ScanFinding } from './types.js';

function hygiene(rule: ScanFinding['rule'], file: string, title: string, extra: Partial<ScanFinding> = {}) {
  const finding: ScanFinding = {
    rule,
    kind: 'hygiene',
    severity: 'warning',
    title,
    file,
    source: 'worktree',
    baselined: false,
    failing: false,
    ...extra,
  };
  return finding;
}

export interface HygieneInput {
  root: string;
  /** Every tracked path. */
  tracked: readonly string[];
  /** Untracked files git does not ignore. */
  untracked: readonly string[];
  /** Paths (worktree or history) where a real key was found. */
  pathsWithKeys: ReadonlySet<string>;
  /** dotenv additions in history, when the caller started that git log early (it runs alongside). */
  additions?: Promise<PathAddition[]>;
}

/**
 * Repository hygiene around dotenv files: a tracked `.env` (or `.env.*` holding keys), one ever
 * committed on any ref, and a `.env` that git would not ignore. Cheap: no content diffs.
 */
export async function dotenvHygiene(input: HygieneInput): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  const tracked = new Set(input.tracked);
  for (const path of input.tracked) {
    if (isPlainDotenv(path) || (isDotenvFile(path) && input.pathsWithKeys.has(path))) {
      findings.push(
        hygiene(
          'dotenv-tracked',
          path,
          'A dotenv file is tracked by git: its secrets reach every clone and push',
        ),
      );
    }
  }
  for (const path of input.untracked) {
    if (isPlainDotenv(path) && !(await isGitIgnored(input.root, path))) {
      findings.push(
        hygiene(
          'dotenv-not-ignored',
          path,
          '.env is not ignored by git: one `git add .` commits its secrets',
        ),
      );
    }
  }
  const seen = new Set<string>();
  for (const addition of await (input.additions ?? dotenvAdditions(input.root))) {
    const { path } = addition;
    if (tracked.has(path) || seen.has(path) || !isDotenvFile(path)) continue;
    if (!isPlainDotenv(path) && !input.pathsWithKeys.has(path)) continue;
    seen.add(path);
    findings.push(
      hygiene(
        'dotenv-committed',
        path,
        'A dotenv file was committed in the past: its secrets stay in history',
        {
          source: 'history',
          commit: addition.commit,
          commitDate: addition.date,
        },
      ),
    );
  }
  return findings;
}

/** Every commit that added a dotenv file (`git log --diff-filter=A`): start it early, await it late. */
export function dotenvAdditions(root: string): Promise<PathAddition[]> {
  return listAdditions(root, ['**/.env', '**/.env.*']);
}

const DOCKERFILE = /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[^/]+)?$|\.[Dd]ockerfile$/;

/** A folder a Dockerfile builds from and the ignored files its context would still copy. */
export interface DockerLeakCandidates {
  contextDir: string;
  files: string[];
}

/**
 * Files git ignores but a `docker build` of a tracked Dockerfile's folder would send: when the
 * context has no `.dockerignore` (or one that does not cover them). The scan reads these for keys.
 */
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
