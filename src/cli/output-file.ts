import { lstat, open } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

/**
 * Checks, before any work, that a report may be written to `file`: a new file, or an earlier
 * report (its content starts with `signature`). Anything else is the user's and is kept: a
 * mistyped `--html .env` must not replace their keys with a web page, and writing to a FIFO or a
 * device would hang or go nowhere.
 */
export async function checkOutputFile(flag: string, file: string, signature: RegExp): Promise<void> {
  const info = await lstat(file)
    .catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
    .catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${flag}: cannot write '${file}' (${error.code ?? 'error'})`);
    });
  if (info === undefined) return;
  if (info.isDirectory()) throw new UsageError(`${flag}: '${file}' is a folder`);
  if (!info.isFile()) throw new UsageError(`${flag}: '${file}' is not a regular file; not writing to it`);
  const start = await readStart(file);
  if (!signature.test(start)) {
    throw new UsageError(`${flag}: '${file}' already exists and is not a report; not overwriting it`);
  }
}

async function readStart(file: string): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
