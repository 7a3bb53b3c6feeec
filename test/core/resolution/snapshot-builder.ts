import type { FileSnapshot, ProjectSnapshot } from '../../../src/core/project-snapshot.js';

/** Builds an in-memory snapshot: strings become UTF-8 files, `null` a folder. */
export function snapshotOf(options: {
  env?: Record<string, string | undefined>;
  cwd?: string;
  home?: string;
  files?: Record<string, string | Uint8Array | null | { unreadable: string }>;
  platform?: NodeJS.Platform;
}): ProjectSnapshot {
  const files = new Map<string, FileSnapshot>();
  for (const [path, content] of Object.entries(options.files ?? {})) {
    if (content === null) files.set(path, { kind: 'directory' });
    else if (typeof content === 'string')
      files.set(path, { kind: 'file', bytes: new TextEncoder().encode(content) });
    else if (content instanceof Uint8Array) files.set(path, { kind: 'file', bytes: content });
    else files.set(path, { kind: 'unreadable', reason: content.unreadable });
  }
  return {
    env: options.env ?? {},
    cwd: options.cwd ?? '/home/dev/app',
    home: options.home ?? '/home/dev',
    files,
    platform: options.platform ?? 'linux',
  };
}
