/**
 * Milliseconds on a monotonic clock, for the scan's duration and its progress. Not
 * `performance.now()`: Node loads perf_hooks (a dozen modules, ~0.8 ms) on its first use, a tenth
 * of what a scan of a small repository spends on its own.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
