/**
 * Runs a command's main and sets the exit code it returns; an unexpected error is printed as its
 * message (no stack trace for the person at the terminal) and exits 1.
 */
export function exitWith(main: Promise<number>): void {
  main.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
