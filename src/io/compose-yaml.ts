import { parseDocument } from 'yaml';

/**
 * Parses a Compose file's YAML (the `yaml` package). Its own bundle, loaded by `import()` only when
 * a compose file exists: the doctor without one, `explain` and `--version` never load it.
 * Never throws: bad YAML is `{ error: 'line N: …' }`.
 */
export function parseComposeYaml(text: string): { doc: unknown; error: string | null } {
  try {
    // `merge` keeps `<<: *anchor` working as Compose reads it; toJS's alias limit stops a billion-laughs file.
    const document = parseDocument(text, { merge: true, prettyErrors: true });
    const first = document.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line;
      const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { doc: null, error: `${line !== undefined ? `line ${line}: ` : ''}${message}` };
    }
    return { doc: document.toJS({ maxAliasCount: 100 }) as unknown, error: null };
  } catch (error) {
    return { doc: null, error: error instanceof Error ? error.message.split('\n')[0]! : 'cannot be parsed' };
  }
}
