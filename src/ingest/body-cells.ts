import type { Tx } from '../store/store.js';
import { cell, isMarker, literal, rows } from './body-sql.js';
import { isUnitText } from './columns.js';
import { periodOfHeader } from './periods.js';
import type { Table } from './source.js';

/**
 * An indicator cell that may carry a list number (1. （二） ⑴ ①), a unit in brackets, stray spaces,
 * a footnote mark (*, ※, ① after the name) or straight quotes ("求学圆梦行动").
 */
const DECORATED_NAME =
  '[)）]\\s*$|^\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*[、.．]\\s*\\S|^\\s*[（(]\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*[)）]|\\S\\s+\\S' +
  '|[*※①-⑳]\\s*$|^\\s*[①-⒇]|"|^\\s*(\\d{4}-)?[Tt]\\d+-\\d+\\s*\\S';

/**
 * —, /, 无 … in a value or status cell mean nothing was reported. In a wide table a row's 备注 goes
 * with the periods it reports, not with its blank ones (which would otherwise be recorded as
 * reports of nothing, one per blank month).
 */
export async function clearBlankMarkers(tx: Tx, table: Table): Promise<void> {
  // An exact marker is a hash lookup; only a text with a space in it is trimmed first.
  const marker = (column: string) =>
    `(${isMarker(column)} OR (contains(${column}, ' ') AND ${isMarker(`trim(${column})`)}))`;
  await tx.connection.run(
    `UPDATE ingest_staged SET
       value_raw = CASE WHEN ${marker('value_raw')} THEN NULL ELSE value_raw END,
       status_raw = CASE WHEN ${marker('status_raw')} THEN NULL ELSE status_raw END
     WHERE ${marker('value_raw')} OR ${marker('status_raw')}`,
  );
  const { layout } = table.shape;
  if (layout.format === 'wide' && layout.roles.note)
    await tx.connection.run(
      `UPDATE ingest_staged SET note_raw = NULL
       WHERE note_raw IS NOT NULL AND nullif(trim(value_raw), '') IS NULL AND nullif(trim(status_raw), '') IS NULL`,
    );
}

/**
 * ="12000", ="2021-09": a system's 导出Excel writes a formula that keeps the text as text; the text is
 * what was meant. Only cells that start with =" are touched.
 */
export async function unwrapTextFormulas(tx: Tx): Promise<void> {
  const roles = ['value_raw', 'period_raw', 'indicator_raw', 'region_raw'];
  const wrapped = (c: string) => `(starts_with(${c}, '="') AND ends_with(${c}, '"') AND length(${c}) > 3)`;
  // '1200, '2021-09: the apostrophe that keeps a number as text in Excel, saved into the CSV.
  const quoted = (c: string) => `(starts_with(${c}, '''') AND length(${c}) > 1)`;
  const unwrap = (c: string) =>
    `${c} = CASE WHEN ${wrapped(c)} THEN substr(${c}, 3, length(${c}) - 3) WHEN ${quoted(c)} THEN substr(${c}, 2) ELSE ${c} END`;
  await tx.connection.run(
    `UPDATE ingest_staged SET ${roles.map(unwrap).join(', ')}
     WHERE ${roles.map((c) => `${wrapped(c)} OR ${quoted(c)}`).join(' OR ')}`,
  );
}

/**
 * The texts the steps below rewrite, in one pass: each distinct period text (there are a dozen in a
 * million-row file) and each indicator text that carries a list number, a bracket or spaces.
 */
export async function distinctTexts(tx: Tx, table: Table): Promise<{ periods: string[]; names: string[] }> {
  const { roles } = table.shape.layout;
  const parts = [
    ...(roles.period
      ? [
          "SELECT 'period' AS kind, p AS text FROM (SELECT DISTINCT period_raw AS p FROM ingest_staged) WHERE p IS NOT NULL",
        ]
      : []),
    ...(roles.indicator
      ? [
          `SELECT 'name' AS kind, raw AS text FROM (SELECT DISTINCT indicator_raw AS raw FROM ingest_staged)
           WHERE raw IS NOT NULL AND regexp_matches(raw, ${literal(DECORATED_NAME)})`,
        ]
      : []),
  ];
  if (parts.length === 0) return { periods: [], names: [] };
  const found = await rows<{ kind: string; text: string }>(tx, `${parts.join(' UNION ALL ')} LIMIT 20000`);
  return {
    periods: found.filter((f) => f.kind === 'period').map((f) => f.text),
    names: found.filter((f) => f.kind === 'name').map((f) => f.text),
  };
}

