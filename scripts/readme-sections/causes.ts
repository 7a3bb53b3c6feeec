import { causeTableMarkdown } from '../../src/catalog/cause-table.js';

/** README section `causes`: the cause table, generated from the catalog. */
export default function causesSection(): string {
  return [
    'Every cause the tool can name, generated from the cause catalog (`src/catalog/`). `explain --json`',
    "and the doctor's findings carry these ids; each comes with an explanation, ordered fix steps filled",
    'from the evidence in your error, and links to the official pages.',
    '',
    causeTableMarkdown(),
  ].join('\n');
}
