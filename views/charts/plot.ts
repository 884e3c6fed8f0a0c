import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { LRUCache } from 'lru-cache';

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

// Drawn charts by what they were drawn from, bounded in bytes (a small multiple is about 4 KB).
const drawn = new LRUCache<string, string>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (svg, key) => (svg.length + key.length) * 2,
});

/** A key that tells apart what JSON alone would not: NaN, ±Infinity and null; undefined and absent. */
const keyOf = (name: string, args: unknown[]) =>
  `${name}\u0000${JSON.stringify(args, (_key, value) =>
    value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? `\u0000${value}` : value,
  )}`;

/**
 * `draw`, remembered by its arguments: a chart is a pure function of its data, and drawing one with
 * Plot and linkedom takes 1–2 ms. After a commit most of the overview's 50 small multiples draw
 * the same data as before; drawing them all again blocked every reader for 50–130 ms.
 */
export function remembered<A extends unknown[]>(
  name: string,
  draw: (...args: A) => string,
): (...args: A) => string {
  return (...args: A) => {
    const key = keyOf(name, args);
    let svg = drawn.get(key);
    if (svg === undefined) {
      svg = draw(...args);
      drawn.set(key, svg);
    }
    return svg;
  };
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
