/**
 * The operator's log: JSON lines on stdout (pino), pretty only when stdout is a terminal. One line
 * per request (src/http/access-log.ts), one line per unexpected error with its reference id.
 * Passwords, tokens, cookies, CSRF tokens and file contents are never logged: nothing logs a
 * request's headers or body, and the redaction below is a second fence for objects that might.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'cookie',
  '*.cookie',
  'authorization',
  '*.authorization',
  'csrf',
  '*.csrf',
  '_csrf',
  '*._csrf',
];

/** The process's logger; `destination` lets tests read what it writes. */
export function createLogger(
  options: { level?: string; destination?: pino.DestinationStream; pretty?: boolean } = {},
): Logger {
  const { level = 'info', destination, pretty = !destination && process.stdout.isTTY === true } = options;
  const base = { level, redact: { paths: REDACT, censor: '[已隐去]' }, base: undefined };
  if (pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return destination ? pino(base, destination) : pino(base);
}

/** A logger that writes nothing, for command-line tools and tests that do not read the log. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
