import { closeSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { EnvMap } from '../core/env-map.js';
import type { FileSnapshot, ProjectSnapshot } from '../core/project-snapshot.js';

/** A `.env` larger than this is not a `.env` (a venv, a dump): reported unreadable, never slurped. */
export const MAX_ENV_FILE_BYTES = 256 * 1024;

export interface ReadProjectInput {
  env: EnvMap;
  cwd: string;
  /** Defaults to HOME / USERPROFILE from env, then the OS's idea of home. */
  home?: string;
  platform?: NodeJS.Platform;
  /** The files the core wants to see (core's `candidateEnvFilePaths(cwd, home)`). */
  paths: (cwd: string, home: string) => readonly string[];
}

export function homeFrom(env: EnvMap): string {
  return env['HOME'] || env['USERPROFILE'] || homedir();
}

/** Gathers the snapshot the pure core reasons about. Never throws for a bad file: it records why. */
export async function readProject(input: ReadProjectInput): Promise<ProjectSnapshot> {
  const cwd = resolve(input.cwd);
  const home = resolve(input.home ?? homeFrom(input.env));
  const paths = [...new Set(input.paths(cwd, home).map((p) => resolve(p)))];
  const entries = await Promise.all(paths.map(async (path) => [path, await readFileSnapshot(path)] as const));
  return {
    env: { ...input.env },
    cwd,
    home,
    files: new Map(entries),
    platform: input.platform ?? process.platform,
  };
}

/**
 * What is at a path, the way a loader would meet it: symlinks followed (a loop is unreadable),
 * a directory is `directory` (a venv named `.env`), FIFOs and devices are unreadable (reading one
 * could hang), and big files are refused.
 */
export async function readFileSnapshot(path: string, maxBytes = MAX_ENV_FILE_BYTES): Promise<FileSnapshot> {
  // Synchronous calls: the doctor asks about ~40 paths, most of them missing, and a thread-pool
  // round trip each cost ten times the system calls (5 ms against 0.5 in a fresh process). Nothing
  // here can block for long: a FIFO or a device is never opened, a big file never read.
  try {
    // Most paths asked about are missing: no exception for those (building one costs more than
    // the system call).
    const link = lstatSync(path, { throwIfNoEntry: false });
    if (link === undefined) return { kind: 'missing' };
    const info = link.isSymbolicLink() ? statSync(path) : link;
    if (info.isDirectory()) return { kind: 'directory' };
    if (!info.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (info.size > maxBytes)
      return { kind: 'unreadable', reason: `larger than ${Math.round(maxBytes / 1024)} KB` };
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
      return { kind: 'file', bytes: new Uint8Array(buffer.subarray(0, bytesRead)) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'unreadable', reason: 'symbolic link loop' };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', reason: 'permission denied' };
    return { kind: 'unreadable', reason: typeof code === 'string' ? code : 'cannot be read' };
  }
}
