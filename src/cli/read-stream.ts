import { UsageError } from './usage-error.js';

/** Standard input is a pasted error text or a key: more than this is not what the user meant. */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/**
 * Reads a whole stream as UTF-8, up to `maxBytes`; more is a usage error, raised as soon as the
 * limit is passed, so `--key-stdin < /dev/zero` ends at once instead of filling memory.
 */
export async function readAllCapped(
  stream: AsyncIterable<unknown>,
  maxBytes = MAX_STDIN_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.byteLength;
    if (size > maxBytes) {
      throw new UsageError(`standard input is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
