import type { CauseId } from './cause-id.js';
import { ENVIRONMENT_CAUSES } from './causes/environment.js';
import { FALLBACK_CAUSES } from './causes/fallback.js';
import { KEY_MATERIAL_CAUSES } from './causes/key-material.js';
import { NETWORK_CAUSES } from './causes/network.js';
import { SERVER_KEY_CAUSES } from './causes/server-key.js';
import { SERVER_PROJECT_CAUSES } from './causes/server-project.js';
import type { CauseEntry } from './types.js';

/** The whole catalog. The type makes the compiler reject a missing id or an entry filed under the wrong id. */
export type Catalog = { readonly [K in CauseId]: CauseEntry & { id: K } };

/** Plain data, no heavy imports: `explain` loads it on its cold-start path. */
export const CATALOG: Catalog = {
  ...KEY_MATERIAL_CAUSES,
  ...ENVIRONMENT_CAUSES,
  ...SERVER_KEY_CAUSES,
  ...SERVER_PROJECT_CAUSES,
  ...NETWORK_CAUSES,
  ...FALLBACK_CAUSES,
};

/** The catalog entry for a cause id (the raw templates; use `renderCause` to fill them). */
export function getCause<K extends CauseId>(id: K): Catalog[K] {
  return CATALOG[id];
}
