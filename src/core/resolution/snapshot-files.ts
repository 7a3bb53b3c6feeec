import { type ParsedEnvFile, parseEnvFile } from '../dotenv/parse-env-file.js';
import type { FileSnapshot, ProjectSnapshot } from '../project-snapshot.js';
import { type PathApi, pathApiFor } from './path-strings.js';

const parsedCache = new WeakMap<Uint8Array, ParsedEnvFile>();

/** What the snapshot holds at a path; a path the edge did not gather counts as missing. */
export function fileAt(snapshot: ProjectSnapshot, path: string): FileSnapshot {
  return snapshot.files.get(path) ?? { kind: 'missing' };
}

/** `fs.existsSync` semantics (gemini-cli's test): true for files, folders and unreadable entries. */
export function existsAt(snapshot: ProjectSnapshot, path: string): boolean {
  return fileAt(snapshot, path).kind !== 'missing';
}

/** The parsed `.env` at a path, or null when it is not a readable file. Parsed once per snapshot. */
export function envFileAt(snapshot: ProjectSnapshot, path: string): ParsedEnvFile | null {
  const file = fileAt(snapshot, path);
  if (file.kind !== 'file') return null;
  let parsed = parsedCache.get(file.bytes);
  if (parsed === undefined) {
    parsed = parseEnvFile(file.bytes);
    parsedCache.set(file.bytes, parsed);
  }
  return parsed;
}

/** A JSON settings file (comments allowed, as gemini-cli's strip-json-comments does), or null. */
export function jsonFileAt(snapshot: ProjectSnapshot, path: string): unknown {
  const file = fileAt(snapshot, path);
  if (file.kind !== 'file') return null;
  try {
    return JSON.parse(stripJsonComments(new TextDecoder().decode(file.bytes)));
  } catch {
    return null;
  }
}

export function textFileAt(snapshot: ProjectSnapshot, path: string): string | null {
  const file = fileAt(snapshot, path);
  return file.kind === 'file' ? new TextDecoder().decode(file.bytes) : null;
}

export function pathApiOf(snapshot: ProjectSnapshot): PathApi {
  return pathApiFor(snapshot.cwd, snapshot.platform);
}

/** Reads `a.b.c` from parsed JSON without trusting its shape. */
export function jsonPath(value: unknown, ...names: string[]): unknown {
  let current = value;
  for (const name of names) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.hasOwn(current, name) ? (current as Record<string, unknown>)[name] : undefined;
  }
  return current;
}

/** Removes `//` and `/* *\/` comments outside strings. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else out += ch;
  }
  return out;
}
