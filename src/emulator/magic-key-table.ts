import { MAGIC_KEYS } from './magic-keys.js';

/** The magic-key table for the README, generated from MAGIC_KEYS (scripts/readme-sections/magic-keys.ts). */
export function magicKeyTableMarkdown(): string {
  const rows = MAGIC_KEYS.map((k) => {
    const http = k.http === 0 ? 'none' : String(k.http);
    const cause = k.cause === null ? 'works' : `\`${k.cause}\``;
    const scenario = k.scenario.includes(',') ? ` (\`${k.scenario}\`)` : '';
    const note = k.evidence === 'real' ? '' : k.evidence === 'reported' ? ' ¹' : ' ²';
    return `| \`${k.key}\` | ${http} | ${cause} | ${escapeCell(k.description)}${scenario}${note} |`;
  });
  return [
    '| Magic key | HTTP | Cause | What the emulator answers |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    "¹ Shape reported by maintainers or probes, no verbatim paste. ² No public payload; Google's usual shape.",
    'Every other answer is modelled on a real pasted error (`../shared/fixtures/real-errors.json`).',
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
