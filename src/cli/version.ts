import { readFileSync } from 'node:fs';

/** Inlined by the bundler (scripts/build.mjs), so the bundled CLI reads no file for `--version`. */
declare const __GKD_VERSION__: string | undefined;

/** This package's version: the bundle's inlined copy, else package.json (source, library build). */
export function packageVersion(): string {
  if (typeof __GKD_VERSION__ === 'string') return __GKD_VERSION__;
  try {
    // Two folders up from src/cli/ and from dist/cli/ alike.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
