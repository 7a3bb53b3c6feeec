import { fstatSync } from 'node:fs';

/**
 * Whether a descriptor is a terminal. node:tty's isatty() knows, but loading node:tty loads net
 * and the stream modules (2–4 ms, measured under `script`), which a run that prints one answer
 * otherwise never needs. So the cheaper facts come first:
 * - a file or a pipe is not a character device, so it is no terminal (fstat says so);
 * - on Linux the device number often settles it (the kernel's Documentation/admin-guide/devices.txt):
 *   majors 136–143 are the Unix98 pseudo-terminals that terminal emulators, tmux, screen and ssh
 *   hand out (always terminals), and major 1 is the memory devices such as /dev/null (never).
 * Any other character device (a console, a serial line, another system) asks node:tty.
 */
export function isTerminal(fd: number): boolean {
  let rdev: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    rdev = stat.rdev;
  } catch {
    return false;
  }
  if (process.platform === 'linux') {
    const major = linuxMajor(rdev);
    if (major >= 136 && major <= 143) return true;
    if (major === 1) return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** glibc's major() of a dev_t: bits 8–19, and the bits from 44 up. */
export function linuxMajor(rdev: number): number {
  const high = Math.floor(rdev / 2 ** 32);
  return ((rdev >>> 8) & 0xfff) | ((high >>> 12) << 12);
}
