/**
 * Documented fake keys are reported as `test-key` and never fail a scan: the repository's own
 * convention puts the marker `FAKE` right after the prefix (`AIzaFAKE…`, `AQ.FAKE…`; see README
 * "Test keys in this repository"), and the emulator's magic keys carry `EMU-` after theirs
 * (`AIzaSyEMU-…`, `AQ.EMU-…`; src/emulator/magic-keys.ts). The prefixes are repeated here so the
 * detector does not load the emulator; a test checks every magic key against this list.
 */
const EMULATOR_KEY_PREFIXES = ['AIzaSyEMU-', 'AQ.EMU-'];
const TEST_KEY_PREFIXES = ['AIzaFAKE', 'AQ.FAKE', ...EMULATOR_KEY_PREFIXES];

export function isTestKey(key: string): boolean {
  return TEST_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * An emulator magic key: public by design (the README lists them all) and spelled with a readable
 * slug (`AIzaSyEMU-unrestricted-…`), so its fragments are words the reports use too.
 */
export function isEmulatorMagicKey(key: string): boolean {
  return EMULATOR_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}
