import { quoteCell } from '../export/csv.js';

export interface SingleValue {
  code: string;
  period: string;
  /** A number as typed (3.6万 is fine), or a milestone status. */
  value: string;
  region: string;
  note: string;
  milestone: boolean;
}

/**
 * One value entered on an indicator's page, written as a one-row CSV so that it goes through the
 * very same pipeline (validation, preview, history) as an uploaded file.
 */
export function singleValueCsv(entry: SingleValue): string {
  const header = [
    '指标编码',
    '统计期',
    entry.milestone ? '状态' : '数值',
    '地区',
    entry.milestone ? '进展情况' : '备注',
  ];
  const row = [entry.code, entry.period, entry.value, entry.region, entry.note];
  return `${header.join(',')}\n${row.map(quoteCell).join(',')}\n`;
}
