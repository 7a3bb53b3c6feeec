import type { Evidence } from '../../catalog/types.js';
import type { KeySource } from '../project-snapshot.js';

/** `env:NAME` → {variable}; `file:<path>:NAME` → {file, variable}. */
export function parseSource(source: KeySource): { variable?: string; file?: string } {
  if (source.startsWith('env:')) return { variable: source.slice(4) };
  if (source.startsWith('file:')) {
    const end = source.lastIndexOf(':');
    if (end > 5) return { file: source.slice(5, end), variable: source.slice(end + 1) };
  }
  return {};
}

/** Evidence naming where a key was seen: the first source, preferring one a client reads. */
export function sourceEvidence(sources: readonly KeySource[]): Pick<Evidence, 'variable' | 'file'> {
  const first = sources[0];
  if (first === undefined) return {};
  const { variable, file } = parseSource(first);
  const out: Pick<Evidence, 'variable' | 'file'> = {};
  if (variable !== undefined) out.variable = variable;
  if (file !== undefined) out.file = file;
  return out;
}
