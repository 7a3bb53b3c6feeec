import { isGitIgnored, listAdditions, type PathAddition } from '../io/git-files.js';
import { isDotenvFile, isPlainDotenv } from './dotenv-names.js';
import { SCAN_RULES } from './rules.js';
import type { ScanFinding } from './types.js';

/** A repository-hygiene finding: severity from the rule table, never failing on its own. */
function hygieneFinding(
  rule: ScanFinding['rule'],
  file: string,
  title: string,
  extra: Partial<ScanFinding> = {},
): ScanFinding {
  return {
    rule,
    kind: 'hygiene',
    severity: SCAN_RULES[rule].severity,
    title,
    file,
    source: 'worktree',
    baselined: false,
    failing: false,
    ...extra,
  };
}

/** A dotenv file is worth a warning when it is `.env` itself, or any `.env.*` holding a real key. */
function dotenvMatters(path: string, pathsWithKeys: ReadonlySet<string>): boolean {
  return isPlainDotenv(path) || (isDotenvFile(path) && pathsWithKeys.has(path));
}

/** `scan --staged`: a dotenv file about to be committed. */
export function stagedDotenvFinding(
  path: string,
  pathsWithKeys: ReadonlySet<string>,
): ScanFinding | undefined {
  if (!dotenvMatters(path, pathsWithKeys)) return undefined;
  return hygieneFinding(
    'dotenv-tracked',
    path,
    'A dotenv file is about to be committed: its secrets would reach every clone and push',
    { source: 'staged' },
  );
}

export interface HygieneInput {
  root: string;
  /** Every tracked path. */
  tracked: readonly string[];
  /** Untracked files git does not ignore. */
  untracked: readonly string[];
  /** Paths (worktree or history) where a real key was found. */
  pathsWithKeys: ReadonlySet<string>;
  /** dotenv additions in history (started early: that git log runs alongside the scan). */
  additions: Promise<PathAddition[]>;
}

/**
 * Repository hygiene around dotenv files: a tracked `.env` (or `.env.*` holding keys), one ever
 * committed on any ref, and a `.env` that git would not ignore. Cheap: no content diffs.
 */
export async function dotenvHygiene(input: HygieneInput): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  const tracked = new Set(input.tracked);
  for (const path of input.tracked) {
    if (dotenvMatters(path, input.pathsWithKeys)) {
      findings.push(
        hygieneFinding(
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
        hygieneFinding(
          'dotenv-not-ignored',
          path,
          '.env is not ignored by git: one `git add .` commits its secrets',
        ),
      );
    }
  }
  const seen = new Set<string>();
  for (const addition of await input.additions) {
    const { path } = addition;
    if (tracked.has(path) || seen.has(path) || !dotenvMatters(path, input.pathsWithKeys)) continue;
    seen.add(path);
    findings.push(
      hygieneFinding(
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
