import { listValue } from '@duckdb/node-api';
import type { IndicatorRow } from '../catalog/read.js';
import { listRegions } from '../catalog/regions.js';
import { toCsv } from '../export/csv.js';
import type { Store } from '../store/store.js';

/**
 * Upload templates with the indicator codes and names filled in, so a clerk never has to guess the
 * format: long (one row per indicator and period, the month being reported filled in), wide (one
 * column per month, as a bureau keeps its sheet) or targets (目标分解: each count indicator for each
 * prefecture, 类型 = 目标). Milestones take a status (未开始 / 进行中 / 已完成) and a progress note.
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

/** 目标分解: a row per count indicator and region, 类型 = 目标, the target left for the clerk. */
export function targetsTemplate(indicators: IndicatorRow[], regions: string[]): string {
  return toCsv(
    ['指标编码', '指标名称', '地区', '类型', '数值', '单位', '全省目标'],
    indicators
      .filter((i) => i.kind === 'count')
      .flatMap((i) => regions.map((region) => [i.code, i.name, region, '目标', '', i.unit, i.target])),
  );
}

export type TemplateLayout = 'long' | 'wide' | 'targets';

/**
 * The month a clerk reports now: the one before today's (due in this one), within the document's
 * year — January before it starts, December after it ends. YYYY-MM.
 */
export function reportingMonth(year: number, today = new Date()): string {
  const y = today.getUTCFullYear();
  const month = y < year ? 1 : y > year ? 12 : Math.max(today.getUTCMonth(), 1);
  return `${year}-${String(month).padStart(2, '0')}`;
}

const LAYOUT_NAMES: Record<TemplateLayout, string> = {
  long: '填报模板',
  wide: '填报模板（按月分列）',
  targets: '目标分解模板',
};

/**
 * The template of a document for some departments' indicators (a reporter's own, or the one asked
 * for; null: all), with its file name. `month` (YYYY-MM) fills the long template's 统计期.
 */
export async function templateFor(
  store: Store,
  document: { id: string; year: number },
  departments: string[] | null,
  layout: TemplateLayout,
  month = reportingMonth(document.year),
): Promise<{ csv: string; fileName: string }> {
  const indicators = await store.all<IndicatorRow>('reference/indicators_for_template', {
    document: document.id,
    departments: departments ? listValue(departments) : null,
  });
  const csv =
    layout === 'wide'
      ? wideTemplate(indicators)
      : layout === 'targets'
        ? targetsTemplate(indicators, await prefectures(store))
        : longTemplate(indicators, month);
  const who = departments?.length === 1 ? departments[0] : '';
  const when = layout === 'long' ? `${month.replace('-', '年')}月` : `${document.year}年`;
  return { csv, fileName: `${when}${who}${LAYOUT_NAMES[layout]}.csv` };
}

async function prefectures(store: Store): Promise<string[]> {
  return (await listRegions(store)).filter((r) => r.level === 'prefecture').map((r) => r.name);
}
