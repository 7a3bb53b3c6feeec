import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { z } from 'zod';
import { maskKeysInText } from '../core/key-material.js';
import { TOOLS, type ToolContext, type ToolDefinition, toolError } from './tools.js';

export interface McpServerOptions extends ToolContext {
  version: string;
}

/** The MCP server: the four tools over the CLI's JSON. Loaded only by `gemini-key-doctor mcp`. */
export function createMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'gemini-key-doctor', version: options.version },
    {
      instructions:
        'Diagnoses Google Gemini API key problems. Call explain_error with any Gemini API error text first; diagnose (offline by default) to see which key each client picks up in a project; scan_for_leaked_keys before a commit or after a "leaked" error. Keys are never returned, only masked forms and fingerprints.',
    },
  );
  for (const tool of TOOLS) register(server, tool as unknown as ToolDefinition<z.ZodRawShape>, options);
  return server;
}

function register(server: McpServer, tool: ToolDefinition<z.ZodRawShape>, ctx: ToolContext): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      outputSchema: tool.outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: tool.name === 'diagnose' },
    },
    async (input: Record<string, unknown>) => {
      try {
        return await tool.call(input, ctx);
      } catch (error) {
        // One line for the agent, never a crash of the server.
        return toolError(
          `internal error: ${maskKeysInText(error instanceof Error ? error.message : String(error))}`,
        );
      }
    },
  );
}

/** Serves over stdin/stdout until the client closes the connection. */
export async function serveMcpOverStdio(options: McpServerOptions): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
