import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Status colours from the Okabe–Ito palette (safe for colour-blind readers); the status is also always written. */
export const STATUS_COLORS: Record<string, string> = {
  已完成: '#009E73',
  正常: '#0072B2',
  滞后: '#E69F00',
  严重滞后: '#D55E00',
  未报送: '#999999',
};

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * Renders a Plot chart on the server with linkedom as its document and returns the SVG text,
 * with the xmlns a standalone .svg file needs.
 */
export function renderPlot(options: Plot.PlotOptions, fontSize = 11): string {
  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  const chart = Plot.plot({
    ...options,
    document,
  });
  const root = chart as unknown as Element;
  // A chart with a title or legend comes wrapped in a <figure>, its svgs inside (linkedom upper-cases tag names).
  const svgs = root.tagName.toLowerCase() === 'svg' ? [root] : [...root.querySelectorAll('svg')];
  if (svgs.length === 0) throw new Error('Plot rendered no svg');
  for (const svg of svgs) {
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    svg.setAttribute('font-family', FONT);
    svg.setAttribute('font-size', String(fontSize));
  }
  // The page's Content-Security-Policy allows no inline styles: Plot's <style> rules (chart and
  // legend) live in app.css, and the fonts are presentation attributes (kept by a standalone .svg).
  for (const style of [...root.querySelectorAll('style')]) style.remove();
  for (const element of [root, ...root.querySelectorAll('[style]')]) element.removeAttribute('style');
  return root.outerHTML;
}

/** Dates from 'YYYY-MM-DD' at UTC midnight, so a month end never slides into the next month. */
export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const zh = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
/** Axis and tooltip numbers as offices write them: 3.6万, 1,623. */
export const zhNumber = (value: number) =>
  Math.abs(value) >= 10_000 ? zh.format(value) : plain.format(value);
export const zhPercent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
export const zhMonth = (date: Date) => `${date.getUTCMonth() + 1}月`;

/** January 1st of each year from `first` to `last`: the ticks of a chart over several years. */
export function yearStarts(first: number, last: number): Date[] {
  return Array.from({ length: last - first + 1 }, (_, i) => utc(`${first + i}-01-01`));
}

/** The twelve month ends of a year: ticks sit where the monthly values are drawn. */
export function monthEnds(year: number): Date[] {
  return Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(year, m + 1, 0)));
}
