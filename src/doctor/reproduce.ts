import type { ProbeRequestSpec } from '../core/gemini-endpoints.js';
import { curlCommand, variableOfSource } from './platform-fixes.js';
import type { ShellKind } from './report.js';

/**
 * "Reproduce by hand" that really sends the probed key: from the shell variable it came from; from
 * the .env file it lives in (loaded in a subshell, so nothing stays set); or, for a key typed at a
 * prompt, read again the same way. The key itself is never printed. The command is in backticks,
 * like the catalog's commands, so the HTML report shows it as a block with a copy button.
 */
export function reproduceStep(spec: ProbeRequestSpec, source: string | undefined, shell: ShellKind): string {
  const variable = variableOfSource(source);
  const file = fileOfSource(source);
  const windows = shell === 'powershell' || shell === 'cmd';
  if (source === 'stdin') {
    if (windows)
      return `Reproduce by hand (PowerShell): \`$env:GKD_KEY = Read-Host 'key' -MaskInput; ${curlCommand(spec, 'GKD_KEY', shell)}; Remove-Item Env:GKD_KEY\``;
    return `Reproduce by hand (bash): \`(read -rsp 'key: ' GKD_KEY && echo && ${curlCommand(spec, 'GKD_KEY', 'bash')})\``;
  }
  if (file === undefined) return `Reproduce by hand: \`${curlCommand(spec, variable, shell)}\``;
  if (windows) {
    const load = `Get-Content ${powershellPath(file)} | ForEach-Object { if ($_ -match '^\\s*(?:export\\s+)?${variable}\\s*=\\s*(.*)$') { $env:${variable} = $matches[1].Trim().Trim('"', "'") } }`;
    return `Reproduce by hand (PowerShell, loads ${file}): \`${load}; ${curlCommand(spec, variable, shell)}\``;
  }
  return `Reproduce by hand (bash, loads ${file} in a subshell): \`(set -a && . ${shellPath(file)} && set +a && ${curlCommand(spec, variable, 'bash')})\``;
}

/** `file:../../.env:GEMINI_API_KEY` → `../../.env`; undefined for a key from the shell. */
export function fileOfSource(source: string | undefined): string | undefined {
  if (!source?.startsWith('file:')) return undefined;
  const rest = source.slice('file:'.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : rest;
}

/** A path for `.` in bash: `~/` as "$HOME/", anything else single-quoted. */
function shellPath(file: string): string {
  if (file.startsWith('~/')) return `"$HOME/${file.slice(2).replace(/["$`\\]/g, '\\$&')}"`;
  return `'${file.replace(/'/g, "'\\''")}'`;
}

function powershellPath(file: string): string {
  const quoted = (text: string) => text.replace(/[`"$]/g, (c) => `\`${c}`);
  return file.startsWith('~/') ? `"$HOME/${quoted(file.slice(2))}"` : `"${quoted(file)}"`;
}
