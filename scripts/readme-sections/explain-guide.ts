import { explain } from '../../src/explain/explain.js';

/**
 * README section `explain-guide` (inside `explain`): `explain` on each error message the troubleshooting
 * guide quotes (its table's three rows, its region and leaked-key messages, its "No API key found" and
 * "Request timed out"), plus the status-only line openai-node throws on the OpenAI-compatible route.
 */
const GUIDE_MESSAGES: readonly string[] = [
  '400 INVALID_ARGUMENT "API key not valid"',
  '401 Unauthorized "Request had invalid authentication credentials"',
  '403 PERMISSION_DENIED "Your API key doesn\'t have the required permissions"',
  'User location is not supported for the API use',
  'Your API key was reported as leaked. Please use another API key.',
  'No API key found',
  'Request timed out',
  '403 status code (no body)',
];

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export default function explainGuideSection(): string {
  const rows = GUIDE_MESSAGES.map((message) => {
    const r = explain(message);
    const also = r.alternatives
      .slice(0, 4)
      .map((a) => `\`${a}\``)
      .join(', ');
    const more = r.alternatives.length > 4 ? ` (+${r.alternatives.length - 4})` : '';
    return `| \`${cell(message)}\` | \`${r.cause}\` | ${r.confidence} | ${also}${more} | ${cell(r.fix[0] ?? '')} |`;
  });
  return [
    '`explain` on the messages the troubleshooting guide quotes (generated from `explain()` by `npm run readme`):',
    '',
    '| message | cause | confidence | could also be | first fix step |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
