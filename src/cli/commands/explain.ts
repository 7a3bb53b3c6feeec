import type { CommandHandler } from '../context.js';
import { UsageError } from '../usage-error.js';

// Placeholder until the explain command lands (replaced by its owner).
export const explainCommand: CommandHandler = async () => {
  throw new UsageError("'explain' is not available yet");
};
