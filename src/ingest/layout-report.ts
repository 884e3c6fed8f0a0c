import type { BodyNotes } from './body.js';
import { describePeriod } from './periods.js';
import { SHEET_LINE_STRIDE, type Source } from './source.js';
import type { SkippedKind } from './table.js';

/** How one table was found in its sheet or file; rows are numbered as the clerk sees them. */
export interface TableLayout {
  sheet: string | null;
  /** The header's rows (two for 完成情况 over 1-3月 | 1-6月). */
  headerRows: number[];
  titleRows: number[];
  title: string | null;
  /** The period the title names (2021年1-10月), used for columns and values that name none. */
  period: string | null;
  /** Rows that were not data, by why: note, blank, group (heading), total (合计), header (repeated), units, column_numbers. */
  skipped: { kind: SkippedKind; rows: number[] }[];
  /** Values multiplied because of a unit: 万人 → ×10000. */
  scaling: { source: string; unit: string; factor: number; cells: number }[];
  /** The region a sheet's name, a 填报单位 line or the title gave rows that name none. */
  region: string | null;
  regionFrom: 'sheet' | 'reporter' | 'title' | null;
  /** The sheet's name, the 填报单位 or the title it was read from. */
  regionText: string | null;
  /** Rows with figures but no indicator name, read as the indicator of the row above (a merged name). */
  filledRows: number[];
  /** Columns read as nothing (完成率, a second 本月 column), with why. */
  ignoredColumns: { name: string; reason: string }[];
}

/** What the front stage did with an upload's layout, for the preview, the CLI and the JSON report. */
export interface LayoutReport {
  tables: TableLayout[];
  skippedSheets: { sheet: string; reason: string }[];
  /** Sentences to show as they are: 第1–3行为标题，第25行为注释，已跳过。 */
  summary: string[];
}

const KIND_TEXT: Record<SkippedKind, string> = {
  title: '标题',
  blank: '空行',
  units: '单位说明',
  column_numbers: '栏次',
  note: '注释',
  group: '分组标题或无数据的行',
  total: '合计行（未导入）',
  part: '“其中”所列的分项（未导入）',
  header: '重复的表头',
};

/** 1, 2, 3, 5 → 1–3、5 (at most ten items, then 等 N 行). */
export function describeRows(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) {
      end += 1;
      i += 1;
    }
    ranges.push(end === start ? `${start}` : `${start}–${end}`);
  }
  const shown = ranges.slice(0, 10).join('、');
  return ranges.length > 10 ? `${shown}等${sorted.length}` : shown;
}

/** The layout part of an import's report, from what the front stage found and what the body dropped. */
export function describeLayout(source: Source, body: BodyNotes | null): LayoutReport {
  const number = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
  const tables = source.tables.map((table, i): TableLayout => {
    const { shape } = table;
    const skipped = new Map<SkippedKind, number[]>();
    const add = (kind: SkippedKind, row: number) => skipped.set(kind, [...(skipped.get(kind) ?? []), row]);
    for (const s of shape.skipped) add(s.kind, s.row);
    for (const r of body?.rows ?? [])
      if (r.line >= table.lineBase && r.line < table.lineBase + SHEET_LINE_STRIDE)
        add(r.kind, r.line - table.lineBase);
    const headerRows = Array.from(
      { length: shape.header.last - shape.header.first + 1 },
      (_, k) => shape.header.first + k,
    );
    const { period, year } = shape.context;
    return {
      sheet: table.sheet,
      headerRows,
      titleRows: shape.titleRows,
      title: shape.context.title,
      period: period ? describePeriod(period, period.year ?? year) : null,
      skipped: [...skipped].map(([kind, rows]) => ({ kind, rows: rows.sort((a, b) => a - b) })),
      scaling: (body?.scaling ?? []).filter((s) => s.table === i).map(({ table: _, ...s }) => s),
      region: body?.regions.find((r) => r.table === i)?.region ?? null,
      regionFrom: body?.regions.find((r) => r.table === i)?.from ?? null,
      regionText: body?.regions.find((r) => r.table === i)?.text ?? null,
      filledRows: (body?.filled.find((f) => f.table === i)?.lines ?? []).map((line) => line - table.lineBase),
      ignoredColumns: shape.layout.ignored.map(({ name, reason }) => ({ name, reason })),
    };
  });

  const summary: string[] = [];
  tables.forEach((t, i) => {
    const where = t.sheet !== null ? `工作表“${t.sheet}”：` : '';
    const parts: string[] = [];
    if (t.titleRows.length > 0) parts.push(`第${describeRows(t.titleRows)}行为标题`);
    const layoutRows = t.skipped.filter((s) => s.kind !== 'title');
    for (const s of layoutRows) parts.push(`第${describeRows(s.rows)}行为${KIND_TEXT[s.kind]}`);
    const moved = t.titleRows.length > 0 || t.headerRows.length > 1 || t.headerRows[0] !== 1;
    const header = moved ? `表头在第${describeRows(t.headerRows)}行` : '';
    if (parts.length > 0) summary.push(`${where}${parts.join('，')}，已跳过${header ? `；${header}` : ''}。`);
    else if (header) summary.push(`${where}${header}。`);
    const from = source.tables[i]?.shape.context.periodFrom === 'sheet' ? '工作表名' : '标题';
    const named = source.tables[i]?.shape.layout.tableIndicator;
    if (named)
      summary.push(
        `${where}表中没有指标列，${named.from === 'sheet' ? '工作表名' : '标题'}中的指标为“${named.name}”。`,
      );
    if (t.period && !source.tables[i]?.shape.layout.roles.period)
      summary.push(`${where}${from}中的统计期为${t.period}。`);
    for (const s of t.scaling)
      summary.push(
        `${where}${s.source}的数值单位为“${s.unit}”，已乘以${number(s.factor)}（${number(s.cells)}个数值）。`,
      );
    for (const s of (body?.unscaled ?? []).filter((u) => u.table === i))
      summary.push(
        `${where}${s.source}的单位“${s.unit}”与指标目录的单位不同，未换算（${number(s.cells)}个数值），请核对。`,
      );
    for (const total of (body?.totals ?? []).filter((x) => x.table === i)) {
      const lines = total.lines.map((line) => line - (source.tables[i]?.lineBase ?? 0));
      summary.push(
        `${where}第${describeRows(lines)}行为合计行，其余各行的地区同属“${total.region}”，按“${total.region}”导入。`,
      );
    }
    for (const part of (body?.parts ?? []).filter((x) => x.table === i)) {
      const lines = part.lines.map((line) => line - (source.tables[i]?.lineBase ?? 0));
      summary.push(
        `${where}第${describeRows(lines)}行为“其中”所列的地区，按上一行的指标导入为该地区的数值。`,
      );
    }
    if (t.filledRows.length > 0)
      summary.push(`${where}第${describeRows(t.filledRows)}行未填指标，按上一行的指标读取（合并单元格）。`);
    if (t.region && t.regionFrom) {
      const said = {
        sheet: '工作表名为地区',
        reporter: `填报单位为“${t.regionText}”`,
        title: `标题中的地区为“${t.region}”`,
      }[t.regionFrom];
      summary.push(`${where}${said}，未填地区的行按“${t.region}”导入。`);
    }
    for (const c of t.ignoredColumns) summary.push(`${where}“${c.name}”列未导入：${c.reason}。`);
  });
  for (const s of source.skippedSheets) summary.push(`工作表“${s.sheet}”未导入：${s.reason}。`);
  return { tables, skippedSheets: source.skippedSheets, summary };
}
