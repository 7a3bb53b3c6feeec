import { fstatSync, readSync, writeSync } from 'node:fs';
import { MAX_STDIN_BYTES, readAllCapped } from './read-stream.js';
import { UsageError } from './usage-error.js';

/**
 * Standard output and error without Node's stream objects when it can: creating `process.stdout`
 * on a pipe costs ~10 ms (it loads and sets up a socket), more than a whole `--version`. A CLI that
 * prints one answer writes it with write(2) instead. A descriptor that is non-blocking (EAGAIN)
 * falls back to the stream for good, so the order of the output is kept.
 */
export class StdioWriter {
  readonly #streamed = new Set<1 | 2>();

  /** `onClosed` runs when the reader went away (EPIPE: `… | head`). */
  constructor(private readonly onClosed: () => void) {}

  write(fd: 1 | 2, text: string): void {
    if (this.#streamed.has(fd)) {
      this.#stream(fd).write(text);
      return;
    }
    let bytes = Buffer.from(text, 'utf8');
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(fd, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          this.onClosed();
          return;
        }
        if (code !== 'EAGAIN') throw error;
        this.#streamed.add(fd);
        this.#stream(fd).write(bytes);
        return;
      }
    }
  }

  #stream(fd: 1 | 2): NodeJS.WriteStream {
    const stream = fd === 1 ? process.stdout : process.stderr;
    if (stream.listenerCount('error') === 0) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') return this.onClosed();
        throw error;
      });
    }
    return stream;
  }
}

/**
 * All of standard input as UTF-8, capped at MAX_STDIN_BYTES (more is a usage error, raised as soon
 * as the cap is passed, so `< /dev/zero` ends at once). A file, a pipe or a socket is read with
 * read(2), which needs no stream (~2–7 ms to set up, ~8 ms with net); a terminal, or a descriptor
 * that is non-blocking, is read through the stream, which Ctrl-C can interrupt.
 */
export async function readStdinCapped(maxBytes = MAX_STDIN_BYTES): Promise<string> {
  let kind: 'file' | 'pipe' | 'other' = 'other';
  try {
    const info = fstatSync(0);
    // A socket is a pipe here: a parent in Node (child_process, spawnSync's `input`) or libuv gives
    // its child a socket pair for standard input, not a FIFO.
    kind = info.isFile() ? 'file' : info.isFIFO() || info.isSocket() ? 'pipe' : 'other';
  } catch {
    // no standard input at all: the stream reports it
  }
  if (kind === 'other') return readThroughStream(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw error;
      const rest = await readThroughStream(maxBytes - size).catch((e: unknown) => {
        throw e instanceof UsageError ? tooLarge(maxBytes) : e;
      });
      return Buffer.concat(chunks).toString('utf8') + rest;
    }
    if (n === 0) break;
    size += n;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): UsageError {
  return new UsageError(`standard input is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`);
}

async function readThroughStream(maxBytes: number): Promise<string> {
  try {
    return await readAllCapped(process.stdin, maxBytes);
  } finally {
    // An endless source (a stuck producer) must not keep the process alive.
    process.stdin.destroy();
  }
}
