import type { CauseId } from './cause-id.js';
import type { CauseEntry } from './types.js';

/** A slice of the catalog: each key is a cause id and its entry carries that same id. */
export type CauseTable<K extends CauseId> = { readonly [P in K]: CauseEntry & { id: P } };

/**
 * Identity function that makes the compiler check a slice of the catalog: every key must be a cause
 * id and every entry's `id` must equal its key. `catalog.ts` then checks that the slices cover all ids.
 */
export function defineCauses<
  T extends { readonly [P in keyof T]: P extends CauseId ? CauseEntry & { id: P } : never },
>(table: T): T {
  return table;
}
