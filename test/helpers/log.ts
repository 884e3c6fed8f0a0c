import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

/** A JSON log line as pino writes it. */
export type LogLine = Record<string, unknown> & { level: number; msg: string };

/** The app's real logger writing into memory: every line kept, and the errors (level ≥ 50) apart. */
export function collectingLogger(): { logger: Logger; lines: LogLine[]; errors: LogLine[] } {
  const lines: LogLine[] = [];
  const errors: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n')) {
        if (!text) continue;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        if (line.level >= 50) errors.push(line);
      }
      done();
    },
  });
  return { logger: createLogger({ destination }), lines, errors };
}
