/** The parts of a terminal's stdin a hidden prompt needs (process.stdin on a TTY). */
export interface SecretInput {
  setRawMode(raw: boolean): unknown;
  setEncoding(encoding: 'utf8'): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
}

/**
 * Reads one line from a terminal without echo (a pasted key never shows on screen or in the
 * scrollback): the prompt goes to `write` (stderr), Enter ends, Backspace deletes, Ctrl-C or Ctrl-D
 * on an empty line give up with an empty answer.
 */
export function readSecret(
  input: SecretInput,
  write: (text: string) => void,
  prompt: string,
): Promise<string> {
  return new Promise((resolve) => {
    let value = '';
    const finish = (answer: string) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      write('\n');
      resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(value);
        if (char === '\u0003' || (char === '\u0004' && value === '')) return finish('');
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ' || char === '\t') value += char;
      }
    };
    write(prompt);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
