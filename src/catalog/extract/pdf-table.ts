import type { Line, Run } from './pdf.js';
import { type Cell, FIELD_HEADER, headerRowOf, TASK_HEADER, tableText } from './table.js';

/** A table's header: its columns' names and where each name is set across the page. */
interface Column {
  label: string;
  left: number;
  right: number;
}

/** A run of glyphs that belong together on one line of one cell (or across cells: a heading). */
interface Chain {
  text: string;
  x: number;
  right: number;
  y: number;
  h: number;
}

/** A row being rebuilt: a task's cells, or a heading across the table (一、提升政务服务效能). */
interface Row {
  heading?: string;
  /** Where the row's 序号 (or, without one, its task text) is set: its vertical middle. */
  middle: number;
  /** Each column's lines, top to bottom. */
  cells: Chain[][];
}

interface Table {
  columns: Column[];
  /** The header's type size: the body's lines are set in it. */
  height: number;
  rows: Row[];
  /** The lines the table came from stand in the text as the line that gives its text. */
  at: Line;
}

const NUMBER = /^\d{1,3}[.、．]?$/;

/**
 * PDF tables read back as tables. A PDF has no cells, only glyphs at places: a 分工 table (序号 |
 * 重点任务 | 牵头单位 | 配合单位 | 完成时限) printed from Word or a web page comes out of its text
 * layer with the cells of a row on different lines and a cell's wrapped text between other cells.
 * Each table is found by its header (a row of column names, repeated on each page it runs over),
 * its columns are told apart by the gaps between its cells' text (the padding between cells,
 * looked for between each two of the header's names), its rows from its 序号, and it is given in
 * the text form the Word and web-page readers give the same table, so that a PDF table parses as
 * it does saved any other way. Other lines stay as they are.
 */
export function rebuildTables(pages: Line[][]): Line[][] {
  let open: Table | undefined;
  const out: Line[][] = [];
  for (const lines of pages) {
    const kept: Line[] = [];
    out.push(kept);
    let i = 0;
    while (i < lines.length) {
      // A header's band can start a line or two above its own line ("序" over "号").
      const found = [0, 1, 2].map((k) => headerAt(lines, i + k)).find((h) => h?.first === i);
      // A table that runs on at the top of the next page without its header repeated.
      if (!found && open && kept.length === 0) {
        const end = readBody(lines, i, open, lines[i]?.y ?? 0);
        if (end !== undefined && end > i) {
          i = end;
          if (i < lines.length) {
            kept.push(...close(open));
            open = undefined;
          }
          continue;
        }
      }
      if (!found) {
        if (open) kept.push(...close(open));
        open = undefined;
        kept.push(lines[i] as Line);
        i += 1;
        continue;
      }
      // The same header at the top of the next page: the table goes on.
      const same = (t: Table) =>
        t.columns.map((c) => c.label).join('|') === found.columns.map((c) => c.label).join('|');
      if (open && !(kept.length === 0 && same(open))) {
        kept.push(...close(open));
        open = undefined;
      }
      const header = lines[found.after - 1] as Line;
      const table: Table = open ?? {
        columns: found.columns,
        height: header.h,
        rows: [],
        at: lines[i] as Line,
      };
      const end = readBody(lines, found.after, table, header.y);
      if (end === undefined) {
        if (open) kept.push(...close(open));
        open = undefined;
        kept.push(...lines.slice(i, found.after));
        i = found.after;
        continue;
      }
      i = end;
      open = table;
      if (i < lines.length) {
        kept.push(...close(table));
        open = undefined;
      }
    }
  }
  if (open) out[out.length - 1]?.push(...close(open));
  return out;
}

/**
 * The header of a 分工 table starting at line `i`, or undefined: a line of at least three short
 * cells, a task column and a field column among them, with the short lines set beside it within
 * its band (a name over two lines: 序 / 号).
 */
function headerAt(lines: Line[], i: number): { columns: Column[]; first: number; after: number } | undefined {
  const line = lines[i];
  if (!line || line.fixed) return undefined;
  const columns = cellsOf(line.runs, line.h);
  if (columns.length < 3 || columns.some((c) => c.label.length > 12)) return undefined;
  if (headerRowOf([columns.map((c) => ({ text: c.label }))]) < 0) return undefined;
  let first = i;
  let after = i + 1;
  // Judged cell by cell: a header whose names wrap (序/号, 牵头单/位, 时间节/点) has several of
  // them on the line above or below, together longer than any one name.
  const band = (l: Line | undefined) =>
    l !== undefined &&
    l.page === line.page &&
    Math.abs(l.y - line.y) < 2 * line.h &&
    cellsOf(l.runs, l.h).every((c) => c.label.length <= 6 && !/\d/.test(c.label));
  const add = (l: Line, above: boolean) => {
    for (const cell of cellsOf(l.runs, l.h)) {
      const same = columns.find((c) => c.left < cell.right && cell.left < c.right);
      if (same) {
        same.label = above ? cell.label + same.label : same.label + cell.label;
        same.left = Math.min(same.left, cell.left);
        same.right = Math.max(same.right, cell.right);
      } else columns.push(cell);
    }
  };
  while (band(lines[first - 1])) add(lines[--first] as Line, true);
  while (band(lines[after])) add(lines[after++] as Line, false);
  columns.sort((a, b) => a.left - b.left);
  return { columns, first, after };
}

