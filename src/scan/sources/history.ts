import type { RawHit } from '../../core/key-detect/detect.js';
import type { RawChange, StashEntry } from '../../io/git-history.js';
import type { HitPlace } from '../findings.js';
import { gitProblem, type SourceContext } from './source-context.js';

/**
 * Every blob ever committed on any ref, and in every stash entry, read once; then the commits
 * that added each key are named from raw tree changes (no content diffs), and keys reachable only
 * from a stash are named by their stash (`stash@{1}`). A git failure part-way is a skip with its
 * reason; what could be read is still scanned.
 */
export async function readHistory(ctx: SourceContext, gitRoot: string): Promise<void> {
  const git = await import('../../io/git-history.js');
  const stashes = await git.listStashes(gitRoot);
  const blobHits = new Map<string, { path: string; hits: RawHit[] }>();
  const walk = await git.streamHistoryBlobs(
    gitRoot,
    ctx.maxFileSize,
    (blob) => {
      const hits = ctx.sink.detect({
        place: { file: blob.path, source: 'history' },
        bytes: blob.bytes,
        size: blob.size,
      });
      if (hits.length > 0) blobHits.set(blob.sha, { path: blob.path, hits });
    },
    ctx.signal,
    stashes.map((stash) => stash.commit),
  );
  for (const error of walk.errors) gitProblem(ctx, 'git history', error);
  if (blobHits.size === 0) return;

  const attributed = new Set<string>();
  const attribute = (change: RawChange, stash?: StashEntry) => {
    const added = blobHits.get(change.newBlob);
    if (!added) return;
    attributed.add(change.newBlob); // seen in a commit, whether it added a key or kept one
    const before = new Set(blobHits.get(change.oldBlob)?.hits.map((hit) => hit.key));
    const place: HitPlace = {
      file: change.path,
      source: 'history',
      commit: change.commit,
      commitDate: change.date,
      ...(stash ? { stash: stash.name } : {}),
    };
    ctx.sink.report(
      place,
      added.hits.filter((hit) => !before.has(hit.key)),
    );
  };
  const log = await git.streamBlobChanges(
    gitRoot,
    new Set(blobHits.keys()),
    (change) => attribute(change),
    ctx.signal,
  );
  for (const error of log.errors) gitProblem(ctx, 'git log', error);
  await attributeStashes(ctx, gitRoot, stashes, blobHits, attributed, attribute);
  // Blobs no commit's own diff introduces (merges only): reported with their path, without a commit.
  for (const [sha, { path, hits }] of blobHits) {
    if (!attributed.has(sha)) ctx.sink.report({ file: path, source: 'history' }, hits);
  }
}

async function attributeStashes(
  ctx: SourceContext,
  gitRoot: string,
  stashes: readonly StashEntry[],
  blobHits: ReadonlyMap<string, unknown>,
  attributed: Set<string>,
  attribute: (change: RawChange, stash: StashEntry) => void,
): Promise<void> {
  if (stashes.length === 0 || [...blobHits.keys()].every((sha) => attributed.has(sha))) return;
  const { stashChanges } = await import('../../io/git-history.js');
  const committed = new Set(attributed);
  for (const stash of stashes) {
    try {
      for (const change of await stashChanges(gitRoot, stash)) {
        if (!committed.has(change.newBlob)) attribute(change, stash);
      }
    } catch (error) {
      gitProblem(ctx, stash.name, error instanceof Error ? error.message : String(error));
    }
  }
}
