/**
 * Which `.env` files a framework or loader really loads for an app, in which order, and which
 * variables it inlines into browser code. Every rule cites the framework's documentation or
 * source. Paths are relative to the app's folder (the package that holds the framework) unless
 * said otherwise; the first file listed wins (no loader here overrides a variable the shell set).
 */
export type FrameworkId =
  | 'next'
  | 'vite'
  | 'sveltekit'
  | 'astro'
  | 'nuxt'
  | 'remix'
  | 'expo'
  | 'create-react-app'
  | 'streamlit';

export interface FrameworkEnv {
  framework: FrameworkId;
  label: string;
  /** Files in precedence order, first wins; relative to the app folder. */
  files: readonly string[];
  /** Variable prefixes inlined into code shipped to browsers (or app bundles). */
  publicPrefixes: readonly string[];
  /**
   * Client code sees only the public variables: a read of any other name is `undefined` there
   * (CRA, Expo app code, Vite's import.meta.env on the client).
   */
  onlyPublicVisible: boolean;
  /**
   * How the loader expands `$VAR` references in the values it loads: Vite's loadEnv merges the
   * files, then expands (vite-env-expand.ts); @next/env expands file by file (next-env-expand.ts).
   */
  expands?: 'vite' | 'next';
  cite: string;
}

/** dotenv-flow style order for a mode: `.env.[mode].local`, `.env.local`, `.env.[mode]`, `.env`. */
const flow = (mode: string) => [`.env.${mode}.local`, '.env.local', `.env.${mode}`, '.env'];
/** Vite's loadEnv: `.env.[mode].local` > `.env.[mode]` > `.env.local` > `.env` (checked against the real loadEnv). */
export const viteEnvFiles = (mode: string) => [`.env.${mode}.local`, `.env.${mode}`, '.env.local', '.env'];
const viteOrder = viteEnvFiles;

export const FRAMEWORK_ENV: Record<FrameworkId, FrameworkEnv> = {
  next: {
    framework: 'next',
    expands: 'next',
    label: 'Next.js',
    // @next/env loadEnvConfig(dir, dev): `.env.development.local`, `.env.local`, `.env.development`, `.env`
    // from the app's own folder only (packages/next-env/index.ts); `.env.local` is skipped in test.
    files: flow('development'),
    publicPrefixes: ['NEXT_PUBLIC_'],
    onlyPublicVisible: false,
    cite: 'nextjs.org/docs/app/guides/environment-variables; @next/env loadEnvConfig',
  },
  vite: {
    framework: 'vite',
    expands: 'vite',
    label: 'Vite',
    // vite/src/node/env.ts loadEnv: files in envDir (default: root), mode files beat .local beat .env.
    files: viteOrder('development'),
    publicPrefixes: ['VITE_'],
    onlyPublicVisible: true,
    cite: 'vite.dev/guide/env-and-mode (envDir, envPrefix)',
  },
  sveltekit: {
    framework: 'sveltekit',
    expands: 'vite',
    label: 'SvelteKit',
    // Vite's loading; $env/static/private holds every non-PUBLIC_ variable, $env/static/public the PUBLIC_ ones.
    files: viteOrder('development'),
    publicPrefixes: ['PUBLIC_'],
    onlyPublicVisible: false,
    cite: 'svelte.dev/docs/kit/$env-static-private, $env-static-public',
  },
  astro: {
    framework: 'astro',
    expands: 'vite',
    label: 'Astro',
    files: viteOrder('development'),
    publicPrefixes: ['PUBLIC_'],
    onlyPublicVisible: false,
    cite: 'docs.astro.build/en/guides/environment-variables',
  },
  nuxt: {
    framework: 'nuxt',
    label: 'Nuxt',
    // `nuxi dev` loads `.env` from the project root; production reads the real environment only.
    files: ['.env'],
    publicPrefixes: ['NUXT_PUBLIC_'],
    onlyPublicVisible: false,
    cite: 'nuxt.com/docs/guide/directory-structure/env',
  },
  remix: {
    framework: 'remix',
    label: 'Remix',
    // `remix dev` loads `.env` into process.env for the server.
    files: ['.env'],
    publicPrefixes: [],
    onlyPublicVisible: false,
    cite: 'remix.run/docs/en/main/guides/envvars',
  },
  expo: {
    framework: 'expo',
    label: 'Expo',
    // @expo/env: `.env.development.local`, `.env.local`, `.env.development`, `.env`; only EXPO_PUBLIC_ is inlined.
    files: flow('development'),
    publicPrefixes: ['EXPO_PUBLIC_'],
    onlyPublicVisible: true,
    cite: 'docs.expo.dev/guides/environment-variables',
  },
  'create-react-app': {
    framework: 'create-react-app',
    label: 'Create React App',
    // react-scripts config/env.js: dotenv-flow order for NODE_ENV=development; only REACT_APP_ reaches the code.
    files: flow('development'),
    publicPrefixes: ['REACT_APP_'],
    onlyPublicVisible: true,
    cite: 'create-react-app.dev/docs/adding-custom-environment-variables',
  },
  streamlit: {
    framework: 'streamlit',
    label: 'Streamlit',
    // Streamlit never loads `.env`; root-level keys of `.streamlit/secrets.toml` become environment variables.
    files: [],
    publicPrefixes: [],
    onlyPublicVisible: false,
    cite: 'docs.streamlit.io/develop/concepts/connections/secrets-management',
  },
};

/** Dependency names that mark each framework, in detection order (a SvelteKit app also depends on vite). */
const MARKERS: readonly [FrameworkId, readonly string[]][] = [
  ['next', ['next']],
  ['sveltekit', ['@sveltejs/kit']],
  ['astro', ['astro']],
  ['nuxt', ['nuxt', 'nuxt3']],
  ['remix', ['@remix-run/dev']],
  ['expo', ['expo']],
  ['create-react-app', ['react-scripts']],
  ['vite', ['vite']],
  ['streamlit', ['streamlit']],
];

/** The framework that loads env files for an app with these dependencies, if any. */
export function frameworkOf(dependencies: ReadonlySet<string>): FrameworkEnv | null {
  for (const [id, names] of MARKERS) if (names.some((n) => dependencies.has(n))) return FRAMEWORK_ENV[id];
  return null;
}

/** The public prefix a variable name carries for this framework, if any. */
export function publicPrefixOf(framework: FrameworkEnv | null, name: string): string | null {
  return framework?.publicPrefixes.find((p) => name.startsWith(p)) ?? null;
}

/** Streamlit's secrets files, project first (relative to the working folder), then the user's. */
export const STREAMLIT_SECRETS_FILES = ['.streamlit/secrets.toml'] as const;

/**
 * Root-level `KEY = "value"` pairs of a secrets.toml (tables and arrays skipped). Streamlit sets
 * each root-level string as an environment variable when it loads the secrets.
 */
export function streamlitRootSecrets(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) break; // the first table ends the root level
    const m = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/.exec(line);
    if (m) out.set(m[1]!, m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : m[3]!);
  }
  return out;
}
