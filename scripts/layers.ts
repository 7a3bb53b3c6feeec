/**
 * The folders of `src/` and which folders each may import: the layer table that
 * test/layers.test.ts enforces and the README's "Working on this repository" section shows.
 * Arrows run down only: a folder imports its own files and the folders listed for it. A new
 * folder under src/ must be added here, or the test fails.
 */
export interface Layer {
  folder: string;
  /** What lives there, one line. */
  holds: string;
  /** Folders it may import (besides itself). */
  imports: readonly string[];
}

const FEATURE_BASE = ['catalog', 'core', 'io'] as const;

export const LAYERS: readonly Layer[] = [
  {
    folder: 'catalog',
    holds: 'the cause catalog: every fact about every cause, one entry each',
    imports: [],
  },
  {
    folder: 'core',
    holds:
      'pure functions, no I/O: key material, .env semantics, key resolution per client, lint, error parsing and classification, shared types',
    imports: ['catalog'],
  },
  {
    folder: 'io',
    holds: 'edges: project snapshot, HTTP probe transport, git, tree walking',
    imports: ['catalog', 'core'],
  },
  {
    folder: 'explain',
    holds: '`explain()`: a pasted error to a cause, offline',
    imports: ['catalog', 'core'],
  },
  {
    folder: 'doctor',
    holds: 'the diagnosis: checks, live probes, the report model and its renderers',
    imports: FEATURE_BASE,
  },
  {
    folder: 'scan',
    holds: 'the leak scanner: detectors, sources (tree, staged, history), hygiene, renderers',
    imports: FEATURE_BASE,
  },
  { folder: 'emulator', holds: 'the local Gemini API emulator and its magic keys', imports: FEATURE_BASE },
  { folder: 'client', holds: 'the small client behind `ask`', imports: FEATURE_BASE },
  {
    folder: 'web',
    holds: 'the explain page: bundled with explain() into one self-contained dist/web/explain.html',
    imports: ['catalog', 'core', 'explain'],
  },
  {
    folder: 'mcp',
    holds: 'the MCP server over stdio: four tools thin over the CLI `run()` it is given',
    imports: ['catalog', 'core'],
  },
  {
    folder: 'cli',
    holds: 'argument parsing and commands; `run(argv, env, io)` is the whole CLI as a function',
    imports: ['catalog', 'core', 'io', 'explain', 'doctor', 'scan', 'emulator', 'client', 'mcp'],
  },
];

/** `src/index.ts` (the library's public API) sits over every layer. */
export const ROOT_FILES_MAY_IMPORT_ANY = ['index.ts'] as const;

/** The README's folder map and layer table, as Markdown. */
export function layersMarkdown(): string {
  const width = Math.max(...LAYERS.map((l) => l.folder.length)) + 6;
  const map = LAYERS.map((l) => `${`src/${l.folder}/`.padEnd(width)}${l.holds}`).join('\n');
  const rows = LAYERS.map(
    (l) =>
      `| \`${l.folder}/\` | ${l.imports.length === 0 ? '—' : l.imports.map((i) => `\`${i}/\``).join(', ')} |`,
  ).join('\n');
  return [
    '```text',
    map,
    `${'src/index.ts'.padEnd(width)}the library's public API, over every layer`,
    '```',
    '',
    'Imports run down the layers only; `test/layers.test.ts` reads every import in `src/` and fails on',
    'an arrow this table does not allow (a new folder must be added to `scripts/layers.ts` first):',
    '',
    '| folder | may import |',
    '|---|---|',
    rows,
  ].join('\n');
}
