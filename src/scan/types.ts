import type { CauseId } from '../catalog/cause-id.js';

/** Stable rule ids (SARIF `ruleId`, baseline entries, JSON `rule`). Extend, never rename. */
export type ScanRuleId =
  | 'gemini-standard-key'
  | 'gemini-auth-key'
  | 'firebase-config-key'
  | 'test-key'
  | 'dotenv-tracked'
  | 'dotenv-committed'
  | 'dotenv-not-ignored'
  | 'docker-context-key';

/** key: a credential; firebase-key: one in a Firebase config; test-key: a documented fake; hygiene: repository setup. */
export type ScanFindingKind = 'key' | 'firebase-key' | 'test-key' | 'hygiene';

/** SARIF levels: error fails the scan, warning is shown (and fails only when a key is in it), note never fails. */
export type ScanSeverity = 'error' | 'warning' | 'note';

/** Where a finding was seen. */
export type ScanSource = 'worktree' | 'staged' | 'history' | 'ignored';

export interface ScanVerification {
  verdict: 'live' | 'rejected' | 'unknown';
  cause: CauseId | null;
  httpStatus?: number;
  detail: string;
}

/** One result. Holds masked keys and fingerprints only, never a key. */
export interface ScanFinding {
  rule: ScanRuleId;
  kind: ScanFindingKind;
  severity: ScanSeverity;
  title: string;
  /** Path relative to the scan root, `/`-separated. */
  file: string;
  /** 1-based; absent for file-level hygiene findings. */
  line?: number;
  column?: number;
  keyKind?: 'standard' | 'auth';
  /** `AIza…Xy9Z`: the kind's prefix and last four characters. */
  masked?: string;
  /** First 8 hex of SHA-256 of the key, as the doctor shows it. */
  fingerprint?: string;
  /** The variable, field or parameter the key is assigned to. */
  variable?: string;
  source: ScanSource;
  /** Commit that added the key (history) or the hygiene problem; for a stash, the stash's commit. */
  commit?: string;
  commitDate?: string;
  /** `stash@{1}`: the stash entry that holds the key (history). */
  stash?: string;
  /** Accepted by --baseline: shown, never fails. */
  baselined: boolean;
  /** Whether this finding makes the scan exit 1. */
  failing: boolean;
  verification?: ScanVerification;
}

export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'unreadable'
  | 'symlink'
  | 'symlink-loop'
  | 'non-utf8-name'
  | 'not-a-file'
  | 'dependency-folder';

export interface SkippedFile {
  /** Relative path; for a non-UTF-8 name, a lossy rendering of it. */
  file: string;
  reason: SkipReason;
  detail?: string;
  source: ScanSource;
}

export interface ScanSummary {
  mode: 'git' | 'directory';
  filesScanned: number;
  bytesScanned: number;
  /** --history: unique blobs read and commits walked. */
  blobsScanned?: number;
  historyBytesScanned?: number;
  /** History blobs skipped, by reason (counted, not listed: there can be thousands). */
  historySkippedByReason?: Partial<Record<SkipReason, number>>;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  placeholdersIgnored: number;
  /** Distinct keys (by fingerprint) across all findings, test keys excluded. */
  distinctKeys: number;
  findings: number;
  failing: number;
  durationMs: number;
}

export interface ScanResult {
  schemaVersion: 1;
  /** Absolute folder the paths are relative to. */
  root: string;
  findings: ScanFinding[];
  skipped: SkippedFile[];
  summary: ScanSummary;
}

export interface ScanProgress {
  files: number;
  bytes: number;
  elapsedMs: number;
  phase: 'files' | 'history';
}

export interface ScanOptions {
  /** Folders or files to scan; default: the current folder. */
  paths?: string[];
  cwd?: string;
  /** Add every blob ever committed, on all refs. */
  history?: boolean;
  /** Scan only what is staged (the pre-commit hook). */
  staged?: boolean;
  /** Files larger than this are skipped (bytes). Default 10 MiB. */
  maxFileSize?: number;
  /** Fingerprints (optionally with file) accepted as known. */
  baseline?: BaselineEntry[];
  /** Extra worker threads for large trees (0: none). Default: one per core beyond the first, with 4+ cores. */
  workers?: number;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
}

export interface BaselineEntry {
  fingerprint: string;
  rule?: ScanRuleId;
  file?: string;
}