/** 1-10月, 一季度, 2021年上半年 in a period column: the month they end with, and their basis. */
export async function readPeriodTexts(tx: Tx, table: Table, texts: string[]): Promise<void> {
  if (texts.length === 0) return;
  const year = table.shape.context.year ?? table.shape.context.period?.year ?? null;
  // A value column headed 累计完成 (or 当月) says the basis: a period cell's 三季度 names the month only.
  const headed = table.shape.layout.headerBasis !== null;
  const map = texts.flatMap((p) => {
    const phrase = periodOfHeader(p);
    // 2021-10, 2021年10月, 202110, 2021-10-31 are the check's own (tz_period); only the others
    // (21年9月, 九月, 1-9月, 截至9月末) are rewritten.
    const standard = /^\d{4}\s*(?:[-/.年]\s*\d{1,2}\s*月?(?:\s*[-/.月]\s*\d{1,2}\s*日?)?|\d{2})$/.test(
      p.trim(),
    );
    if (!phrase || (standard && phrase.basis === null)) return [];
    const y = phrase.year ?? year;
    const basis = headed
      ? null
      : phrase.basis === 'cumulative'
        ? '累计'
        : phrase.basis === 'increment'
          ? '当月'
          : null;
    // No year anywhere: the month alone (一季度 → 3月), which the check dates in the indicator's year.
    const period = y ? `${y}-${String(phrase.month).padStart(2, '0')}` : `${phrase.month}月`;
    return [{ raw: p, period, basis }];
  });
  if (map.length === 0) return;
  await tx.connection.run(
    `UPDATE ingest_staged SET period_raw = m.period,
       basis_raw = CASE WHEN (basis_raw IS NULL OR trim(basis_raw) = '') AND m.basis IS NOT NULL THEN m.basis ELSE basis_raw END
     FROM (SELECT unnest(from_json($map, '[{"raw":"VARCHAR","period":"VARCHAR","basis":"VARCHAR"}]'), recursive := true)) m
     WHERE ingest_staged.period_raw = m.raw`,
    { map: JSON.stringify(map) },
  );
}

/**
 * The basis a column's header states (1-6月, 上半年: cumulative; 二季度, 当月: increment) for the
 * rows that state none; and, when several tables are staged, each long table's own header basis.
 */
export async function setColumnBases(tx: Tx, table: Table, perTableHeaderBasis: boolean): Promise<void> {
  const { layout } = table.shape;
  const word = (basis: 'cumulative' | 'increment') => (basis === 'cumulative' ? '累计' : '当月');
  const map = layout.months.flatMap((m) => (m.basis ? [{ name: m.name, basis: word(m.basis) }] : []));
  if (map.length > 0) {
    await tx.connection.run(
      `UPDATE ingest_staged SET basis_raw = m.basis
       FROM (SELECT unnest(from_json($map, '[{"name":"VARCHAR","basis":"VARCHAR"}]'), recursive := true)) m
       WHERE ingest_staged.value_column = m.name AND (basis_raw IS NULL OR trim(basis_raw) = '')`,
      { map: JSON.stringify(map) },
    );
  }
  if (perTableHeaderBasis && layout.format === 'long' && layout.headerBasis) {
    await tx.connection.run(
      `UPDATE ingest_staged SET basis_raw = $basis WHERE basis_raw IS NULL OR trim(basis_raw) = ''`,
      { basis: word(layout.headerBasis) },
    );
  }
}

/** Where a table without a region column names the region of its rows. */
export type RegionFrom = 'sheet' | 'reporter' | 'title';

/**
 * The region of a table without a region column: its sheet's name (长春市, 延边州, 长春市1-9月), the
 * office on its 填报单位 line (四平市住房和城乡建设局), or its title's first words (延边州2021年…). Rows
 * that name no region are that region's. The province (吉林省…) is every table's default: not said.
 */
