import { displayPath } from '../core/display-path.js';
import type { RawHit } from '../core/key-detect/detect.js';
import type { SecretKey } from '../core/secret-key.js';
import { isBaselined } from './baseline.js';
import { monotonicMs } from './clock.js';
import { detectFragment } from './detect-fragment.js';
import { type HitPlace, keyFinding } from './findings.js';
import type { ProgressReporter } from './progress.js';
import type { BatchResult } from './read-files.js';
import type { BaselineEntry, ScanFinding, ScanResult, SkippedFile, SkipReason } from './types.js';

/** One piece of text from a source and where it was seen; `bytes` undefined: over the size limit. */
export interface Fragment {
  place: HitPlace;
  bytes: Uint8Array | undefined;
  /** -1: git could not read the object. */
  size: number;
}

/**
 * The one loop every source feeds (gitleaks' `sources` shape): the work tree, the staged files,
 * the history, the stashes and the Docker context each hand over fragments (or, for work-tree
 * files read in worker threads, what the same detection step found); this detects, counts,
 * builds the findings and, at the end, the summary.
 */
export class ScanCollector {
  readonly keys = new Map<string, SecretKey>();
  readonly findings: ScanFinding[] = [];
  readonly skipped: SkippedFile[] = [];
  readonly historySkips: Partial<Record<SkipReason, number>> = {};
  readonly progress: ProgressReporter;
  files = 0;
  bytes = 0;
  placeholders = 0;
  blobs: number | undefined;
  historyBytes: number | undefined;

  constructor(progress: ProgressReporter) {
    this.progress = progress;
  }

  /** Detects the keys in one fragment and counts it; the caller reports the hits where they belong. */
  detect(fragment: Fragment): RawHit[] {
    const { place, bytes, size } = fragment;
    const history = place.source === 'history';
    if (history) this.progress.add(1, Math.max(0, size), 'history');
    const skip = (reason: SkipReason) =>
      history ? this.historySkip(reason) : this.skip({ file: place.file, reason, source: place.source });
    if (size < 0) {
      skip('unreadable');
      return [];
    }
    if (bytes === undefined) {
      skip('too-large');
      return [];
    }
    const found = detectFragment(bytes, place.file);
    this.placeholders += found.placeholders;
    if (found.binary) skip('binary');
    else if (history) {
      this.blobs = (this.blobs ?? 0) + 1;
      this.historyBytes = (this.historyBytes ?? 0) + size;
    } else {
      this.files++;
      this.bytes += size;
    }
    return found.hits;
  }

  /** Findings for hits at a place (history reports them once it knows the commit). */
  report(place: HitPlace, hits: readonly RawHit[]): void {
    for (const hit of hits) this.findings.push(keyFinding(hit, place, this.keys));
  }

  /** What the work-tree reader threads found, with the same detection step. */
  addBatch(batch: BatchResult, countAsScanned = true): void {
    if (countAsScanned) {
      this.files += batch.files;
      this.bytes += batch.bytes;
      this.placeholders += batch.placeholders;
      this.skipped.push(...batch.skipped);
    }
    for (const { file, source, hits } of batch.hits) this.report({ file, source }, hits);
  }

  skip(skip: SkippedFile): void {
    this.skipped.push(skip);
  }

  historySkip(reason: SkipReason): void {
    this.historySkips[reason] = (this.historySkips[reason] ?? 0) + 1;
  }

  /** Paths with a real key (not a test key): hygiene rules look at them. */
  pathsWithKeys(): Set<string> {
    return new Set(
      this.findings.filter((f) => f.fingerprint !== undefined && f.kind !== 'test-key').map((f) => f.file),
    );
  }

  /** Paths masked for printing, the baseline applied. Call once, after every source. */
  settle(baseline: readonly BaselineEntry[] | undefined): void {
    for (const finding of this.findings) finding.file = displayPath(finding.file);
    for (const skip of this.skipped) skip.file = displayPath(skip.file);
    if (!baseline?.length) return;
    for (const finding of this.findings) {
      if (isBaselined(finding, baseline)) {
        finding.baselined = true;
        finding.failing = false;
      }
    }
  }

  result(root: string, mode: 'git' | 'directory', history: boolean, started: number): ScanResult {
    this.progress.done();
    const skippedByReason: Partial<Record<SkipReason, number>> = {};
    for (const skip of this.skipped) skippedByReason[skip.reason] = (skippedByReason[skip.reason] ?? 0) + 1;
    const realKeys = new Set(
      this.findings
        .filter((f) => f.fingerprint !== undefined && f.kind !== 'test-key')
        .map((f) => f.fingerprint),
    );
    return {
      schemaVersion: 1,
      root: displayPath(root),
      findings: this.findings,
      skipped: this.skipped,
      summary: {
        mode,
        filesScanned: this.files,
        bytesScanned: this.bytes,
        ...(history
          ? {
              blobsScanned: this.blobs ?? 0,
              historyBytesScanned: this.historyBytes ?? 0,
              historySkippedByReason: this.historySkips,
            }
          : {}),
        skipped: this.skipped.length,
        skippedByReason,
        placeholdersIgnored: this.placeholders,
        distinctKeys: realKeys.size,
        findings: this.findings.length,
        failing: this.findings.filter((f) => f.failing).length,
        durationMs: Math.round(monotonicMs() - started),
      },
    };
  }
}
