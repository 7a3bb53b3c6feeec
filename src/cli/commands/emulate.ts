import type { CommandHandler } from '../context.js';
import { UsageError } from '../usage-error.js';

// Placeholder until the emulate command lands (replaced by its owner).
export const emulateCommand: CommandHandler = async () => {
  throw new UsageError("'emulate' is not available yet");
};
