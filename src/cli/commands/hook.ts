import type { CommandHandler } from '../context.js';
import { UsageError } from '../usage-error.js';

// Placeholder until the hook command lands (replaced by its owner).
export const hookCommand: CommandHandler = async () => {
  throw new UsageError("'hook' is not available yet");
};
