import { type ParseArgsConfig, parseArgs } from 'node:util';

/** The command line was not understood: the message and the usage are printed, exit 2. */
export class UsageError extends Error {}

/** parseArgs with positionals allowed; an unknown or malformed option is a UsageError naming `usage`. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true as const, options });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/**
 * Runs a command's main and sets the exit code it returns. A UsageError exits 2; any other error
 * (a refusal such as a database held by the server, or the unexpected) is printed as its message —
 * no stack trace for the person at the terminal — and exits 1.
 */
export function exitWith(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = error instanceof UsageError ? 2 : 1;
      },
    );
}
