import type { Store } from '../store/store.js';
import { cleanName } from './body-cells.js';
import { withoutPartMark } from './body-parts.js';
import type { HeaderNames } from './columns.js';

/**
 * Which headers name an indicator of the catalogue or a region, for a table with either across
 * (地区 | 改造各类棚户区（套） | 新筹集公租房（套）, or 指标名称 | 全省 | 长春市 | 吉林市). An indicator by its
 * code or its name as a clerk writes it (a unit in brackets, a list number, spaces: cleanName); a
 * region as tz_region_names (sql/macros/15_regions.sql) reads a region cell: by name or alias, spaces
 * out, or a short form only one region has. Each answers with the reference data's own name.
 */
export async function headerNames(store: Store): Promise<HeaderNames> {
  const indicators = new Map<string, string>();
  for (const { code, name } of await store.all<{ code: string; name: string }>('ingest/indicator_names')) {
    indicators.set(code.toUpperCase(), name);
    indicators.set(name, name);
  }
  const regions = new Map<string, string>();
  const short = new Map<string, string[]>();
  for (const { text, region } of await store.all<{ text: string; region: string }>('ingest/region_names')) {
    regions.set(text, region);
    const stem = /^(.{2,})[市县区州]$/.exec(text)?.[1];
    if (stem && text === region) short.set(stem, [...(short.get(stem) ?? []), region]);
  }
  const known = (text: string) => indicators.has(text) || indicators.has(text.toUpperCase());
  const names = [...new Set(indicators.values())].filter((name) => name.length >= 3);
  return {
    indicatorIn: (title) => {
      const text = cleanName(title, () => false).clean.replace(/[\s\u3000\u00a0]+/g, '');
      const found = names.filter((name) => text.includes(name));
      // 新筹集公租房 inside 新筹集公租房套数 is one; two indicators named side by side are neither.
      const outer = found.filter((name) => !found.some((other) => other !== name && other.includes(name)));
      return outer.length === 1 ? (outer[0] ?? null) : null;
    },
    nearest: (title) => {
      const text = new Set(title);
      let best: { name: string; share: number } | null = null;
      for (const name of names) {
        const chars = [...new Set(name)];
        const share = chars.filter((c) => text.has(c)).length / chars.length;
        if (share >= 0.6 && (!best || share > best.share)) best = { name, share };
      }
      return best?.name ?? null;
    },
    indicator: (header) => {
      const { clean } = cleanName(header, known);
      return indicators.get(clean) ?? indicators.get(clean.toUpperCase()) ?? null;
    },
    region: (header) => {
      const text = withoutPartMark(header).replace(/[\s\u3000\u00a0]+/g, '');
      // 合计 is an alias of the province for a region cell; over a column it is a total of the row.
      if (/^(?:合计|总计|小计|全省合计|总合计)$/.test(text)) return null;
      const only = short.get(text);
      return regions.get(text) ?? (only?.length === 1 ? (only[0] ?? null) : null);
    },
  };
}
