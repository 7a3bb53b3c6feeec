/**
 * The README's generated sections. Each generator lives in `scripts/readme-sections/<name>.ts`,
 * default-exports `() => string`, and owns the README text between `<!-- SECTION:<name> -->` and
 * `<!-- END:<name> -->`. To add a section, add a file there and the two markers in README.md:
 * `npm run readme` rewrites it, and test/readme.test.ts fails while it is stale.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type SectionGenerator = () => string;

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const README_PATH = join(REPO_ROOT, 'README.md');
export const SECTIONS_DIR = join(REPO_ROOT, 'scripts', 'readme-sections');

/** Loads every generator in `scripts/readme-sections/`, keyed by section name (the file name). */
export async function loadSectionGenerators(
  dir: string = SECTIONS_DIR,
): Promise<Map<string, SectionGenerator>> {
  // Modules of the kind this one is: .ts from source (tsx), .js from the tests' type-stripped copy.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const files = (await readdir(dir)).filter((name) => name.endsWith(ext) && !name.endsWith('.d.ts')).sort();
  const generators = new Map<string, SectionGenerator>();
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (typeof module.default !== 'function') {
      throw new Error(`scripts/readme-sections/${file} must default-export a function returning Markdown`);
    }
    generators.set(file.slice(0, -ext.length), module.default as SectionGenerator);
  }
  return generators;
}

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- SECTION:${name} -->`, end: `<!-- END:${name} -->` };
}

/** The text between a section's markers, or undefined when the README lacks them. */
export function sectionBody(readme: string, name: string): string | undefined {
  const { start, end } = markers(name);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from + start.length);
  if (from < 0 || to < 0) return undefined;
  return readme.slice(from + start.length, to);
}

/** How a generated body sits between its markers: on its own lines. */
export function framedBody(body: string): string {
  const trimmed = body.trim();
  return trimmed === '' ? '\n' : `\n${trimmed}\n`;
}

/** The README with one section replaced; unchanged when the markers are missing. */
export function replaceSection(readme: string, name: string, body: string): string {
  const { start, end } = markers(name);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from + start.length);
  if (from < 0 || to < 0) return readme;
  return readme.slice(0, from + start.length) + framedBody(body) + readme.slice(to);
}

export interface ReadmeUpdate {
  readme: string;
  /** Sections whose text changed. */
  stale: string[];
  /** Generators with no markers in the README. */
  missingMarkers: string[];
}

/** Applies every generator to the README text. Pure apart from what the generators do. */
export function updateReadme(
  readme: string,
  generators: ReadonlyMap<string, SectionGenerator>,
): ReadmeUpdate {
  let text = readme;
  const stale: string[] = [];
  const missingMarkers: string[] = [];
  for (const [name, generate] of generators) {
    const current = sectionBody(text, name);
    if (current === undefined) {
      missingMarkers.push(name);
      continue;
    }
    const wanted = framedBody(generate());
    if (current !== wanted) {
      stale.push(name);
      text = replaceSection(text, name, wanted);
    }
  }
  return { readme: text, stale, missingMarkers };
}
