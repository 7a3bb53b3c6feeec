import { monotonicMs } from './clock.js';
import type { ScanProgress } from './types.js';

export type ProgressReporter = ReturnType<typeof progressReporter>;

/** Calls onProgress at most every 100 ms, and once at the end. */
export function progressReporter(onProgress: ((progress: ScanProgress) => void) | undefined) {
  const started = monotonicMs();
  let files = 0;
  let bytes = 0;
  let last = Number.NEGATIVE_INFINITY;
  let phase: ScanProgress['phase'] = 'files';
  const emit = () => onProgress?.({ files, bytes, elapsedMs: monotonicMs() - started, phase });
  return {
    add(count: number, size: number, current: ScanProgress['phase']) {
      if (!onProgress) return;
      const before = files;
      files += count;
      bytes += size;
      phase = current;
      if (files >> 6 === before >> 6) return;
      const now = monotonicMs();
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