export async function regionOfTable(
  tx: Tx,
  table: Table,
): Promise<{ region: string; from: RegionFrom; text: string } | null> {
  if (table.shape.layout.roles.region) return null;
  const { reporter, title } = table.shape.context;
  const candidates: [RegionFrom, string | null | undefined][] = [
    ['sheet', table.sheet],
    ['reporter', reporter],
    ['title', title],
  ];
  for (const [from, text] of candidates) {
    if (!text?.trim()) continue;
    const region =
      from === 'sheet'
        ? await regionOfSheetName(tx, text.trim())
        : await regionInText(tx, text, from === 'title');
    if (!region) continue;
    if (region.level === 'province') return null;
    await tx.connection.run(
      `UPDATE ingest_staged SET region_raw = $region WHERE region_raw IS NULL OR trim(region_raw) = ''`,
      { region: region.name },
    );
    return { region: region.name, from, text: text.trim() };
  }
  return null;
}

/** A sheet's name as a region (长春, 吉林), or the region it starts with (长春市1-9月, the longest). */
async function regionOfSheetName(tx: Tx, name: string): Promise<{ name: string; level: string } | null> {
  const [found] = await rows<{ region: string | null; level: string | null }>(
    tx,
    `WITH named AS (
       SELECT coalesce(
         (SELECT region FROM tz_region_names([$name])),
         (SELECT region FROM tz_region_spellings()
          WHERE length(text) >= 2 AND starts_with(regexp_replace($name, '\\s+', '', 'g'), text)
          ORDER BY length(text) DESC, region LIMIT 1)) AS region
     )
     SELECT n.region, r.level FROM named n LEFT JOIN region r ON r.name = n.region`,
    { name },
  );
  return found?.region && found.level ? { name: found.region, level: found.level } : null;
}

/**
 * The one region a title or an office's name holds anywhere (2021年1-9月延边州新型城镇化…,
 * 中共白城市委组织部): a county over the city it lies in; two regions side by side are neither. In a
 * title only a full name counts (长春市, 延边州: 长春 alone is also 长春都市圈's).
 */
async function regionInText(
  tx: Tx,
  text: string,
  fullNames: boolean,
): Promise<{ name: string; level: string } | null> {
  const found = await rows<{ region: string; level: string; parent: string | null }>(
    tx,
    `SELECT DISTINCT r.name AS region, r.level, r.parent
     FROM tz_region_spellings() t
     JOIN region r ON r.name = t.region
     WHERE length(t.text) >= 2 AND contains(regexp_replace($text, '\\s+', '', 'g'), t.text)
       AND ($full = 0 OR regexp_matches(t.text, '(市|州|县|区|旗|盟|管委会)$'))`,
    { text, full: fullNames ? 1 : 0 },
  );
  const deepest = found.filter((f) => !found.some((g) => g.parent === f.region));
  return deepest.length === 1 && deepest[0] ? { name: deepest[0].region, level: deepest[0].level } : null;
}

