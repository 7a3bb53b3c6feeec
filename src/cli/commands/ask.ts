import type { CommandHandler } from '../context.js';
import { UsageError } from '../usage-error.js';

// Placeholder until the ask command lands (replaced by its owner).
export const askCommand: CommandHandler = async () => {
  throw new UsageError("'ask' is not available yet");
};
