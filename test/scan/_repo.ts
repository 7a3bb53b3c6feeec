import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export function randomKeyChars(length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/**
 * Key-shaped strings WITHOUT the FAKE marker, built at run time (never written in a source file):
 * the scanner must treat them as real leaks. They are random, so no real key can be among them.
 */
export function leakStandardKey(): string {
  return `AIzaSy${randomKeyChars(33)}`;
}

export function leakAuthKey(): string {
  return `AQ.Ab8RN6${randomKeyChars(44)}`;
}

/** A throwaway git repository in the OS temp folder. */
export class TempRepo {
  readonly dir: string;
  constructor(git = true) {
    this.dir = mkdtempSync(join(tmpdir(), 'gkd-scan-'));
    if (git) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.email', 'test@example.invalid');
      this.git('config', 'user.name', 'Test');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  write(path: string, content: string | Buffer): this {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
  }

  /** Stages everything (or the given paths, forcing ignored ones) and commits; returns the sha. */
  commit(message: string, paths: string[] = ['-A']): string {
    this.git('add', ...(paths[0] === '-A' ? ['-A'] : ['-f', '--', ...paths]));
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