const halfwidth = (s: string) =>
  s
    .replace(/[０-９．，－＋％／：]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();

/**
 * Indicator names as clerks write them: 1.农民工职业技能培训（万人次）, （二）棚户区改造, 新筹集 公租房.
 * Each distinct decorated text is tried against the catalogue as written, without its list number,
 * without a unit in brackets (kept as the row's unit), without spaces; the first that names an
 * indicator is used. One that names none keeps the cleaned text, so the check suggests the nearest.
 */
export async function tidyNames(
  tx: Tx,
  decorated: string[],
): Promise<{ raw: string; clean: string; unit: string | null }[]> {
  if (decorated.length === 0) return [];
  const isKnown = await catalogueNames(tx);
  const map = decorated.flatMap((raw) => {
    const cleaned = cleanName(raw, isKnown);
    return cleaned.clean !== halfwidth(raw) || cleaned.unit ? [{ raw, ...cleaned }] : [];
  });
  if (map.length === 0) return [];
  await tx.connection.run(
    `CREATE OR REPLACE TEMP TABLE ingest_names AS
     SELECT unnest(from_json($map, '[{"raw":"VARCHAR","clean":"VARCHAR","unit":"VARCHAR"}]'), recursive := true)`,
    { map: JSON.stringify(map) },
  );
  return map;
}

/** Whether a text is a code (any case) or a name of an indicator of the catalogue in use. */
export async function catalogueNames(tx: Tx): Promise<(text: string) => boolean> {
  const catalogue = await rows<{ code: string; name: string }>(
    tx,
    'SELECT code, name FROM indicator WHERE retired_at IS NULL',
  );
  const known = new Set(catalogue.flatMap((i) => [i.code.toUpperCase(), i.name]));
  return (text) => known.has(text) || known.has(text.toUpperCase());
}

/** The name to look up and the unit it carried, trying the plainer forms in turn. */
export function cleanName(
  raw: string,
  isKnown: (name: string) => boolean,
): { clean: string; unit: string | null } {
  // Footnote marks after the name, a circled or bracketed digit before it, and straight quotes as
  // the catalogue's “…” (opening, then closing).
  let quote = 0;
  const text = halfwidth(raw)
    .replace(/\s*[*※\u2460-\u2473]+$/, '')
    .replace(/^[\u2460-\u2487]\s*/, '')
    .replace(/"/g, () => (quote++ % 2 === 0 ? '“' : '”'));
  const numbered = text
    .replace(/^(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?=\S)/, '')
    .replace(/^[（(]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]\s*/, '');
  const bracket = /^(.*?)\s*[（(]\s*([^()（）]{1,8})\s*[)）]\s*$/.exec(numbered);
  const unit = bracket?.[2] && isUnitText(bracket[2]) ? bracket[2] : null;
  const withoutUnit = unit ? (bracket?.[1] ?? numbered) : numbered;
  // 2021-T26-1改造各类棚户区, T26-3新筹集公租房: a code written before the name.
  const coded = /^((?:\d{4}-)?[Tt]\d+-\d+)\s*(\S.*)$/.exec(text);
  const candidates: { clean: string; unit: string | null }[] = [
    ...(coded
      ? [
          { clean: coded[1] ?? '', unit: null },
          { clean: coded[2] ?? '', unit: null },
        ]
      : []),
    { clean: text, unit: null },
    { clean: numbered, unit: null },
    { clean: withoutUnit, unit },
    { clean: withoutUnit.replace(/\s+/g, ''), unit },
    { clean: numbered.replace(/[（(][^()（）]*[)）]/g, '').replace(/\s+/g, ''), unit },
  ];
  return (
    candidates.find((c) => c.clean !== '' && isKnown(c.clean)) ?? {
      clean: withoutUnit.replace(/\s+/g, ''),
      unit,
    }
  );
}

/**
 * A row with figures but no indicator, under one that names it: in a CSV saved from a sheet whose
 * indicator name was merged down over several rows (one per region or 口径), only the first row
 * keeps the name. Such rows take the name from the row above, and are reported. Runs on ingest_raw,
 * after the layout rows are gone (so a group heading is never taken for a name).
 */
export async function fillDownIndicators(tx: Tx, table: Table): Promise<number[]> {
  const { roles, months } = table.shape.layout;
  const indicator = roles.indicator?.index;
  const data = [
    ...months.map((m) => m.index),
    ...(['value', 'status'] as const).flatMap((r) => (roles[r] ? [roles[r].index] : [])),
  ];
  if (indicator === undefined || data.length === 0) return [];
  const blank = `(r.c${indicator} IS NULL OR trim(r.c${indicator}) = '')`;
  const hasData = data.map((i) => `${cell(i)} IS NOT NULL`).join(' OR ');
  const [first] = await rows<{ rn: number }>(
    tx,
    `SELECT rn FROM ingest_raw r WHERE r.c${indicator} IS NULL AND (${hasData}) LIMIT 1`,
  );
  if (!first) return [];
  const filled = await rows<{ line: number }>(
    tx,
    `SELECT l.line FROM ingest_raw r JOIN ingest_lines l USING (rn)
     WHERE ${blank} AND (${hasData}) AND rn > (SELECT min(rn) FROM ingest_raw r WHERE NOT ${blank})
     ORDER BY l.line`,
  );
  await tx.connection.run(
    `UPDATE ingest_raw SET c${indicator} = f.name
     FROM (
       SELECT rn, last_value(nullif(trim(c${indicator}), '') IGNORE NULLS) OVER (ORDER BY rn) AS name FROM ingest_raw
     ) f
     WHERE ingest_raw.rn = f.rn AND (ingest_raw.c${indicator} IS NULL OR trim(ingest_raw.c${indicator}) = '')`,
  );
  return filled.map((f) => f.line);
}