/**
 * A line's runs as cells: runs close together (within half a glyph) make one cell. Two names can
 * stand less than a glyph apart where the cells are narrow (工作任务 | 目标任务, 4px of padding).
 */
function cellsOf(runs: Run[], h: number): Column[] {
  const cells: Column[] = [];
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const last = cells[cells.length - 1];
    if (last && run.x - last.right < h / 2) {
      last.label += run.str.trim();
      last.right = Math.max(last.right, run.x + run.w);
    } else cells.push({ label: run.str.trim(), left: run.x, right: run.x + run.w });
  }
  return cells.filter((c) => c.label !== '');
}

/**
 * Reads a table's body from line `from` of a page into `table`, below `top` (its header's, or the
 * page's top), up to the page's end or the first line that runs across the columns (the text after
 * the table); answers where it stopped, or undefined when what follows is no table's rows.
 */
function readBody(lines: Line[], from: number, table: Table, top: number): number | undefined {
  const { columns, height } = table;
  let end = from;
  while (end < lines.length) {
    const l = lines[end] as Line;
    if (l.fixed || headerAt(lines, end)) break;
    end += 1;
  }
  const candidates = lines.slice(from, end);
  const bounds = boundaries(columns, candidates);
  const columnOf = (x: number) => bounds.filter((b) => b <= x).length;
  const chains: Chain[] = [];
  const lineChains = candidates.map((l) => chainsOf(l, bounds));
  let stop = end;
  for (let k = 0; k < candidates.length; k++) {
    const line = candidates[k] as Line;
    const own = lineChains[k] as Chain[];
    // The text after the table: a line across a column boundary (but a heading across the table),
    // in another size than the header's, or after a gap.
    const across = own.some((c) => crossed(c, bounds) > 0) && !isHeading(lineChains, k, bounds);
    const size = Math.abs(line.h - height) > 0.2 * height;
    const bottom = Math.max(top, ...chains.map((c) => c.y));
    if (across || size || line.y - line.h - bottom > 3 * height) {
      stop = from + k;
      break;
    }
    chains.push(...own);
  }
  const rows: Row[] = [];
  const numberColumn = columns.findIndex((c) => /序号|编号/.test(c.label));
  const taskColumn = columns.findIndex((c) => TASK_HEADER.test(c.label) && !FIELD_HEADER.test(c.label));
  const cells = () => columns.map(() => [] as Chain[]);
  const middle = (c: Chain) => c.y - c.h / 2;
  const rest: Chain[] = [];
  for (const c of chains) {
    // A heading across the table starts in the first column and runs on past it.
    if (crossed(c, bounds) > 0 && columnOf(c.x) === 0 && !NUMBER.test(c.text))
      rows.push({ heading: c.text, middle: middle(c), cells: cells() });
    else if (numberColumn >= 0 && columnOf(center(c)) === numberColumn)
      rows.push(
        NUMBER.test(c.text)
          ? { middle: middle(c), cells: cells() }
          : { heading: c.text, middle: middle(c), cells: cells() },
      );
    else rest.push(c);
  }
  // Without a 序号 column, each task cell's first line starts a row.
  if (!rows.some((r) => !r.heading) && taskColumn >= 0) {
    for (const block of blocks(rest.filter((c) => columnOf(center(c)) === taskColumn)))
      rows.push({ middle: middle(block[0] as Chain), cells: cells() });
  }
  rows.sort((a, b) => a.middle - b.middle);
  const data = rows.filter((r) => !r.heading);
  // Text under a header but no row of a table: not a table after all.
  if (data.length === 0) return rest.length > 0 ? undefined : stop;
  const cuts = rowCuts(data, chains);
  const rowOf = (c: Chain) => Math.min(data.length - 1, cuts.filter((cut) => cut <= middle(c)).length);
  columns.forEach((_, column) => {
    const own = rest.filter((c) => columnOf(center(c)) === column);
    for (const c of own) data[rowOf(c)]?.cells[column]?.push(c);
    // A cell's wrapped lines that the cut between two rows runs through, alone in the column in
    // both rows: one cell merged over the two, set across their border.
    for (const block of blocks(own)) {
      const spanned = [...new Set(block.map(rowOf))];
      const alone = spanned.every((r) => data[r]?.cells[column]?.every((c) => block.includes(c)));
      if (spanned.length > 1 && alone) for (const r of spanned) (data[r] as Row).cells[column] = [...block];
    }
  });
  spanMerged(data);
  table.rows.push(...rows);
  return stop;
}

