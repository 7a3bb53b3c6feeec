/**
 * A command's arguments and options as data, in commander's own syntax, so that one declaration
 * serves both parsers: the quick one for the plain argv of nearly every run (quick-parse.ts), and
 * commander for help and for every mistake (its messages are the ones users see).
 */
export interface CommandSpec {
  /** `gemini-key-doctor explain`: the usage line's name. */
  name: string;
  description: string;
  /** `[text...]`, `<action>`: commander's argument syntax, with a description. */
  arguments?: ReadonlyArray<readonly [syntax: string, description: string]>;
  options: readonly OptionSpec[];
  /** Text printed after the options in --help. */
  helpAfter?: string;
}

/** `['-o, --output <file>', 'description', 'default']`: commander's `.option()` arguments. */
export type OptionSpec = readonly [flags: string, description: string, defaultValue?: string];

/** What a command gets from its argv, whichever parser read it: commander's `opts()` and `args`. */
export interface ParsedCommand<Flags> {
  flags: Flags;
  args: string[];
}
