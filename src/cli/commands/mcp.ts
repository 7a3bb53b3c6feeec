import { resolve } from 'node:path';
import type { CommandSpec } from '../command-spec.js';
import type { CommandHandler } from '../context.js';
import { parseCommand } from '../parse-command.js';

/** The MCP server module: it imports @modelcontextprotocol/sdk, which a plain install does not have. */
type McpServerModule = typeof import('../../mcp/server.js');

export const MCP_PACKAGE_HINT =
  'gemini-key-doctor: the MCP server needs its SDK: npm install gemini-key-doctor-mcp (next to gemini-key-doctor)\n';

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor mcp',
  description:
    'Serve the Model Context Protocol over stdio for coding agents: explain_error, diagnose, scan_for_leaked_keys, list_magic_keys.',
  options: [['--cwd <dir>', 'the project the tools look at (default: the current folder)']],
};

/**
 * `gemini-key-doctor mcp`: an MCP server over stdio. The SDK (express, hono, ajv…) ships in the
 * separate package gemini-key-doctor-mcp and is loaded here only, so no other command pays for it.
 */
export function mcpCommandWith(load: () => Promise<McpServerModule>): CommandHandler {
  return async (argv, ctx) => {
    const { flags } = await parseCommand<{ cwd?: string }>(SPEC, argv, ctx);
    let server: McpServerModule;
    try {
      server = await load();
    } catch (error) {
      if (isMissingSdk(error)) {
        ctx.err(MCP_PACKAGE_HINT);
        return 2;
      }
      throw error;
    }
    const [{ run }, { packageVersion }] = await Promise.all([import('../run.js'), import('../version.js')]);
    const version = packageVersion();
    // The protocol owns stdin/stdout from here on: nothing else may write to stdout.
    await server.serveMcpOverStdio({ run, env: ctx.env, cwd: resolve(ctx.cwd, flags.cwd ?? '.'), version });
    return 0;
  };
}

export const mcpCommand: CommandHandler = mcpCommandWith(() => import('../../mcp/server.js'));

function isMissingSdk(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'ERR_MODULE_NOT_FOUND' &&
    typeof message === 'string' &&
    message.includes('@modelcontextprotocol/sdk')
  );
}
