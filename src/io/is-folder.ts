import { statSync } from 'node:fs';

/** Whether a folder is at this path (following links); false when it is missing, unreadable or no path at all. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
