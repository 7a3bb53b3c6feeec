import type { CommandSpec, ParsedCommand } from './command-spec.js';

/**
 * The argv of a run that needs no help and holds no mistake, read without commander (its code is
 * a third of `explain`'s bundle, and setting a program up costs more than the rest of the parse;
 * node:util's parseArgs costs 0.6 ms on its first call, as much as commander saves). What it reads
 * is the plain form both agree on: `--flag`, `--option value`, `--option=value`, `-v`, `-o value`,
 * operands, and `--` before operands. It gives what commander's `opts()` and `args` would, from
 * the same declarations. Anything else (--help, an unknown option, a value that starts with a dash
 * or is missing, a value an option may or may not take, a missing or extra argument, `-ab`) gives
 * undefined: commander then parses, and prints its help or its error.
 * test/cli/quick-parse.test.ts compares the two on every command's declarations.
 */
export function quickParse<Flags>(
  spec: CommandSpec,
  argv: readonly string[],
): ParsedCommand<Flags> | undefined {
  const byName = new Map<string, { key: string; takes: 'value' | 'nothing' | 'negation' }>();
  const flags: Record<string, string | boolean> = {};
  for (const [syntax, , defaultValue] of spec.options) {
    const shape = FLAGS.exec(syntax)?.groups as { short?: string; long: string; value?: string } | undefined;
    if (shape === undefined) return undefined; // a form this parser does not know: commander's
    if (shape.value?.startsWith('[')) continue; // may or may not take a value: commander's when used
    const negation = shape.long.startsWith('no-') && shape.value === undefined;
    const key = camelCase(negation ? shape.long.slice(3) : shape.long);
    const option = { key, takes: negation ? 'negation' : shape.value ? 'value' : 'nothing' } as const;
    byName.set(`--${shape.long}`, option);
    if (shape.short) byName.set(`-${shape.short}`, option);
    if (negation) flags[key] ??= true;
    else if (defaultValue !== undefined) flags[key] = defaultValue;
  }
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      args.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const option = byName.get(equals === -1 ? arg : arg.slice(0, equals));
    if (option === undefined) return undefined;
    if (option.takes !== 'value') {
      if (equals !== -1) return undefined;
      flags[option.key] = option.takes === 'nothing';
      continue;
    }
    const value = equals !== -1 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || (equals === -1 && value.startsWith('-'))) return undefined;
    flags[option.key] = value;
  }
  if (!argumentsFit(spec, args.length)) return undefined;
  return { flags: flags as Flags, args };
}

/** `-o, --output <file>`, `--json`, `--no-color`, `--html [file]`. */
const FLAGS = /^(?:-(?<short>[A-Za-z]), )?--(?<long>[a-z][a-z0-9-]*)(?: (?<value><[\w-]+>|\[[\w-]+\]))?$/;

function camelCase(long: string): string {
  return long.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether this many operands suit the declared arguments (commander refuses excess arguments). */
function argumentsFit(spec: CommandSpec, count: number): boolean {
  const declared = spec.arguments ?? [];
  const required = declared.filter(([syntax]) => syntax.startsWith('<')).length;
  const variadic = declared.some(([syntax]) => syntax.endsWith('...>') || syntax.endsWith('...]'));
  return count >= required && (variadic || count <= declared.length);
}
