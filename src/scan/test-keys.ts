/**
 * Documented fake keys are reported as `test-key` and never fail a scan: the repository's own
 * convention puts the marker `FAKE` right after the prefix (`AIzaFAKE…`, `AQ.FAKE…`; see README
 * "Test keys in this repository"), which the emulator's magic keys follow as well.
 */
const TEST_KEY_PREFIXES = ['AIzaFAKE', 'AQ.FAKE'];

export function isTestKey(key: string): boolean {
  return TEST_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}
