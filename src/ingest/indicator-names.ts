import type { Store } from '../store/store.js';
import { cleanName } from './body-cells.js';
import type { IndicatorNames } from './columns.js';

/**
 * Which headers name an indicator of the catalogue, by its code or its name as a clerk writes it
 * (a unit in brackets, a list number, spaces: cleanName), for a table of regions by indicator
 * (地区 | 改造各类棚户区（套） | 新筹集公租房（套）). Answers with the catalogue's own name.
 */
export async function indicatorNames(store: Store): Promise<IndicatorNames> {
  const rows = await store.all<{ code: string; name: string }>('ingest/indicator_names');
  const byText = new Map<string, string>();
  for (const { code, name } of rows) {
    byText.set(code.toUpperCase(), name);
    byText.set(name, name);
  }
  const known = (text: string) => byText.has(text) || byText.has(text.toUpperCase());
  return (header) => {
    const { clean } = cleanName(header, known);
    return byText.get(clean) ?? byText.get(clean.toUpperCase()) ?? null;
  };
}