/**
 * Whether line `k`, across the columns, is a heading of the table (一、扩大有效投资, a cell merged
 * over the whole row) rather than the text after it: alone on its line, starting in the first
 * column, and followed by a row of the table (a line with text in two columns) before any other
 * line across the columns.
 */
function isHeading(lineChains: Chain[][], k: number, bounds: number[]): boolean {
  const [only, ...others] = lineChains[k] ?? [];
  if (!only || others.length > 0 || NUMBER.test(only.text)) return false;
  const columnOf = (x: number) => bounds.filter((b) => b <= x).length;
  if (columnOf(only.x) !== 0) return false;
  for (const line of lineChains.slice(k + 1)) {
    if (line.some((c) => crossed(c, bounds) > 0)) return false;
    if (new Set(line.map((c) => columnOf(c.x))).size > 1) return true;
  }
  return false;
}

const center = (c: Chain) => c.x + (c.right - c.x) / 2;

/** How many column boundaries a chain of glyphs runs across (by more than a third of a glyph). */
function crossed(c: Chain, bounds: number[]): number {
  return bounds.filter((b) => c.x < b - c.h / 3 && c.right > b + c.h / 3).length;
}

/**
 * Where one column ends and the next begins: between the two names of the header, where the fewest
 * glyphs of the body stand (the padding between cells), in the middle of the widest such stretch.
 * Each run is taken a little wider than it is: the runs of one cell's line abut exactly (市发展改 |
 * 革 | 委), and the point where they meet is no gap between cells.
 */
function boundaries(columns: Column[], lines: Line[]): number[] {
  const runs = lines.flatMap((l) => l.runs);
  const out: number[] = [];
  for (let k = 0; k + 1 < columns.length; k++) {
    const from = (columns[k] as Column).right;
    const to = (columns[k + 1] as Column).left;
    if (to - from < 2) {
      out.push((from + to) / 2);
      continue;
    }
    let best = { count: Number.POSITIVE_INFINITY, start: from, length: 0 };
    let current = { count: -1, start: from, length: 0 };
    for (let x = from; x <= to; x += 0.5) {
      const count = runs.filter((r) => r.x - r.h / 8 < x && r.x + r.w + r.h / 8 > x).length;
      if (count === current.count) current.length += 0.5;
      else current = { count, start: x, length: 0 };
      if (count < best.count || (count === best.count && current.length > best.length)) best = { ...current };
    }
    out.push(best.start + best.length / 2);
  }
  return out;
}

/** A line's runs as chains: runs that touch, and do not stand either side of a boundary. */
function chainsOf(line: Line, bounds: number[]): Chain[] {
  const chains: Chain[] = [];
  const runs = line.runs.flatMap((r) => splitRun(r, bounds));
  for (const run of runs.sort((a, b) => a.x - b.x)) {
    const last = chains[chains.length - 1];
    const between = last ? bounds.some((b) => last.right <= b && b <= run.x) : true;
    if (last && !between && run.x - last.right < run.h * 0.5) {
      const latin = /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(run.str);
      last.text += latin && run.x - last.right > run.h * 0.2 ? ` ${run.str}` : run.str;
      last.right = Math.max(last.right, run.x + run.w);
      last.h = Math.max(last.h, run.h);
    } else chains.push({ text: run.str, x: run.x, right: run.x + run.w, y: run.y, h: run.h });
  }
  for (const c of chains) c.text = c.text.trim();
  return chains.filter((c) => c.text !== '');
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * A run that is two cells' texts: pdf.js gives glyphs less than a glyph apart as one item (委 of
 * 市发展改革委 and 市财政局 beside it), which runs across the boundary between them. It is cut
 * where the gap it must hold falls on the boundary, its glyphs taken as wide as they are high
 * (Chinese) or about half that (others). A run with no room for a gap is glyphs set on across the
 * boundary (a heading across the table) and stays whole.
 */
