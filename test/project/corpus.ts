/**
 * The project corpus: real public Gemini projects (test/fixtures/projects/<name>/, with SOURCE.md
 * naming the repository, commit and licence), each set up as its README says and then as users
 * commonly get it wrong. `expect` is whether the app, run that way, gets a working answer from
 * Gemini: `ok` (the doctor exits 0) or `fail` (exit 1). `{WORK}` is the emulator's working key,
 * `{BAD}` a key it rejects (API_KEY_INVALID).
 *
 * The apps' own model ids matter: several call models Google has retired (gemini-1.5-*,
 * gemini-2.0-*): those setups fail whatever the key, and the doctor must say so.
 */
export interface CorpusSetup {
  name: string;
  kind: 'readme' | 'mistake';
  /** Folder (relative to the project) the doctor runs in; default the project root. */
  cwd?: string;
  /** Shell environment on top of PATH/HOME. */
  env?: Record<string, string>;
  /** Files written into a copy of the project (relative paths; `../x` lands next to it). */
  files?: Record<string, string>;
  expect: 'ok' | 'fail';
  /** The doctor's verdict on the key the app's calls send (report.project.uses), when the code names one. */
  key?: 'works' | 'missing' | 'rejected';
  /**
   * Under Docker Compose: the doctor's verdict on what the compose service running the app gets for
   * the key variable (report.project.compose), when the project has a compose file.
   */
  compose?: 'works' | 'missing' | 'rejected';
  why: string;
}

export interface CorpusProject {
  name: string;
  kind: string;
  setups: CorpusSetup[];
}

