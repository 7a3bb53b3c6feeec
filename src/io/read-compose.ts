import { dirname, join } from 'node:path';
import type { ComposeFileRead } from '../core/project/compose-keys.js';
import { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_FILE_NAMES } from '../core/project/compose-services.js';
import type { ProjectModel } from '../core/project/project-model.js';
import { readFileSnapshot } from './read-project.js';

/** A compose file bigger than this is not one a person wrote: reported unreadable, never parsed. */
export const MAX_COMPOSE_FILE_BYTES = 256 * 1024;

/**
 * The Compose file of each folder that may run the project's apps: the project root, its parent
 * (the doctor run inside `backend/` of a repository whose compose file sits above it), the
 * workspace root above, and each app's own folder. In each folder, the first of Compose's default
 * names that exists (compose.yaml is preferred), with its override file (compose.override.yaml),
 * which Compose merges in. The YAML parser is loaded only when one exists.
 */
export async function readComposeFiles(model: ProjectModel): Promise<ComposeFileRead[]> {
  const folders = new Set<string>([model.root, dirname(model.root), ...model.packages.map((p) => p.dir)]);
  if (model.workspaceRootAbove !== null) folders.add(model.workspaceRootAbove);
  const above = model.workspaceRootAbove ?? dirname(model.root);
  const found: { base: Found; override: Found | null }[] = [];
  for (const folder of folders) {
    const base = await firstOf(folder, COMPOSE_FILE_NAMES);
    if (base !== null) found.push({ base, override: await firstOf(folder, COMPOSE_OVERRIDE_FILE_NAMES) });
  }
  if (found.length === 0) return [];
  const { parseComposeYaml } = await import('./compose-yaml.js');
  const parse = ({ path, bytes, error }: Found) =>
    bytes === null
      ? { path, doc: null, error }
      : { path, ...parseComposeYaml(new TextDecoder().decode(bytes)) };
  return found.map(({ base, override }) => ({
    ...parse(base),
    aboveRoot: dirname(base.path) === above && above !== model.root,
    ...(override ? { override: parse(override) } : {}),
  }));
}

interface Found {
  path: string;
  bytes: Uint8Array | null;
  error: string | null;
}

/** The first of these names that exists in the folder, read (bounded), or null. */
async function firstOf(folder: string, names: readonly string[]): Promise<Found | null> {
  for (const name of names) {
    const path = join(folder, name);
    const snap = await readFileSnapshot(path, MAX_COMPOSE_FILE_BYTES);
    if (snap.kind === 'missing' || snap.kind === 'directory') continue;
    return snap.kind === 'file'
      ? { path, bytes: snap.bytes, error: null }
      : { path, bytes: null, error: snap.reason };
  }
  return null;
}