function splitRun(run: Run, bounds: number[]): Run[] {
  const b = bounds.find((x) => run.x < x && x < run.x + run.w);
  if (b === undefined) return [run];
  const chars = [...run.str];
  const widths = chars.map((ch) => (WIDE.test(ch) ? run.h : 0.55 * run.h));
  const total = widths.reduce((a, w) => a + w, 0);
  const slack = run.w - total;
  if (slack < run.h / 4) return [run];
  // The gap after the first `at` glyphs, the rest flush with the run's end: the one whose middle
  // is nearest the boundary, if the boundary falls in it.
  let best: { at: number; off: number } | undefined;
  let left = 0;
  for (let at = 1; at < chars.length; at++) {
    left += widths[at - 1] as number;
    const off = Math.abs(run.x + left + slack / 2 - b);
    if (!best || off < best.off) best = { at, off };
  }
  if (!best || best.off > slack / 2 + run.h / 4) return [run];
  const leftWidth = widths.slice(0, best.at).reduce((a, w) => a + w, 0);
  const rightWidth = total - leftWidth;
  const head = { ...run, str: chars.slice(0, best.at).join(''), w: leftWidth };
  const tail = { ...run, str: chars.slice(best.at).join(''), x: run.x + run.w - rightWidth, w: rightWidth };
  return [head, ...splitRun(tail, bounds)];
}

/** One column's lines as the cells they make: a line that follows the last without a gap joins it. */
function blocks(chains: Chain[]): Chain[][] {
  const out: Chain[][] = [];
  for (const c of [...chains].sort((a, b) => a.y - b.y)) {
    const block = out[out.length - 1];
    const last = block?.[block.length - 1];
    if (block && last && c.y - last.y < 1.8 * c.h) block.push(c);
    else out.push([c]);
  }
  return out;
}

/**
 * Where one row ends and the next begins, between each two 序号: where the fewest lines of any cell
 * stand (a cell's wrapped lines are closer together than two rows' cells), the stretch nearest the
 * middle of the two when several are as empty.
 */
function rowCuts(rows: Row[], chains: Chain[]): number[] {
  const cuts: number[] = [];
  for (let k = 0; k + 1 < rows.length; k++) {
    const from = (rows[k] as Row).middle;
    const to = (rows[k + 1] as Row).middle;
    const mid = (from + to) / 2;
    let best = { count: Number.POSITIVE_INFINITY, start: mid, length: 0 };
    let current = { count: -1, start: from, length: 0 };
    const better = (a: typeof best, b: typeof best) =>
      a.count < b.count ||
      (a.count === b.count &&
        (a.length > b.length + 1 ||
          (Math.abs(a.length - b.length) <= 1 &&
            Math.abs(a.start + a.length / 2 - mid) < Math.abs(b.start + b.length / 2 - mid))));
    for (let y = from; y <= to; y += 0.5) {
      const count = chains.filter((c) => c.y - c.h < y && c.y > y).length;
      if (count === current.count) current.length += 0.5;
      else {
        if (current.count >= 0 && better(current, best)) best = { ...current };
        current = { count, start: y, length: 0 };
      }
    }
    if (better(current, best)) best = { ...current };
    cuts.push(best.start + best.length / 2);
  }
  return cuts;
}

/**
 * A merged cell (one 牵头单位 for two rows) is printed once, in the middle of the rows it spans:
 * a cell set about halfway between its row's 序号 and the next (or the last) row's, beside an
 * empty cell there, stands for both.
 */
function spanMerged(rows: Row[]): void {
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as Row;
    row.cells.forEach((lines, column) => {
      if (lines.length === 0) return;
      const top = Math.min(...lines.map((c) => c.y - c.h));
      const bottom = Math.max(...lines.map((c) => c.y));
      const middle = (top + bottom) / 2;
      for (const other of [rows[k - 1], rows[k + 1]]) {
        if (!other || (other.cells[column]?.length ?? 0) > 0) continue;
        const halfway = (row.middle + other.middle) / 2;
        if (Math.abs(middle - halfway) < Math.abs(other.middle - row.middle) / 4)
          other.cells[column] = lines.map((c) => ({ ...c, y: other.middle }));
      }
    });
  }
}

/** A finished table as the text the Word and web-page readers give: lines that are not joined. */
function close(table: Table): Line[] {
  const header: Cell[] = table.columns.map((c) => ({ text: c.label, lines: [c.label] }));
  const grid: Cell[][] = [
    header,
    ...table.rows.map((row) => {
      if (row.heading !== undefined)
        return table.columns.map(() => ({ text: row.heading ?? '', lines: [row.heading ?? ''] }));
      return row.cells.map((lines) => {
        const texts = [...lines].sort((a, b) => a.y - b.y || a.x - b.x).map((c) => c.text);
        return { text: texts.join(''), lines: texts };
      });
    }),
  ];
  return tableText(grid).map((text) => ({ ...table.at, text, fixed: true, runs: [] }));
}
