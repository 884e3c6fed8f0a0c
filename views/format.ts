/**
 * How numbers, targets and dates are written on the pages: the way Chinese offices write them.
 * Stored values stay plain numbers; only the views format.
 */
import type { Comparator, IndicatorKind } from '../src/catalog/types.js';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });

/**
 * 36000 → "3.6万", 15800 → "1.58万", 350000000 → "3.5亿", 1623 → "1,623", 50.5 → "50.5".
 * Ten thousand and above uses 万/亿, as the documents themselves do.
 */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : grouped.format(value);
}

/** 36000 人 → "3.6万人"; 90 % → "90%"; null → "" (a milestone has no quantity). */
export function formatQuantity(value: number | null, unit: string | null): string {
  if (value === null) return '';
  return `${formatNumber(value)}${unit ?? ''}`;
}

/** A target as the document phrases it: "3.6万人以上", "约300人", "1,623个". */
export function formatTarget(value: number | null, unit: string | null, comparator: Comparator): string {
  const quantity = formatQuantity(value, unit);
  if (quantity === '') return '';
  switch (comparator) {
    case '>=':
      return `${quantity}以上`;
    case '<=':
      return `不超过${quantity}`;
    case '~':
      return `约${quantity}`;
    default:
      return quantity;
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 13 → 十三, 22 → 二十二 (parts and sections are numbered this way; up to 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** "2021-10-31" → "2021年10月31日". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A deadline as documents say it: "年底前" for 31 December of the document's year, "10月底前" for a month end. */
export function formatDeadline(iso: string, year: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (y === year && m === 12 && d === 31) return '年底前';
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (y === year && d === monthEnd) return `${m}月底前`;
  return `${formatDate(iso)}前`;
}

export const KIND_LABELS: Record<IndicatorKind, string> = {
  count: '数量',
  level: '水平',
  coverage: '覆盖率',
  growth: '增长率',
  milestone: '节点',
};

export const MODE_LABELS = { sole: '负责', separate: '分别负责', lead: '牵头负责' } as const;

/** 0.806 → "80.6%"; null → "—". */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || Number.isNaN(ratio)) return '—';
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** "2021-10-31" → "2021年10月". */
export function formatMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${y}年${m}月`;
}

/** An as-of month in a selector: 10月末, or 2022年10月末 where the document spans several years. */
export function monthLabel(month: string, withYear: boolean): string {
  const [y, m] = month.split('-').map(Number);
  return withYear ? `${y}年${m}月末` : `${m}月末`;
}

/** A file size as people read it: 812 → "812 字节", 41_234 → "40.3 KB", 3_170_000 → "3.02 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}
