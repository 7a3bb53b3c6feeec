import { isDotenvFile } from '../dotenv-names.js';
import { stagedDotenvFinding } from '../repository-hygiene.js';
import type { SourceContext } from './source-context.js';

/** The index: what the next commit adds (the pre-commit hook). Symlinks and submodules are not content. */
export async function readStaged(ctx: SourceContext, gitRoot: string): Promise<void> {
  const { listStagedEntries, readBlobs } = await import('../../io/git-staged.js');
  const entries = (await listStagedEntries(gitRoot)).filter((entry) => entry.mode !== '160000');
  for (const link of entries.filter((entry) => entry.mode === '120000')) {
    ctx.sink.skip({ file: link.path, reason: 'symlink', source: 'staged' });
  }
  const blobs = entries.filter((entry) => entry.mode !== '120000');
  const withKeys = new Set<string>();
  await readBlobs(gitRoot, blobs, ctx.maxFileSize, (blob) => {
    const place = { file: blob.path, source: 'staged' as const };
    const hits = ctx.sink.detect({ place, bytes: blob.bytes, size: blob.size });
    if (hits.length > 0) withKeys.add(blob.path);
    ctx.sink.report(place, hits);
  });
  for (const entry of blobs) {
    if (isDotenvFile(entry.path)) {
      const finding = stagedDotenvFinding(entry.path, withKeys);
      if (finding) ctx.sink.findings.push(finding);
    }
  }
}
