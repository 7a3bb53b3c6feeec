import type { CommandHandler } from '../context.js';
import { UsageError } from '../usage-error.js';

// Placeholder until the scan command lands (replaced by its owner).
export const scanCommand: CommandHandler = async () => {
  throw new UsageError("'scan' is not available yet");
};
