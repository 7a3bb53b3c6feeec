import type { ScanResult } from '../types.js';

/** `--format json`: `{ schemaVersion, root, findings, skipped, summary }`. Holds no key. */
export function renderScanJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
