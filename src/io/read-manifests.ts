import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  type DependencyVersion,
  normalizePythonName,
  type PackageModel,
} from '../core/project/project-model.js';
import { CLIENT_PACKAGE } from '../core/resolution/client-key-rules.js';

const NPM_CLIENTS = Object.values(CLIENT_PACKAGE)
  .filter((p) => p?.registry === 'npm')
  .map((p) => p!.name);
const PYPI_CLIENTS = Object.values(CLIENT_PACKAGE)
  .filter((p) => p?.registry === 'pypi')
  .map((p) => p!.name);
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

type Manifest = Pick<
  PackageModel,
  'name' | 'npm' | 'python' | 'versions' | 'scripts' | 'viteEnvDir' | 'viteEnvPrefix' | 'viteDefines'
>;

async function text(path: string): Promise<string | null> {
  try {
    const content = readFileSync(path); // synchronous: see read-project.ts
    return content.length > MAX_MANIFEST_BYTES ? null : content.toString('utf8');
  } catch {
    return null;
  }
}

function json(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * A package folder's dependencies (package.json, requirements.txt, pyproject.toml), the installed
 * or locked version of each Gemini client (node_modules/…/package.json up to `root`, else
 * package-lock.json / pnpm-lock.yaml / yarn.lock / bun.lock, else the range; for Python uv.lock,
 * poetry.lock, `==` pins, else the range), its scripts, and Vite's envDir/define.
 */
export async function readManifest(dir: string, root: string): Promise<Manifest> {
  const pkg = json(await text(join(dir, 'package.json')));
  const npm = new Set<string>();
  const ranges = new Map<string, string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = pkg?.[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, range] of Object.entries(deps)) {
      npm.add(name);
      if (typeof range === 'string') ranges.set(name, range);
    }
  }
  const scripts =
    typeof pkg?.['scripts'] === 'object' && pkg['scripts'] !== null
      ? Object.values(pkg['scripts']).filter((s): s is string => typeof s === 'string')
      : [];
  const python = new Set<string>();
  const pyRanges = new Map<string, string>();
  const requirements = await text(join(dir, 'requirements.txt'));
  for (const line of (requirements ?? '').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*([=<>!~][^;#]*)?/.exec(line);
    if (!m || line.trim().startsWith('-')) continue;
    const name = normalizePythonName(m[1]!);
    python.add(name);
    if (m[2]) pyRanges.set(name, m[2].trim());
  }
  const pyproject = await text(join(dir, 'pyproject.toml'));
  if (pyproject !== null) {
    for (const m of pyproject.matchAll(
      /["']([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*([=<>!~][^"';]*)?["']/g,
    )) {
      const name = normalizePythonName(m[1]!);
      if (/^(setuptools|wheel|hatchling|poetry-core)$/.test(name)) continue;
      python.add(name);
      if (m[2]) pyRanges.set(name, m[2].trim());
    }
    for (const m of pyproject.matchAll(/^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*["'{]/gm))
      python.add(normalizePythonName(m[1]!));
  }
  const versions = new Map<string, DependencyVersion>();
  for (const name of NPM_CLIENTS) {
    if (!npm.has(name)) continue;
    const found = (await installedNpmVersion(name, dir, root)) ?? (await lockedNpmVersion(name, dir, root));
    if (found) versions.set(name, found);
    else if (ranges.has(name))
      versions.set(name, { version: lowestOfRange(ranges.get(name)!), from: 'range' });
  }
  for (const name of PYPI_CLIENTS) {
    if (!python.has(name)) continue;
    const found = await lockedPythonVersion(name, dir, root);
    const range = pyRanges.get(name);
    if (found) versions.set(name, found);
    else if (range?.startsWith('==')) versions.set(name, { version: range.slice(2).trim(), from: 'lock' });
    else if (range) versions.set(name, { version: lowestOfRange(range), from: 'range' });
  }
  const vite =
    (await text(join(dir, 'vite.config.ts'))) ??
    (await text(join(dir, 'vite.config.js'))) ??
    (await text(join(dir, 'vite.config.mjs')));
  const viteEnvDir = vite ? /\benvDir\s*:\s*['"]([^'"]+)['"]/.exec(vite)?.[1] : undefined;
  const prefixMatch = vite ? /\benvPrefix\s*:\s*('[^']+'|"[^"]+"|\[[^\]]*\])/.exec(vite)?.[1] : undefined;
  const viteEnvPrefix = prefixMatch ? [...prefixMatch.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!) : [];
  const viteDefines = vite
    ? [...vite.matchAll(/['"]process\.env\.([A-Z0-9_]+)['"]\s*:/g)].map((m) => m[1]!)
    : [];
  const name = typeof pkg?.['name'] === 'string' ? (pkg['name'] as string) : null;
  return {
    name,
    npm,
    python,
    versions,
    scripts,
    ...(viteEnvDir !== undefined ? { viteEnvDir } : {}),
    ...(viteEnvPrefix.length > 0 ? { viteEnvPrefix } : {}),
    ...(viteDefines.length > 0 ? { viteDefines } : {}),
  };
}

/** `^2.3.2` → `2.3.2`, `>=1.0,<2` → `1.0.0`: the lowest version a range allows (what a fresh install may not exceed in rules). */
function lowestOfRange(range: string): string {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range);
  return m ? `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}` : range;
}

async function installedNpmVersion(
  name: string,
  dir: string,
  root: string,
): Promise<DependencyVersion | null> {
  for (let at = dir; ; at = dirname(at)) {
    const pkg = json(await text(join(at, 'node_modules', name, 'package.json')));
    if (typeof pkg?.['version'] === 'string') return { version: pkg['version'] as string, from: 'installed' };
    if (resolve(at) === resolve(root) || dirname(at) === at) return null;
  }
}

async function lockedNpmVersion(name: string, dir: string, root: string): Promise<DependencyVersion | null> {
  for (let at = dir; ; at = dirname(at)) {
    const lock = json(await text(join(at, 'package-lock.json')));
    const packages = lock?.['packages'] as Record<string, { version?: string }> | undefined;
    const entry = packages?.[`node_modules/${name}`];
    if (entry?.version) return { version: entry.version, from: 'lock' };
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const pnpm = await text(join(at, 'pnpm-lock.yaml'));
    const p = pnpm && new RegExp(`['"]?/?${escaped}[@/](\\d+\\.\\d+\\.\\d+)`).exec(pnpm);
    if (p) return { version: p[1]!, from: 'lock' };
    const yarn = await text(join(at, 'yarn.lock'));
    const y =
      yarn && new RegExp(`^"?${escaped}@[^\\n]*\\n\\s+version:?\\s+"?(\\d+\\.\\d+\\.\\d+)`, 'm').exec(yarn);
    if (y) return { version: y[1]!, from: 'lock' };
    const bun = await text(join(at, 'bun.lock'));
    const b = bun && new RegExp(`"${escaped}@(\\d+\\.\\d+\\.\\d+)"`).exec(bun);
    if (b) return { version: b[1]!, from: 'lock' };
    if (resolve(at) === resolve(root) || dirname(at) === at) return null;
  }
}

async function lockedPythonVersion(
  name: string,
  dir: string,
  root: string,
): Promise<DependencyVersion | null> {
  for (let at = dir; ; at = dirname(at)) {
    for (const lockName of ['uv.lock', 'poetry.lock']) {
      const lock = await text(join(at, lockName));
      if (lock === null) continue;
      for (const m of lock.matchAll(
        /\[\[package\]\]\s*\nname\s*=\s*"([^"]+)"\s*\nversion\s*=\s*"([^"]+)"/g,
      )) {
        if (normalizePythonName(m[1]!) === name) return { version: m[2]!, from: 'lock' };
      }
    }
    if (resolve(at) === resolve(root) || dirname(at) === at) return null;
  }
}
