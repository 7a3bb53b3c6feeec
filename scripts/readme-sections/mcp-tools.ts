import { TOOLS } from '../../src/mcp/tools.js';

/** README section `mcp-tools`: the MCP server's tools, their arguments and when an agent calls them. */
export default function mcpToolsSection(): string {
  const rows = TOOLS.map((tool) => {
    const shape = tool.inputSchema as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    const args = Object.entries(shape).map(([name, schema]) =>
      schema.safeParse(undefined).success ? `\`${name}?\`` : `\`${name}\``,
    );
    const when = tool.description.replace(/\|/g, '\\|');
    return `| \`${tool.name}\` | ${args.length > 0 ? args.join(', ') : '—'} | ${when} |`;
  });
  return ['| tool | arguments | description (what the agent reads) |', '|---|---|---|', ...rows].join('\n');
}
