import type { SourceFacts } from './source-facts.js';

/** Where a dependency's version came from: the installed package, the lock file, or the manifest's range. */
export interface DependencyVersion {
  version: string;
  from: 'installed' | 'lock' | 'range';
}

/** One app or library of the project: a folder with a manifest (package.json, pyproject.toml, requirements.txt). */
export interface PackageModel {
  /** Absolute folder. */
  dir: string;
  /** Relative to the project root, `/`-separated; '' for the root itself. */
  rel: string;
  name: string | null;
  /** npm dependency names (all dependency fields). */
  npm: ReadonlySet<string>;
  /** Python distribution names, normalized (lower case, `_`/`.` → `-`). */
  python: ReadonlySet<string>;
  /** Versions of the Gemini clients found, by package name. */
  versions: ReadonlyMap<string, DependencyVersion>;
  /** package.json script lines (for `node --env-file`). */
  scripts: readonly string[];
  /** Vite's `envDir`, when vite.config sets it to a string literal (relative to the package). */
  viteEnvDir?: string;
  /** Vite's `envPrefix`, when vite.config sets it to string literals: the prefixes client code sees instead of `VITE_`. */
  viteEnvPrefix?: readonly string[];
  /** Variables a vite.config `define` maps to `process.env.X` (inlined into the bundle). */
  viteDefines?: readonly string[];
  /** gemini-cli is configured here (`.gemini/`, GEMINI.md, a workflow that runs it). */
  geminiCli: boolean;
  sources: SourceFacts[];
}

export type WorkspaceKind = 'npm' | 'pnpm' | 'yarn' | 'bun' | 'turborepo' | 'nx' | 'uv' | 'folders';

export interface ProjectModel {
  /** Absolute root the scan started from (the workspace root, or the package the doctor ran in). */
  root: string;
  /** The monorepo tooling at the root, when the root is a workspace. */
  workspace: WorkspaceKind[] | null;
  /** The workspace root above the working folder, when the doctor runs inside one package. */
  workspaceRootAbove: string | null;
  packages: PackageModel[];
  scan: { files: number; read: number; skipped: number; truncated: boolean; parser: 'oxc' | 'none' };
}

/** `Google_GenAI` → `google-genai` (PEP 503 normalization). */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
