import type { Problem } from './problems.js';

/** A problem on a sheet: its message names the sheet and the row as Excel shows them. */
export function sheetProblem(
  sheet: string,
  row: number | null,
  code: string,
  message: string,
  column: string | null = null,
  found: string | null = null,
  severity: Problem['severity'] = 'error',
): Problem {
  const where = row === null ? `工作表“${sheet}”` : `工作表“${sheet}”第${row}行`;
  return { line: row, column, severity, code, message: `${where}：${message}`, found, sheet };
}