export const CORPUS: readonly CorpusProject[] = [
  {
    name: 'nextjs-veo',
    kind: 'Next.js app router, @google/genai, explicit apiKey',
    setups: [
      {
        name: 'README: GEMINI_API_KEY in .env',
        kind: 'readme',
        files: { '.env': 'GEMINI_API_KEY="{WORK}"\n' },
        expect: 'ok',
        key: 'works',
        why: 'Next.js loads .env; the route reads GEMINI_API_KEY',
      },
      {
        name: 'key in .env.local',
        kind: 'mistake',
        files: { '.env.local': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'ok',
        key: 'works',
        why: 'Next.js loads .env.local too',
      },
      {
        name: 'a stale GOOGLE_API_KEY in the shell',
        kind: 'mistake',
        env: { GOOGLE_API_KEY: '{BAD}' },
        files: { '.env.local': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'ok',
        key: 'works',
        why: 'the code passes GEMINI_API_KEY explicitly; the SDK never falls back to GOOGLE_API_KEY',
      },
      {
        name: 'key stored as GOOGLE_API_KEY',
        kind: 'mistake',
        files: { '.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'the route throws "GEMINI_API_KEY environment variable is not set"',
      },
    ],
  },
  {
    name: 'nextjs-image-editing',
    kind: 'Next.js app router, legacy @google/generative-ai, retired model',
    setups: [
      {
        name: 'README: GEMINI_API_KEY in .env',
        kind: 'readme',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        why: 'the key works but the route calls gemini-2.0-flash-exp, which is retired',
      },
      {
        name: 'key as NEXT_PUBLIC_GEMINI_API_KEY',
        kind: 'mistake',
        files: { '.env.local': 'NEXT_PUBLIC_GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'the route reads GEMINI_API_KEY (gets ""), and the public name ships the key to browsers',
      },
      {
        name: 'key stored as GOOGLE_API_KEY',
        kind: 'mistake',
        files: { '.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'the route reads GEMINI_API_KEY only',
      },
    ],
  },
  {
    name: 'nextjs-ai-sdk-chatbot',
    kind: 'Next.js, Vercel AI SDK default `google` instance',
    setups: [
      {
        name: 'README: GOOGLE_GENERATIVE_AI_API_KEY in .env',
        kind: 'readme',
        files: { '.env': 'GOOGLE_GENERATIVE_AI_API_KEY={WORK}\n' },
        expect: 'ok',
        key: 'works',
        why: 'Next.js loads .env; the default instance reads GOOGLE_GENERATIVE_AI_API_KEY',
      },
      {
        name: 'key stored as GEMINI_API_KEY',
        kind: 'mistake',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: '@ai-sdk/google never reads GEMINI_API_KEY: AI_LoadAPIKeyError',
      },
      {
        name: 'a stale GOOGLE_API_KEY in the shell',
        kind: 'mistake',
        env: { GOOGLE_API_KEY: '{BAD}' },
        files: { '.env.local': 'GOOGLE_GENERATIVE_AI_API_KEY={WORK}\n' },
        expect: 'ok',
        key: 'works',
        why: 'nothing in the app reads GOOGLE_API_KEY',
      },
      {
        name: 'a padded value',
        kind: 'mistake',
        files: { '.env': 'GOOGLE_GENERATIVE_AI_API_KEY=" {WORK} "\n' },
        expect: 'ok',
        key: 'works',
        why: 'fetch trims header values: the key sent is the trimmed one',
      },
    ],
  },
  {
    name: 'langgraph-monorepo',
    kind: 'monorepo: Vite frontend + Python LangGraph backend (google-genai, langchain-google-genai)',
    setups: [
      {
        name: 'README: backend/.env',
        kind: 'readme',
        cwd: 'backend',
        files: { 'backend/.env': 'GEMINI_API_KEY="{WORK}"\n' },
        expect: 'fail',
        key: 'works',
        why: 'load_dotenv() in graph.py finds backend/.env walking up; but configuration.py defaults to gemini-2.0-flash, which is retired',
      },
      {
        name: 'README (docker): GEMINI_API_KEY in the shell, at the root',
        kind: 'readme',
        env: { GEMINI_API_KEY: '{WORK}' },
        expect: 'fail',
        key: 'works',
        compose: 'works',
        why: 'docker-compose passes GEMINI_API_KEY through (`GEMINI_API_KEY: $GEMINI_API_KEY` style interpolation); the query model gemini-2.0-flash is retired',
      },
      {
        name: 'key in the repository root .env',
        kind: 'mistake',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        compose: 'works',
        why: "python-dotenv's find_dotenv walks up from backend/src/agent/graph.py to the root .env, and Compose fills $GEMINI_API_KEY from the .env beside docker-compose.yml (the model is still retired)",
      },
      {
        name: 'README local setup (backend/.env), then docker-compose up',
        kind: 'mistake',
        files: { 'backend/.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        compose: 'missing',
        why: 'the local run finds backend/.env, but Compose fills $GEMINI_API_KEY only from the shell and the root .env: langgraph-api gets an empty GEMINI_API_KEY; the image (Dockerfile: `ADD backend/`, no .dockerignore) may hold backend/.env, but load_dotenv() does not override a set variable, even an empty one (and the model is retired)',
      },
      {
        name: 'own compose.yaml building ./backend, key only in the .env beside it (no env_file)',
        kind: 'mistake',
        files: {
          // compose.yaml is the name Compose prefers over docker-compose.yml in the same folder.
          'compose.yaml': 'services:\n  backend:\n    build: ./backend\n    ports:\n      - "8123:8000"\n',
          '.env': 'GEMINI_API_KEY={WORK}\n',
        },
        expect: 'fail',
        key: 'works',
        compose: 'missing',
        why: 'the .env beside compose.yaml only fills $VARIABLE placeholders in the compose file; service backend has no env_file or environment entry, so its container has no GEMINI_API_KEY',
      },
      {
        name: 'own compose.yaml whose env_file names a missing file',
        kind: 'mistake',
        files: {
          'compose.yaml':
            'services:\n  backend:\n    build:\n      context: ./backend\n    env_file:\n      - ./backend/.env.docker\n',
          'backend/.env': 'GEMINI_API_KEY={WORK}\n',
        },
        expect: 'fail',
        key: 'works',
        compose: 'missing',
        why: 'Compose stops at `env file ./backend/.env.docker not found`: the service never starts',
      },
      {
        name: 'key stored as GOOGLE_API_KEY',
        kind: 'mistake',
        cwd: 'backend',
        files: { 'backend/.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'graph.py raises "GEMINI_API_KEY is not set"',
      },
      {
        name: 'a stale GEMINI_API_KEY in the shell',
        kind: 'mistake',
        cwd: 'backend',
        env: { GEMINI_API_KEY: '{BAD}' },
        files: { 'backend/.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'rejected',
        why: 'load_dotenv() does not override a set variable: the stale key is sent',
      },
    ],
  },
  {
    name: 'flask-quickstart',
    kind: 'Flask, google-generativeai, load_dotenv (gemini-1.5-flash)',
    setups: [
      {
        name: 'README: GOOGLE_API_KEY in .env',
        kind: 'readme',
        files: { '.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        why: 'the key is read, but app.py calls gemini-1.5-flash, which is retired',
      },
      {
        name: 'key stored as GEMINI_API_KEY',
        kind: 'mistake',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'genai.configure(api_key=os.getenv("GOOGLE_API_KEY")) gets None',
      },
      {
        name: 'a stale GOOGLE_API_KEY in the shell',
        kind: 'mistake',
        env: { GOOGLE_API_KEY: '{BAD}' },
        files: { '.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'rejected',
        why: 'load_dotenv() does not override: the stale key is sent',
      },
    ],
  },
  {
    name: 'express-chat',
    kind: 'Node/Express (node --env-file) and Flask servers, legacy SDKs (gemini-1.5-flash)',
    setups: [
      {
        name: 'README: server-js/.env, node --env-file',
        kind: 'readme',
        cwd: 'server-js',
        files: { 'server-js/.env': 'GOOGLE_API_KEY={WORK}\nPORT=9000\n' },
        expect: 'fail',
        key: 'works',
        why: 'the key is read, but app.js calls gemini-1.5-flash, which is retired',
      },
      {
        name: 'key stored as GEMINI_API_KEY',
        kind: 'mistake',
        cwd: 'server-js',
        files: { 'server-js/.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'app.js reads GOOGLE_API_KEY: the legacy SDK sends "undefined"',
      },
      {
        name: 'a stale GOOGLE_API_KEY in the shell (server-js)',
        kind: 'mistake',
        cwd: 'server-js',
        env: { GOOGLE_API_KEY: '{BAD}' },
        files: { 'server-js/.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'rejected',
        why: '`node --env-file` never overrides a set variable: the stale key is sent',
      },
      {
        name: 'README: server-python/.env',
        kind: 'readme',
        cwd: 'server-python',
        files: { 'server-python/.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        why: 'the key is read, but app.py calls a retired gemini-1.5 model',
      },
    ],
  },
  {
    name: 'cra-live-console',
    kind: 'Create React App, @google/genai in the browser (REACT_APP_)',
    setups: [
      {
        name: 'README: REACT_APP_GEMINI_API_KEY in .env',
        kind: 'readme',
        files: { '.env': 'REACT_APP_GEMINI_API_KEY={WORK}\n' },
        expect: 'ok',
        key: 'works',
        why: 'CRA inlines REACT_APP_ variables; the key works (and ships to every visitor: a warning)',
      },
      {
        name: 'key stored as GEMINI_API_KEY',
        kind: 'mistake',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'CRA exposes only REACT_APP_ variables; App.tsx throws',
      },
      {
        name: 'key in .env.local',
        kind: 'mistake',
        files: { '.env.local': 'REACT_APP_GEMINI_API_KEY={WORK}\n' },
        expect: 'ok',
        key: 'works',
        why: 'CRA loads .env.local',
      },
    ],
  },
  {
    name: 'streamlit-gemini',
    kind: 'Streamlit, google-generativeai, os.getenv (no dotenv)',
    setups: [
      {
        name: 'README: export GOOGLE_API_KEY',
        kind: 'readme',
        env: { GOOGLE_API_KEY: '{WORK}' },
        expect: 'fail',
        key: 'works',
        why: 'the key is read, but app.py calls gemini-1.5-pro-latest, which is retired',
      },
      {
        name: 'key in .env',
        kind: 'mistake',
        files: { '.env': 'GOOGLE_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'nothing loads .env: Streamlit does not, and app.py has no load_dotenv()',
      },
      {
        name: 'key stored as GEMINI_API_KEY',
        kind: 'mistake',
        env: { GEMINI_API_KEY: '{WORK}' },
        expect: 'fail',
        key: 'missing',
        why: 'app.py reads GOOGLE_API_KEY',
      },
    ],
  },
  {
    name: 'expo-perception',
    kind: 'Expo (React Native), legacy SDK, EXPO_PUBLIC_ (gemini-2.0-flash)',
    setups: [
      {
        name: 'README: EXPO_PUBLIC_API_KEY in .env',
        kind: 'readme',
        files: { '.env': 'EXPO_PUBLIC_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        why: 'the key is read (and bundled into the app), but the app calls gemini-2.0-flash, which is retired',
      },
      {
        name: 'key stored as GEMINI_API_KEY',
        kind: 'mistake',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'Expo inlines only EXPO_PUBLIC_ variables',
      },
      {
        name: 'a stale GOOGLE_API_KEY in the shell',
        kind: 'mistake',
        env: { GOOGLE_API_KEY: '{BAD}' },
        files: { '.env.local': 'EXPO_PUBLIC_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        why: 'GOOGLE_API_KEY is read by nothing; the app still calls a retired model',
      },
    ],
  },
  {
    name: 'gemini-cli-action',
    kind: 'gemini-cli configured repository (GitHub Action)',
    setups: [
      {
        name: 'README: GEMINI_API_KEY in the environment',
        kind: 'readme',
        env: { GEMINI_API_KEY: '{WORK}' },
        expect: 'ok',
        why: 'gemini-cli reads GEMINI_API_KEY',
      },
      {
        name: 'key stored as GOOGLE_API_KEY',
        kind: 'mistake',
        env: { GOOGLE_API_KEY: '{WORK}' },
        expect: 'fail',
        why: 'gemini-cli in API-key mode reads GEMINI_API_KEY only',
      },
      {
        name: 'a stale GOOGLE_API_KEY next to the right one',
        kind: 'mistake',
        env: { GEMINI_API_KEY: '{WORK}', GOOGLE_API_KEY: '{BAD}' },
        expect: 'ok',
        why: 'gemini-cli ignores GOOGLE_API_KEY in API-key mode',
      },
    ],
  },
  {
    name: 'turborepo-web',
    kind: 'Turborepo (bun workspaces), Next.js app in apps/web, raw fetch with x-goog-api-key',
    setups: [
      {
        name: 'README: GEMINI_API_KEY in the root .env',
        kind: 'readme',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'Next.js in apps/web never loads the monorepo root .env (and gemini-2.0-flash is retired)',
      },
      {
        name: 'key in apps/web/.env.local, at the root',
        kind: 'mistake',
        files: { 'apps/web/.env.local': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'works',
        why: 'the key is loaded, but the code calls gemini-2.0-flash, which is retired',
      },
      {
        name: 'inside apps/web with only the root .env',
        kind: 'mistake',
        cwd: 'apps/web',
        files: { '.env': 'GEMINI_API_KEY={WORK}\n' },
        expect: 'fail',
        key: 'missing',
        why: 'Next.js loads apps/web/.env*, not the root one',
      },
    ],
  },
];
