import type { Tx } from '../store/store.js';
import { catalogueNames, cleanName } from './body-cells.js';
import { literal, rows } from './body-sql.js';

/** 其中：城镇中等偏下收入家庭, 其中:长春市, 其中，: the text after the mark. */
const PART_PREFIX = '^[\\s\u3000]*其中[\\s\u3000]*[:：,，、]?[\\s\u3000]*';
const PART_MARK = new RegExp(PART_PREFIX);

/**
 * A text without its 其中 mark, as a region cell is read: a column headed 其中：长春市 beside 全省 is
 * 长春市's.
 *
 * @example withoutPartMark('其中：长春市') // → '长春市'
 */
export const withoutPartMark = (text: string): string => text.replace(PART_MARK, '');

/** How many lines under a bare 其中： row are looked at (its breakdown is a handful of rows). */
const PART_SPAN = 200;

export interface PartRows {
  /** Breakdown lines (其中：分项) that name neither an indicator nor a region: not imported. */
  dropped: number[];
  /** 其中：长春市 under an indicator's row: read as that indicator's figure for the region. */
  regional: number[];
}

/**
 * Rows of a breakdown (其中) under an indicator's row, as clerks write them: 其中：城镇中等偏下收入家庭
 * (a part of the figure above, which the catalogue does not track), 其中：长春市 (the figure above
 * for one region), or 其中：<an indicator of the catalogue>. A bare 其中： row (already dropped as a
 * layout row, its lines in `headings`) introduces such rows without the mark. Each is read as the
 * indicator it names, as the row above's indicator for the region it names (when its own region
 * cell is blank), or left out and reported — never summed, never an unknown indicator's error.
 * A region cell's 其中： mark (其中：朝阳区 under 长春市) is taken off.
 */
export async function readPartRows(tx: Tx, headings: number[]): Promise<PartRows> {
  const none: PartRows = { dropped: [], regional: [] };
  await tx.connection.run(
    `UPDATE ingest_staged SET region_raw = regexp_replace(region_raw, ${literal(PART_PREFIX)}, '')
     WHERE contains(region_raw, '其中') AND regexp_matches(region_raw, ${literal(PART_PREFIX)})`,
  );
  const marked = `contains(indicator_raw, '其中') AND regexp_matches(indicator_raw, ${literal(PART_PREFIX)})`;
  const first = headings.length > 0 ? Math.min(...headings) : null;
  const [any] = await rows<{ line: number }>(
    tx,
    `SELECT line FROM ingest_staged WHERE ${marked}${first === null ? '' : ` OR line > ${first}`} LIMIT 1`,
  );
  if (!any) return none;
  // The rows that may be parts: marked ones, and the few under each bare 其中： row.
  const under = headings
    .map((h) => ` OR (line > ${Math.trunc(h)} AND line <= ${Math.trunc(h) + PART_SPAN})`)
    .join('');
  const candidates = await rows<{ line: number; text: string; region: string | null }>(
    tx,
    `SELECT line, any_value(indicator_raw) AS text, any_value(nullif(trim(region_raw), '')) AS region
     FROM ingest_staged
     WHERE ${marked}${under}
     GROUP BY line ORDER BY line LIMIT 20000`,
  );
  const isKnown = await catalogueNames(tx);
  const texts = [...new Set(candidates.map((c) => strip(c.text ?? '')).filter((t) => t !== ''))];
  const regions = new Map(
    (
      await rows<{ text: string; region: string | null }>(
        tx,
        `SELECT text, region FROM tz_region_names(from_json($texts, '["VARCHAR"]'))`,
        { texts: JSON.stringify(texts.map((t) => t.replace(/[\s\u3000\u00a0]+/g, ''))) },
      )
    ).flatMap((r) => (r.region ? [[r.text, r.region] as const] : [])),
  );
  const dropped: number[] = [];
  const regional: { line: number; region: string }[] = [];
  const renamed: { line: number; name: string }[] = [];
  // Lines under a bare 其中： row are parts until a row names an indicator of the catalogue.
  const pending = [...headings].sort((a, b) => a - b);
  let underHeading = false;
  for (const c of candidates) {
    while (pending.length > 0 && (pending[0] as number) < c.line) {
      pending.shift();
      underHeading = true;
    }
    const text = c.text ?? '';
    const isMarked = new RegExp(PART_PREFIX).test(text);
    const inner = strip(text);
    const isIndicator = isKnown(cleanName(inner, isKnown).clean);
    if (!isMarked) {
      if (!underHeading) continue;
      if (isIndicator) {
        underHeading = false;
        continue;
      }
    }
    const region = regions.get(inner.replace(/[\s\u3000\u00a0]+/g, ''));
    if (isIndicator) renamed.push({ line: c.line, name: inner });
    else if (region && c.region === null) regional.push({ line: c.line, region });
    else dropped.push(c.line);
  }
  // 其中：农民工稳就业职业技能培训（以工代训） under that same indicator is a part of it, not it.
  if (renamed.length > 0) {
    const parents = await rows<{ line: number; parent: string | null }>(
      tx,
      `SELECT m.line, (SELECT arg_max(s.indicator_raw, s.line) FROM ingest_staged s
         WHERE s.line < m.line AND NOT list_contains(from_json($parts, '["INTEGER"]'), s.line)) AS parent
       FROM (SELECT unnest(from_json($lines, '["INTEGER"]')) AS line) m`,
      {
        lines: JSON.stringify(renamed.map((r) => r.line)),
        parts: JSON.stringify(candidates.map((c) => c.line)),
      },
    );
    const parentOf = new Map(parents.map((p) => [p.line, p.parent]));
    for (const r of [...renamed]) {
      const parent = parentOf.get(r.line);
      if (parent && cleanName(parent, isKnown).clean === cleanName(r.name, isKnown).clean) {
        renamed.splice(renamed.indexOf(r), 1);
        dropped.push(r.line);
      }
    }
  }
  if (renamed.length > 0)
    await tx.connection.run(
      `UPDATE ingest_staged SET indicator_raw = m.name
       FROM (SELECT unnest(from_json($map, '[{"line":"INTEGER","name":"VARCHAR"}]'), recursive := true)) m
       WHERE ingest_staged.line = m.line`,
      { map: JSON.stringify(renamed) },
    );
  if (regional.length > 0)
    // The indicator of the nearest line above that is not a part (nor a region of it).
    await tx.connection.run(
      `UPDATE ingest_staged SET region_raw = m.region, indicator_raw = m.indicator
       FROM (
         SELECT m.line, m.region, (
           SELECT arg_max(s.indicator_raw, s.line) FROM ingest_staged s
           WHERE s.line < m.line AND NOT list_contains(from_json($parts, '["INTEGER"]'), s.line)) AS indicator
         FROM (SELECT unnest(from_json($map, '[{"line":"INTEGER","region":"VARCHAR"}]'), recursive := true)) m
       ) m
       WHERE ingest_staged.line = m.line`,
      {
        map: JSON.stringify(regional),
        parts: JSON.stringify([...regional.map((r) => r.line), ...dropped]),
      },
    );
  if (dropped.length > 0)
    await tx.connection.run(
      `DELETE FROM ingest_staged WHERE line IN (SELECT unnest(from_json($lines, '["INTEGER"]')))`,
      {
        lines: JSON.stringify(dropped),
      },
    );
  return { dropped, regional: regional.map((r) => r.line) };
}

const strip = (text: string) => text.replace(new RegExp(PART_PREFIX), '').trim();
