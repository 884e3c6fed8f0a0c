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

/** Each problem code as a clerk would name the problem, for the error report. */
const PROBLEM_WORDS: Record<string, string> = {
  missing_indicator: '缺少指标',
  ambiguous_indicator: '指标名称不唯一',
  unknown_indicator: '指标不存在',
  retired_indicator: '指标已停用',
  outside_scope: '不在填报范围',
  missing_period: '缺少统计期',
  bad_period: '统计期无法识别',
  period_outside_year: '统计期不在年度内',
  unknown_region: '地区不存在',
  bad_status: '状态无法识别',
  bad_status_value: '节点任务缺少状态',
  bad_number: '数值无法识别',
  unit_mismatch: '单位不符',
  negative: '数值为负',
  bad_basis: '口径无法识别',
  bad_series: '类型无法识别',
  province_target: '全省目标不能上传',
  milestone_target: '节点任务无数值目标',
  missing_target: '缺少目标值',
  note_too_long: '备注过长',
  over_target: '超过目标值3倍',
  over_100_percent: '百分比大于100',
  duplicate_key: '重复填报',
  target_mismatch: '目标值与目录不符',
  malformed_line: '行格式有误',
  another_table: '另一张表',
  new_header: '另一张表',
  formula_without_result: '公式无结果',
  unknown_column: '列无法识别',
  duplicate_column: '列重复',
  missing_column: '缺少列',
  missing_period_column: '缺少统计期列',
  mixed_layout: '格式混用',
  unclear_unit: '单位不明确',
  too_many_unknown_columns: '无法识别的列过多',
  too_many_fields: '列数过多',
  line_too_long: '行过长',
  header_too_long: '首行过长',
  no_header: '没有表头',
  no_table: '没有表格',
  empty: '空文件',
  binary: '不是文本文件',
  encoding: '编码无法识别',
  encoding_doubt: '编码存疑',
  unreadable_csv: 'CSV无法读取',
  duplicate_file: '重复文件',
  legacy_xls: '旧版Excel',
  encrypted: '设有密码',
  bad_xlsx: '工作簿损坏',
  xlsb: 'Excel二进制工作簿',
  ods: 'WPS/OpenOffice表格',
  not_xlsx: '不是工作簿',
  workbook_too_large: '工作簿过大',
  sheet_too_wide: '工作表列数过多',
  too_many_cells: '单元格过多',
};

/** A problem's kind in Chinese (the code itself only for one this list does not know yet). */
export function problemWord(code: string): string {
  return (
    PROBLEM_WORDS[code] ??
    (code.startsWith('workbook') || code.startsWith('sheet') ? '工作簿问题' : '其他问题')
  );
}

/** An upload's problems as the downloadable error report: every one of them, in Chinese. */
export function problemsCsv(problems: Problem[]): string {
  return toCsv(
    ['行', '列', '类别', '问题', '说明', '原值'],
    problems.map((p) => [
      p.line,
      p.column,
      p.severity === 'error' ? '错误' : '提醒',
      problemWord(p.code),
      p.message,
      p.found,
    ]),
  );
}
