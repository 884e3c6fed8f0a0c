import { toCsv } from '../export/csv.js';

/** A problem found in an upload, with where it is and a message a clerk understands. */
export interface Problem {
  /** Line of the file (1 = header), or null for the file as a whole. */
  line: number | null;
  /** The column's header as written in the file, or null. */
  column: string | null;
  severity: 'error' | 'warning';
  /** Stable machine code (unknown_indicator, bad_number …) for scripts and tests. */
  code: string;
  message: string;
  /** What was found in the cell. */
  found: string | null;
  /** For a workbook: the sheet, whose row `line` is (the message names both). Absent for a CSV. */
  sheet?: string | null;
}

/** A problem that stops the file from being read at all (not a CSV, unknown encoding, no header). */
export class IngestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An upload's problems as the downloadable error report: every one of them, in Chinese. */
export function problemsCsv(problems: Problem[]): string {
  return toCsv(
    ['行', '列', '类别', '问题代码', '说明', '原值'],
    problems.map((p) => [
      p.line,
      p.column,
      p.severity === 'error' ? '错误' : '提醒',
      p.code,
      p.message,
      p.found,
    ]),
  );
}
