/**
 * Values that stand in for a key: template text, unexpanded variables, "undefined" from code.
 * Whole-value matches for short words; substring matches only for phrases a random key cannot
 * contain by chance (a 50-character base64url key contains any given 6 letters ~1 time in 10^8).
 */
const WHOLE_VALUES = new Set([
  'undefined',
  'null',
  'none',
  'nil',
  'false',
  'true',
  'todo',
  'tbd',
  'changeme',
  'change_me',
  'change-me',
  'placeholder',
  'secret',
  'key',
  'apikey',
  'api_key',
  'api-key',
  'test',
  'dummy',
  'fake',
  'example',
  'xxx',
  '...',
  '…',
  'aiza...',
  'aizasy...',
  'aq...',
  'aq.…',
]);

const PATTERNS: RegExp[] = [
  /^<[^>]*>$/, // <YOUR_KEY>
  /^\[[^\]]*\]$/, // [your key]
  /^\{\{.*\}\}$/, // {{ secrets.GEMINI_API_KEY }}
  /^\$\{[^}]*\}$/, // ${GEMINI_API_KEY}: a loader that does not expand variables
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $GEMINI_API_KEY
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %GEMINI_API_KEY% (cmd.exe syntax elsewhere)
  /^\$env:[A-Za-z_]/i, // $env:GEMINI_API_KEY (PowerShell syntax elsewhere)
  /^(x+|\*+|\.+|0+|-+|_+)$/i,
  /your[ _-]?(own[ _-]?)?(gemini[ _-]?|google[ _-]?)?(api[ _-]?)?key/i,
  /api[ _-]?key[ _-]?here/i,
  /(insert|replace|paste|enter|put)[ _-]?(your|the|a|api|key|here)/i,
  /x{6,}/i,
  /\*{4,}/,
];

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (WHOLE_VALUES.has(v.toLowerCase())) return true;
  return PATTERNS.some((pattern) => pattern.test(v));
}
