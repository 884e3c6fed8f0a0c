import { chineseNumeral } from '../text.js';

/**
 * The text form of a table, shared by every reader that meets one (web page, Word, PDF): a 分工
 * table becomes numbered tasks with labelled fields, which the parser reads as it reads a text.
 */

/** A cell: its text, and the lines it was set on. */
export interface Cell {
  text: string;
  lines: string[];
}

export const TASK_HEADER = /任务|内容|措施|事项|工作|目标|举措/;
export const FIELD_HEADER = /牵头|责任|配合|协办|参与|时限|时间|完成|节点/;
/** Columns of people rather than offices: 牵头领导, 责任人, 联系人. */
export const PERSON_HEADER = /领导|责任人|联系人|电话|备注/;

/** A task of a 分工 table and the rows it spans (one, or one per 具体措施 under a merged task cell). */
interface TaskRows {
  key: string;
  /** Where its line is in the output. */
  at: number;
  printed: string;
  task: string;
  rows: { more: string[]; fields: { label: string; value: string }[] }[];
}

/**
 * "3.任务。措施。（牵头单位：X；完成时限：Z）"; a task over several rows gives each row's measure as a
 * part, its own deadline in front (2022年10月底前，建成…；2022年12月底前，…), and the fields of all.
 */
function taskLine(task: TaskRows): string {
  const [only] = task.rows;
  const parts =
    task.rows.length === 1
      ? (only?.more ?? [])
      : [
          task.rows
            .map((r) => {
              const due = r.fields.find((f) => f.label === '完成时限')?.value;
              const when = due ? `${due}${/[前底末内]$/.test(due) ? '' : '底前'}，` : '';
              return `${when}${r.more.join('，')}`;
            })
            .join('；'),
        ];
  // 地区生产总值增长 | 6.5%: a bare figure in its own column completes the words before it.
  const text = [task.task, ...parts]
    .filter((t) => t !== '')
    .reduce((all, t) => (all === '' ? t : /^[\d.,]+[%％万亿]?$/.test(t) ? `${all}${t}` : `${all}。${t}`), '');
  const fields = new Map<string, string[]>();
  for (const r of task.rows)
    for (const f of r.fields) {
      if (task.rows.length > 1 && f.label === '完成时限') continue;
      const values = fields.get(f.label) ?? [];
      if (!values.includes(f.value)) values.push(f.value);
      fields.set(f.label, values);
    }
  const written = [...fields].map(([label, values]) => `${label}：${values.join('、')}`);
  // A task cell that carries its own number (1.推进…) keeps it.
  const numbered = /^\d{1,3}[.、．]/.test(text) ? text : `${task.printed}.${text}`;
  return `${numbered.replace(/[。；;]$/, '')}。${written.length > 0 ? `（${written.join('；')}）` : ''}`;
}

/** A cell's text; lines of numbered measures (1.推进…<br>2.完成…) kept apart by ；. */
function cellText(cell: Cell): string {
  const numbered = cell.lines.length > 1 && cell.lines.every((l) => /^\s*\d{1,2}[.．、]\S/.test(l));
  return numbered ? cell.lines.map((l) => l.trim().replace(/[。；;]$/, '')).join('；') : cell.text;
}

/**
 * 1.推进…；2.完成… inside one cell: the measures of one task, written as （1）（2） so that they are
 * not read as tasks of their own (a cell's leading number, the task's, is kept).
 */
function subMeasures(text: string, keepLeading: boolean): string {
  // A marker is a number and its point before words (1.推进), never a decimal (6.5%).
  const marker = keepLeading
    ? /(?<=[。；;\s])(\d{1,2})[.．、](?=[^\d\s])/g
    : /(?<=^|[。；;\s])(\d{1,2})[.．、](?=[^\d\s])/g;
  return text.replace(marker, '（$1）');
}

/** A column that groups the tasks: 类别, 领域, 板块 … */
const GROUP_HEADER = /^(?:类别|类型|领域|板块|方面|分类|专项|专题|重点领域|任务类别)$/;

/**
 * The header row of a 分工 table, or -1: a table of figures by place (序号 | 县（市、区） | PM2.5浓度目标
 * | 责任单位) has a 目标 column too, but its cells are numbers, not tasks.
 */
function divisionHeader(rows: Cell[][]): number {
  const index = headerRowOf(rows);
  if (index < 0) return -1;
  const header = (rows[index] ?? []).map((c) => c.text);
  const column = header.findIndex((h) => TASK_HEADER.test(h) && !FIELD_HEADER.test(h));
  const cells = rows
    .slice(index + 1)
    .map((r) => r[column]?.text ?? '')
    .filter((t) => t !== '');
  const figures = cells.filter((t) => /^[\d.,%％]+$/.test(t)).length;
  return cells.length > 0 && figures * 2 >= cells.length ? -1 : index;
}

/** A column header as the field label the parser reads: 牵头部门 → 牵头单位, 完成时间 → 完成时限. */
function fieldLabel(header: string): string {
  if (/牵头/.test(header)) return '牵头单位';
  if (/配合|协办|参与/.test(header)) return '配合单位';
  if (/时限|时间|节点/.test(header)) return '完成时限';
  return '责任单位';
}

