import {
  closeSync,
  type Dirent,
  existsSync,
  fstatSync,
  openSync,
  readdir,
  readFileSync,
  readSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { type AstNode, jsSourceFacts } from '../core/project/js-source-facts.js';
import type { PackageModel, ProjectModel, WorkspaceKind } from '../core/project/project-model.js';
import { pythonSourceFacts } from '../core/project/python-source-facts.js';
import type { SourceFacts } from '../core/project/source-facts.js';
import { gitWorkTreeRoot, listWorkTreeFiles } from './git-files.js';
import { readManifest } from './read-manifests.js';

/** Folders never read: dependencies, builds, caches, virtual environments, generated code. */
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.astro',
  '.expo',
  '.vercel',
  '.turbo',
  '.cache',
  '.parcel-cache',
  'coverage',
  'vendor',
  'venv',
  '.venv',
  'env',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '__pycache__',
  'site-packages',
  'generated',
  '__generated__',
  'target',
  'Pods',
  'android',
  'ios',
]);
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|py)$/;
const SKIP_FILE = /(?:\.d\.[cm]?ts|\.min\.js|\.bundle\.js|-lock\.json)$/;
const MANIFESTS = new Set(['package.json', 'pyproject.toml', 'requirements.txt']);
/**
 * A file that may hold a key read or a Gemini call (a cheap, case-sensitive test before parsing):
 * an upper-case KEY/TOKEN/SECRET name, an apiKey option, a Gemini client or endpoint, a loader.
 * A file reading only `process.env.PORT` or a feature flag is never parsed.
 */
const WORTH_PARSING =
  /KEY\b|TOKEN\b|SECRET\b|apiKey|api_key|generativelanguage|[Gg]emini|GenAI|genai|GoogleGenerativeAI|generativeai|@ai-sdk\/google|langchain|litellm|llama_index|x-goog-api-key|dotenv|\$env\/|BaseSettings|st\.secrets/;

