import type { CommandHandler } from '../context.js';
import { UsageError } from '../usage-error.js';

// Placeholder until the doctor command lands (replaced by its owner).
export const doctorCommand: CommandHandler = async () => {
  throw new UsageError("'doctor' is not available yet");
};
