import type { ScanCollector } from '../collector.js';
import type { ScanTargets } from '../scan-targets.js';

/** What every source gets: the resolved targets, the limits, and the loop to feed. */
export interface SourceContext {
  targets: ScanTargets;
  maxFileSize: number;
  workers?: number;
  signal?: AbortSignal;
  sink: ScanCollector;
}

/** A git failure that cost part of a source: reported as a skip, never thrown away nor fatal. */
export function gitProblem(ctx: SourceContext, what: string, message: string): void {
  ctx.sink.skip({ file: `(${what})`, reason: 'unreadable', source: 'history', detail: message });
}
