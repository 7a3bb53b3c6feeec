import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { diagnoseOutput, explainOutput, magicKeysOutput, scanOutput } from './output-schemas.js';

/** The CLI as a function (`run` from src/cli/run.ts), passed in: the tools are thin over it. */
export type RunCli = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: { cwd: string },
) => Promise<{ exitCode: 0 | 1 | 2; stdout: string; stderr: string }>;

export interface ToolContext {
  run: RunCli;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder the server was started in: the default project for diagnose and scan. */
  cwd: string;
}

/** What a tool returns: the CLI's JSON as structured content and as text, or a one-line error. */
export type ToolAnswer =
  | { structuredContent: Record<string, unknown>; content: [{ type: 'text'; text: string }] }
  | { isError: true; content: [{ type: 'text'; text: string }] };

export interface ToolDefinition<Input extends z.ZodRawShape> {
  name: string;
  title: string;
  /** Written for the agent: when to call it, what it sends (nothing, unless asked), what comes back. */
  description: string;
  inputSchema: Input;
  outputSchema: z.ZodType<Record<string, unknown>>;
  call: (input: z.infer<z.ZodObject<Input>>, ctx: ToolContext) => Promise<ToolAnswer>;
}

const explainInput = {
  text: z
    .string()
    .min(1)
    .max(1_000_000)
    .describe('the error text as the user or the program saw it (a stack trace or JSON body is fine)'),
};

const diagnoseInput = {
  cwd: z
    .string()
    .optional()
    .describe('the project folder to diagnose (default: the folder the server runs in); relative to it'),
  offline: z
    .boolean()
    .optional()
    .describe(
      'true (the default): lint only, nothing is sent. false: a LIVE probe that sends each resolved key to the Gemini API (or GOOGLE_GEMINI_BASE_URL) — only when the user agreed',
    ),
  model: z.string().optional().describe('the model a live probe checks (default gemini-2.5-flash)'),
};

const scanInput = {
  path: z
    .string()
    .optional()
    .describe('a file or folder to scan, relative to the server folder (default: the whole project)'),
  history: z.boolean().optional().describe('also scan every blob ever committed (slower; names the commits)'),
  staged: z.boolean().optional().describe('scan only what is staged for the next commit'),
};

const explainError: ToolDefinition<typeof explainInput> = {
  name: 'explain_error',
  title: 'Explain a Gemini API error',
  description:
    'Call this FIRST when a Gemini / Google Generative Language API call failed with an authentication, permission, quota, region or network error ("API key not valid", 401, 403 PERMISSION_DENIED, 429 RESOURCE_EXHAUSTED, "User location is not supported"…). Pass the error text exactly as seen. Returns the cause id, why it happens, numbered fix steps, the evidence read from the text and other possible causes. Offline and instant: nothing is sent anywhere; any key in the text is masked in the answer.',
  inputSchema: explainInput,
  outputSchema: explainOutput,
  call: ({ text }, ctx) => runJson(ctx, ['explain', '--json', '--', text], ctx.cwd),
};

const diagnose: ToolDefinition<typeof diagnoseInput> = {
  name: 'diagnose',
  title: 'Diagnose the Gemini API key setup of a project',
  description:
    "Call this when the user's Gemini key does not work and you need to know which key each client (@google/genai, google-genai, gemini-cli, dotenv, node --env-file…) would pick up in a project and what is wrong with it: missing or conflicting variables, .env files not loaded, whitespace or invisible characters, placeholders, Vertex mode, base-URL overrides. Offline by default (nothing is sent). Set offline:false only when the user asked to test the key against the API: that sends the key to the Gemini API. Returns the doctor's JSON report; keys appear masked (AIza…Xy9Z) with a fingerprint, never in full.",
  inputSchema: diagnoseInput,
  outputSchema: diagnoseOutput,
  call: ({ cwd, offline, model }, ctx) => {
    const folder = cwd === undefined ? ctx.cwd : isAbsolute(cwd) ? cwd : resolve(ctx.cwd, cwd);
    const argv = ['doctor', '--json', '--no-color', '--cwd', folder];
    if (offline !== false) argv.push('--offline');
    if (model !== undefined) argv.push('--model', model);
    return runJson(ctx, argv, ctx.cwd);
  },
};

const scanForLeakedKeys: ToolDefinition<typeof scanInput> = {
  name: 'scan_for_leaked_keys',
  title: 'Scan for leaked Gemini API keys',
  description:
    'Call this before committing or publishing code, when a key was reported as leaked (403 "API key was reported as leaked"), or when the user asks whether a repository contains a Gemini API key. Finds AIza…/AQ.… keys in files (and optionally in the whole git history or only the staged changes) and repository hygiene problems (.env tracked or not ignored). Nothing is sent anywhere. Returns the scan JSON: file, line, rule, masked key and fingerprint for each finding — never the key itself.',
  inputSchema: scanInput,
  outputSchema: scanOutput,
  call: ({ path, history, staged }, ctx) => {
    const argv = ['scan', '--format', 'json', '--no-color', '--cwd', ctx.cwd];
    if (history) argv.push('--history');
    if (staged) argv.push('--staged');
    if (path !== undefined) argv.push('--', path);
    return runJson(ctx, argv, ctx.cwd);
  },
};

const listMagicKeys: ToolDefinition<Record<string, never>> = {
  name: 'list_magic_keys',
  title: 'List the emulator magic keys',
  description:
    "Call this when writing or fixing tests for code that calls the Gemini API and you need a key that reproduces a specific failure (invalid key, leaked key, service disabled, quota, region…) without a real key or network. Returns the fake 'magic' keys of the local emulator (`gemini-key-doctor emulate`, started on loopback; point GOOGLE_GEMINI_BASE_URL at it), each with the cause and HTTP status it triggers. These keys are public test values and work nowhere else.",
  inputSchema: {},
  outputSchema: magicKeysOutput,
  call: async (_input, ctx) => {
    const answer = await runJson(ctx, ['emulate', '--list', '--json'], ctx.cwd, (json) => ({ keys: json }));
    return answer;
  },
};

export const TOOLS = [explainError, diagnose, scanForLeakedKeys, listMagicKeys] as const;

/** Runs one CLI command with JSON output. Exit 0 and 1 both carry a report; 2 is a usage error. */
async function runJson(
  ctx: ToolContext,
  argv: string[],
  cwd: string,
  wrap: (json: unknown) => unknown = (json) => json,
): Promise<ToolAnswer> {
  const result = await ctx.run(argv, ctx.env, { cwd });
  if (result.exitCode === 2) return toolError(firstLine(result.stderr) || 'the command failed');
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    return toolError('the command did not print JSON');
  }
  const structured = wrap(json);
  if (structured === null || typeof structured !== 'object' || Array.isArray(structured))
    return toolError('the command printed JSON that is not an object');
  return {
    structuredContent: structured as Record<string, unknown>,
    content: [{ type: 'text', text: JSON.stringify(structured, null, 2) }],
  };
}

export function toolError(message: string): ToolAnswer {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.replace(/^gemini-key-doctor: /, '') ?? ''
  );
}