/** The row of a 分工 table's header (a task column and a field column), or -1 for another table. */
export function headerRowOf(rows: { text: string }[][]): number {
  return rows.findIndex(
    (r) =>
      r.some((c) => TASK_HEADER.test(c.text) && c.text.length <= 12) &&
      r.some((c) => FIELD_HEADER.test(c.text) && !PERSON_HEADER.test(c.text) && c.text.length <= 12),
  );
}

/**
^ * A table as lines, from its grid of cells. A 分工 table (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限) gives one task a row —
 * "3.任务。（牵头单位：X；责任单位：Y；完成时限：Z）" — so that it reads like a text with labelled
 * fields, merged cells read into every row they span; a row filled with one text across is a
 * heading. Any other table (a page laid out in a table, say) gives its cells' lines, a row of short
 * cells as one line.
 */
export function tableText(rows: Cell[][]): string[] {
  const headerIndex = divisionHeader(rows);
  if (headerIndex < 0) {
    return rows
      .flatMap((r) =>
        r.every((c) => c.lines.length <= 1)
          ? [
              r
                .map((c) => c.text)
                .filter((t, i, all) => t !== '' && t !== all[i - 1])
                .join(' '),
            ]
          : r.flatMap((c, i) => (c.text !== '' && c.text !== r[i - 1]?.text ? c.lines : [])),
      )
      .filter((l) => l.trim() !== '');
  }
  let header = (rows[headerIndex] ?? []).map((c) => c.text);
  // A header of two rows (责任单位 over 牵头单位 | 配合单位): the lower row names the columns.
  let first = headerIndex + 1;
  const below = rows[first];
  const headerLike = (t: string) =>
    t.length <= 12 &&
    (TASK_HEADER.test(t) || FIELD_HEADER.test(t) || PERSON_HEADER.test(t) || /序号|编号/.test(t));
  if (
    below?.every((c, i) => c.text === '' || c.text === header[i] || headerLike(c.text)) &&
    below.some((c, i) => c.text !== '' && c.text !== header[i])
  ) {
    header = below.map((c, i) => c.text || (header[i] ?? ''));
    first += 1;
  }
  const taskColumn = header.findIndex((h) => TASK_HEADER.test(h) && !FIELD_HEADER.test(h));
  // Further columns of what is to be done (具体目标, 工作内容 beside 重点任务): part of the task's text.
  const moreColumns = header.flatMap((h, i) =>
    i !== taskColumn && TASK_HEADER.test(h) && !FIELD_HEADER.test(h) && !/序号|编号/.test(h) ? [i] : [],
  );
  const numberColumn = header.findIndex((h) => /序号|编号/.test(h));
  // 类别 | 领域, merged down over its tasks: a heading over them (一、扩大有效需求), so the parser
  // reads the groups as parts.
  const groupColumn = header.findIndex(
    (h, i) => i !== taskColumn && GROUP_HEADER.test(h) && !FIELD_HEADER.test(h) && !TASK_HEADER.test(h),
  );
  let group = '';
  let groups = 0;
  const out: string[] = rows
    .slice(0, headerIndex)
    .map((r) => r.map((c) => c.text).join(' '))
    .filter((l) => l.trim() !== '');
  let n = 0;
  let last: TaskRows | undefined;
  for (const row of rows.slice(first)) {
    const texts = row.map(cellText);
    const filled = [...new Set(texts.filter((t) => t !== ''))];
    if (filled.length === 0) continue;
    if (filled.length === 1) {
      out.push(filled[0] ?? '');
      continue;
    }
    const more = moreColumns
      .map((i) => subMeasures(texts[i] ?? '', false).replace(/[。；;]$/, ''))
      .filter((t) => t !== '' && t !== subMeasures(texts[taskColumn] ?? '', false));
    if ((texts[taskColumn] ?? '') === '') continue;
    const rowGroup = groupColumn >= 0 ? (texts[groupColumn] ?? '') : '';
    if (rowGroup !== '' && rowGroup !== group) {
      group = rowGroup;
      groups += 1;
      out.push(`${chineseNumeral(groups)}、${rowGroup}`);
      last = undefined;
    }
    const number = (texts[numberColumn] ?? '').replace(/[.、．]$/, '');
    const fields = header.flatMap((h, i) =>
      i !== taskColumn &&
      i !== numberColumn &&
      FIELD_HEADER.test(h) &&
      !PERSON_HEADER.test(h) &&
      (texts[i] ?? '') !== ''
        ? [{ label: fieldLabel(h), value: texts[i] ?? '' }]
        : [],
    );
    // 序号 and 重点任务 merged down over rows of their own 具体措施: one task, each row a part of it.
    const key = `${number}|${texts[taskColumn]}`;
    if (last && last.key === key && more.length > 0) {
      last.rows.push({ more, fields });
      out[last.at] = taskLine(last);
      continue;
    }
    n += 1;
    const printed = /^\d+$/.test(number) ? number : String(n);
    last = {
      key,
      at: out.length,
      printed,
      task: subMeasures(texts[taskColumn] ?? '', true),
      rows: [{ more, fields }],
    };
    out.push(taskLine(last));
  }
  return out;
}
