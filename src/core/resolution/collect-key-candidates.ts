import type { ClientResolution, KeyCandidate, KeySource, ProjectSnapshot } from '../project-snapshot.js';
import { SecretKey } from '../secret-key.js';
import { isKeyLikeVariable } from './key-variables.js';
import { pathLabel } from './path-strings.js';
import { envFileAt, pathApiOf } from './snapshot-files.js';

/**
 * Every distinct key value, with every place it was seen and every client that would send it.
 * A client's value is the one it SENDS (after its own trimming); other sightings (a variable no
 * client reads, `.env.production`, a parent `.env`) are the raw value. Candidates with an empty
 * `usedBy` are keys seen but sent by no modelled client. Ordered: most clients first.
 */
export function collectKeyCandidates(
  snapshot: ProjectSnapshot,
  resolutions: readonly ClientResolution[],
): KeyCandidate[] {
  const byValue = new Map<string, KeyCandidate>();
  const add = (value: string, source: KeySource, client?: ClientResolution['client']) => {
    if (value === '') return;
    let candidate = byValue.get(value);
    if (candidate === undefined) {
      candidate = { key: new SecretKey(value), sources: [], usedBy: [] };
      byValue.set(value, candidate);
    }
    if (!candidate.sources.includes(source)) candidate.sources.push(source);
    if (client !== undefined && !candidate.usedBy.includes(client)) candidate.usedBy.push(client);
  };
  for (const r of resolutions) {
    if (r.key !== null && r.source !== null) add(r.key.reveal(), r.source, r.client);
  }
  for (const [name, value] of Object.entries(snapshot.env)) {
    if (typeof value === 'string' && isKeyLikeVariable(name, value)) add(value, `env:${name}`);
  }
  const api = pathApiOf(snapshot);
  for (const path of envFilePaths(snapshot)) {
    const parsed = envFileAt(snapshot, path);
    if (parsed === null) continue;
    const label = pathLabel(path, snapshot.cwd, snapshot.home, api);
    for (const [name, value] of parsed.dotenv)
      if (isKeyLikeVariable(name, value)) add(value, `file:${label}:${name}`);
  }
  return [...byValue.values()].sort((a, b) => b.usedBy.length - a.usedBy.length);
}

/** Snapshot paths that are `.env`-family files (not settings, manifests). */
export function envFilePaths(snapshot: ProjectSnapshot): string[] {
  const api = pathApiOf(snapshot);
  return [...snapshot.files.keys()].filter((path) => {
    const name = api.basename(path);
    return name === 'env' || name === '.env' || name.startsWith('.env.');
  });
}
