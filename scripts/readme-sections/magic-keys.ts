import { magicKeyTableMarkdown } from '../../src/emulator/magic-key-table.js';

/** README section `magic-keys` (inside `emulator`): the magic key table, generated from MAGIC_KEYS. */
export default function magicKeysSection(): string {
  return magicKeyTableMarkdown();
}
