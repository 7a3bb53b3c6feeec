import { CATALOG } from '../catalog/catalog.js';
import type { CauseId } from '../catalog/cause-id.js';
import type { EnvMap } from '../core/env-map.js';
import { GOOGLE_BASE_URL, type ProbeRequestSpec } from '../core/gemini-endpoints.js';
import { maskKeysInText } from '../core/key-material.js';
import type { ShellKind } from './report.js';

/** The user's shell, from SHELL (also set by Git Bash on Windows), else the platform's default. */
export function detectShell(env: EnvMap, platform: NodeJS.Platform): ShellKind {
  const shell =
    (env['SHELL'] ?? '')
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.exe$/, '') ?? '';
  if (shell === 'zsh' || shell === 'bash' || shell === 'fish') return shell;
  if (shell === 'pwsh' || shell === 'powershell') return 'powershell';
  if (platform === 'win32') return env['PSModulePath'] ? 'powershell' : 'cmd';
  if (platform === 'darwin') return 'zsh';
  return shell === 'sh' || shell === 'dash' ? 'sh' : 'bash';
}

/**
 * How to set a variable for good in this shell, reading the key from a hidden prompt so it lands
 * neither on screen nor in shell history.
 */
export function persistVariableStep(shell: ShellKind, variable: string): string {
  switch (shell) {
    case 'fish':
      return `Set it for good (fish): \`set -Ux ${variable} (read -s -P 'key: ')\``;
    case 'powershell':
    case 'cmd':
      return `Set it for good (PowerShell): \`[Environment]::SetEnvironmentVariable('${variable}', (Read-Host 'key' -MaskInput), 'User')\` — then open a new terminal`;
    case 'zsh':
      return `Set it for good (zsh): \`read -rs "K?key: " && echo "export ${variable}='$K'" >> ~/.zshrc && unset K\` — then open a new terminal`;
    case 'sh':
      return `Set it for good: add export ${variable}='…' to ~/.profile with an editor — then log in again`;
    default:
      return `Set it for good (bash): \`read -rsp 'key: ' K && echo "export ${variable}='$K'" >> ~/.bashrc && unset K\` — then open a new terminal`;
  }
}

export const IDE_NOTE =
  'IDEs, GUI apps and containers do not inherit your shell: restart the IDE, or set the variable in its run configuration; for Docker pass it with -e NAME or --env-file';

/** Causes where the fix is a new or different key value (a catalog fact), so telling how to set one helps. */
export function needsKeyValue(cause: CauseId | null): boolean {
  return cause !== null && CATALOG[cause].fixIsNewKeyValue;
}

/** `curl` reproducing a probe by hand, the key read from the variable (never printed). */
export function curlEquivalent(spec: ProbeRequestSpec, variable: string, shell: ShellKind): string {
  return `Reproduce by hand: \`${curlCommand(spec, variable, shell)}\``;
}

/** The bare `curl` of a probe, the key read from `variable` in the shell's syntax. */
export function curlCommand(spec: ProbeRequestSpec, variable: string, shell: ShellKind): string {
  const windows = shell === 'powershell' || shell === 'cmd';
  const ref = windows ? `$env:${variable}` : `$${variable}`;
  const credential =
    spec.credentialHeader === 'authorization' ? `Authorization: Bearer ${ref}` : `x-goog-api-key: ${ref}`;
  const parts = [windows ? 'curl.exe' : 'curl', '-sS', `-H "${credential}"`];
  if (spec.body !== undefined) {
    parts.push('-H "content-type: application/json"');
    parts.push(windows ? `-d '${spec.body.replace(/"/g, '\\"')}'` : `-d '${spec.body}'`);
  }
  parts.push(`"${maskKeysInText(spec.url.href)}"`);
  return parts.join(' ');
}

/** The variable name at the end of a key source (`env:GOOGLE_API_KEY`, `file:/p/.env:GEMINI_API_KEY`). */
export function variableOfSource(source: string | null | undefined): string {
  const colon = source?.lastIndexOf(':') ?? -1;
  if (!source || colon < 0) return 'GEMINI_API_KEY';
  const name = source.slice(colon + 1);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : 'GEMINI_API_KEY';
}

/** Causes whose fix is on the key's restrictions page in the Cloud console. */
const KEY_RESTRICTION_CAUSES = new Set<CauseId>([
  'api_blocked_by_key_restriction',
  'referrer_blocked',
  'ip_blocked',
  'app_blocked',
  'standard_key_unrestricted',
]);

/** Console pages for a Google Cloud project named in an error's metadata. */
export function consoleSteps(cause: CauseId | null, project: string | undefined, baseUrl: string): string[] {
  if (!project || !baseUrl.startsWith(GOOGLE_BASE_URL)) return [];
  const id = project.replace(/^projects\//, '');
  if (cause === 'service_disabled')
    return [
      `Enable the API: https://console.cloud.google.com/apis/library/generativelanguage.googleapis.com?project=${id}`,
    ];
  if (cause === 'billing')
    return [`Billing for the project: https://console.cloud.google.com/billing/linkedaccount?project=${id}`];
  if (cause !== null && KEY_RESTRICTION_CAUSES.has(cause))
    return [`Key restrictions: https://console.cloud.google.com/apis/credentials?project=${id}`];
  return [];
}
