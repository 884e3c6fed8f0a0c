import type { IndicatorRow } from '../catalog/read.js';
import { toCsv } from '../export/csv.js';
import type { Store } from '../store/store.js';

/**
 * Upload templates with the indicator codes and names filled in, so a clerk never has to guess the
 * format: long (one row per indicator and period) or wide (one column per month, as a bureau keeps
 * its sheet). Milestones take a status (未开始 / 进行中 / 已完成) and a progress note.
 */
export function longTemplate(indicators: IndicatorRow[], period: string): string {
  return toCsv(
    ['指标编码', '指标名称', '统计期', '数值', '单位', '地区', '备注'],
    indicators.map((i) => [
      i.code,
      i.name,
      period,
      '',
      i.kind === 'milestone' ? '状态：未开始/进行中/已完成' : i.unit,
      '全省',
      '',
    ]),
  );
}

export function wideTemplate(indicators: IndicatorRow[]): string {
  const months = Array.from({ length: 12 }, (_, m) => `${m + 1}月`);
  return toCsv(
    ['指标编码', '指标名称', '地区', ...months],
    indicators.map((i) => [i.code, i.name, '全省', ...months.map(() => '')]),
  );
}

/** The template of a document (for one department's indicators, or all), with its file name. */
export async function templateFor(
  store: Store,
  document: { id: string; year: number },
  department: string | null,
  layout: 'long' | 'wide',
): Promise<{ csv: string; fileName: string }> {
  const indicators = await store.all<IndicatorRow>('reference/indicators_for_template', {
    document: document.id,
    department,
  });
  const csv = layout === 'wide' ? wideTemplate(indicators) : longTemplate(indicators, `${document.year}-01`);
  const fileName = `${document.year}年${department ?? ''}填报模板${layout === 'wide' ? '（按月分列）' : ''}.csv`;
  return { csv, fileName };
}