export interface ReadSourcesLimits {
  /** Source files considered at most (the rest are counted as skipped). */
  maxFiles: number;
  /** Bytes read from one file at most (a bigger file is generated or vendored). */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ReadSourcesLimits = { maxFiles: 5000, maxFileBytes: 256 * 1024 };

type Parse = (file: string, text: string) => AstNode | null;

/** oxc-parser, loaded on first use only (the doctor without source files never pays for it). */
async function loadParser(): Promise<Parse | null> {
  try {
    const { parseProgram } = await import('./oxc-parse.js');
    return (file, text) => parseProgram(file, text) as AstNode;
  } catch {
    return null;
  }
}

/**
 * Reads the project the way its code runs: every source file under `cwd` (tracked or not ignored
 * when in git; else a walk that skips dependency, build and virtual-env folders), bounded in count
 * and size, grouped by the nearest folder with a manifest. Never throws for a bad file.
 */
export async function readProjectModel(
  cwdGiven: string,
  limits: ReadSourcesLimits = DEFAULT_LIMITS,
): Promise<ProjectModel> {
  const cwd = resolve(cwdGiven);
  const listed = await listSourceFiles(cwd, limits);
  const packageDirs = new Set<string>([cwd]);
  for (const rel of listed.manifests) packageDirs.add(resolve(cwd, rel, '..'));
  let parse: Parse | null | undefined;
  const facts: SourceFacts[] = [];
  let read = 0;
  let skipped = listed.skipped;
  // Synchronous reads: thousands of small files go faster one syscall after another than queued
  // on libuv's four threads, and a loaded machine does not starve them.
  const worth: { rel: string; text: string }[] = [];
  for (const rel of listed.sources) {
    const text = readBounded(join(cwd, rel), limits.maxFileBytes);
    if (text === null) {
      skipped++;
      continue;
    }
    read++;
    if (WORTH_PARSING.test(text)) worth.push({ rel, text });
  }
  for (const { rel, text } of worth) {
    if (rel.endsWith('.py')) {
      facts.push(pythonSourceFacts(rel, text));
      continue;
    }
    if (parse === undefined) parse = await loadParser();
    if (parse === null) continue;
    try {
      const program = parse(rel, text);
      if (program) facts.push(jsSourceFacts(rel, text, program));
    } catch {
      skipped++;
    }
  }
  facts.sort((a, b) => a.file.localeCompare(b.file));
  const byDir = new Map<string, SourceFacts[]>();
  for (const f of facts) {
    const owner = nearestPackage(resolve(cwd, f.file), packageDirs, cwd);
    byDir.set(owner, [...(byDir.get(owner) ?? []), f]);
  }
  const packages: PackageModel[] = [];
  for (const dir of [...packageDirs].sort()) {
    const manifest = await readManifest(dir, cwd);
    const sources = byDir.get(dir) ?? [];
    const geminiDeps = [...manifest.npm, ...manifest.python].some((n) =>
      /genai|generative-?ai|gemini|ai-sdk\/google/.test(n),
    );
    const geminiCli = dir === cwd ? listed.geminiCli : false;
    if (sources.some((s) => s.calls.length > 0) || geminiDeps || geminiCli || dir === cwd)
      packages.push({
        ...manifest,
        dir,
        rel: relative(cwd, dir).split(sep).join('/'),
        geminiCli,
        sources,
      });
  }
  return {
    root: cwd,
    workspace: workspaceAt(cwd),
    workspaceRootAbove: workspaceRootAbove(cwd),
    packages,
    scan: {
      files: listed.sources.length,
      read,
      skipped,
      truncated: listed.truncated,
      parser: parse === null ? 'none' : 'oxc',
    },
  };
}

async function listSourceFiles(
  cwd: string,
  limits: ReadSourcesLimits,
): Promise<{
  sources: string[];
  manifests: string[];
  skipped: number;
  truncated: boolean;
  geminiCli: boolean;
}> {
  let all: string[] | null = null;
  const top = await gitWorkTreeRoot(cwd);
  if (top !== null) {
    try {
      const names = await listWorkTreeFiles(cwd, []);
      all = names.map((n) => n.toString('utf8'));
      // A folder git ignores entirely (a build output, a scratch copy) lists nothing: walk it instead.
      if (all.length === 0) all = null;
    } catch {
      all = null;
    }
  }
  if (all === null) all = await walkFolders(cwd, limits.maxFiles * 4);
  const sources: string[] = [];
  const manifests: string[] = [];
  let skipped = 0;
  let geminiCli = false;
  for (const rel of all) {
    const parts = rel.split('/');
    if (parts.slice(0, -1).some((p) => SKIP_DIRS.has(p))) continue;
    const name = parts[parts.length - 1]!;
    if (MANIFESTS.has(name)) manifests.push(rel);
    if (rel === 'GEMINI.md' || rel.startsWith('.gemini/') || (/\.ya?ml$/.test(name) && /gemini/i.test(rel)))
      geminiCli = true;
    if (!SOURCE_FILE.test(name) || SKIP_FILE.test(name)) continue;
    if (sources.length >= limits.maxFiles) {
      skipped++;
      continue;
    }
    sources.push(rel);
  }
  if (!geminiCli) geminiCli = existsSync(join(cwd, '.gemini')) || existsSync(join(cwd, 'GEMINI.md'));
  return { sources, manifests, skipped, truncated: skipped > 0, geminiCli };
}

/**
 * `readdir` through node:fs's callback: asynchronous, so a big tree is read while the probes wait
 * on the network, without loading fs/promises (~2 ms of the doctor's start).
 */
function listFolder(path: string): Promise<Dirent[]> {
  return new Promise((done, fail) =>
    readdir(path, { withFileTypes: true }, (error, entries) => (error ? fail(error) : done(entries))),
  );
}

/** A breadth-first walk for folders outside git: no symlinks followed, skip folders never entered. */
async function walkFolders(root: string, cap: number): Promise<string[]> {
  const out: string[] = [];
  let queue = [''];
  while (queue.length > 0 && out.length < cap) {
    const next: string[] = [];
    await Promise.all(
      queue.map(async (relDir) => {
        let entries: Dirent[];
        try {
          entries = await listFolder(join(root, relDir));
        } catch {
          return;
        }
        for (const entry of entries) {
          const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
          if (entry.isDirectory()) {
            if (!SKIP_DIRS.has(entry.name)) next.push(rel);
          } else if (entry.isFile()) out.push(rel);
        }
      }),
    );
    queue = next;
  }
  return out;
}

/** The file's text, or null when it is not a regular file, too big, or binary (a NUL byte). */
function readBounded(path: string, maxBytes: number): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return null;
    const buffer = Buffer.allocUnsafe(info.size);
    const bytesRead = readSync(fd, buffer, 0, info.size, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return null;
    return bytes.toString('utf8');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function nearestPackage(file: string, dirs: ReadonlySet<string>, root: string): string {
  let dir = resolve(file, '..');
  while (dir.startsWith(root)) {
    if (dirs.has(dir)) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  return root;
}

/** The monorepo tooling configured in a folder. */
export function workspaceAt(dir: string): WorkspaceKind[] | null {
  const kinds: WorkspaceKind[] = [];
  const has = (name: string) => existsSync(join(dir, name));
  const pkg = readJsonSync(join(dir, 'package.json'));
  if (pkg && typeof pkg === 'object' && 'workspaces' in pkg) {
    kinds.push(has('bun.lock') || has('bun.lockb') ? 'bun' : has('yarn.lock') ? 'yarn' : 'npm');
  }
  if (has('pnpm-workspace.yaml')) kinds.push('pnpm');
  if (has('turbo.json')) kinds.push('turborepo');
  if (has('nx.json')) kinds.push('nx');
  if (
    has('pyproject.toml') &&
    /\[tool\.uv\.workspace\]/.test(readTextSync(join(dir, 'pyproject.toml')) ?? '')
  )
    kinds.push('uv');
  return kinds.length > 0 ? kinds : null;
}

/** The workspace root above `cwd` (up to the git top or the filesystem root), when `cwd` is inside one. */
function workspaceRootAbove(cwd: string): string | null {
  let dir = resolve(cwd, '..');
  for (let guard = 0; guard < 64; guard++) {
    if (workspaceAt(dir) !== null) return dir;
    if (existsSync(join(dir, '.git'))) return null;
    const parent = resolve(dir, '..');
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

function readTextSync(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function readJsonSync(path: string): unknown {
  const text = readTextSync(path);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
