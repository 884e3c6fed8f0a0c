import { assignCodes } from './codes.js';
import { parseResponsibility, type Responsibility } from './departments.js';
import { dropTableOfContents, numberUnnumberedHeadings } from './headings.js';
import { milestoneName } from './names.js';
import { deadlineIn, deadlineOfField, readTargetsWithDoubts, type Target } from './quantities.js';
import { type Found, findResponsibilities } from './responsibility.js';
import {
  CLOSING_TITLE,
  descendants,
  fullText,
  GOAL_TITLE,
  headingOf,
  type Item,
  inPreamblePart,
  PREAMBLE_TITLE,
  rank,
  readOutline,
  type Style,
  taskStyle,
} from './structure.js';
import type { Catalog, Doubt, Goal, Indicator, Part, Section, Task } from './types.js';
import { documentTitle, findYear } from './year.js';

/** A text that is not a key-task document; the message says why, in Chinese. */
export class CatalogParseError extends Error {}

export interface ParseOptions {
  id?: string | undefined;
  /** Overrides the year read from the document. */
  year?: number | undefined;
  /** The reviewed catalogue of the same document: its codes (and reviewed names) are kept. */
  previous?: Catalog | undefined;
}

/** The catalogue and what the parser doubts, for a reviewer to check first. */
export interface Parsed {
  catalog: Catalog;
  doubts: Doubt[];
}

/** parseDocument without the doubts: the catalogue alone. */
export function parseDocument(text: string, options: ParseOptions = {}): Catalog {
  return readCatalog(text, options).catalog;
}

/**
 * Parses a key-task document (重点任务, 工作要点, 分工方案, 行动计划, 意见) into its catalogue: parts,
 * sections, numbered tasks, the departments responsible for each (and the lead), goal paragraphs,
 * and the indicators to track. Every task gets at least one indicator: its quantitative targets, or
 * else one milestone (done or not by a deadline). Nothing a person can read as such a document is
 * refused: what the parser cannot settle (a task without departments, a number it did not
 * understand, a gap in the numbering, a guessed year) comes back as a doubt. Only a text without
 * numbered items, an empty one or a binary one is refused.
 */
export function readCatalog(text: string, options: ParseOptions = {}): Parsed {
  checkText(text);
  const outline = readOutline(numberUnnumberedHeadings(dropTableOfContents(text)));
  const style = taskStyle(outline);
  if (!style) {
    throw new CatalogParseError('文件中没有找到编号的任务（如“一、”“（一）”“1.”），不像是重点任务文件。');
  }
  const doubts: Doubt[] = [];
  const above = outline.styles.filter((s) => rank(s) < rank(style));
  const sectionStyle: Style | undefined = above.length >= 2 ? above[above.length - 1] : undefined;
  const partStyle: Style | undefined = above.length >= 2 ? above[above.length - 2] : above[0];

  const drafts = draftTasks(outline.items, style, partStyle, sectionStyle);
  if (drafts.tasks.length === 0) {
    throw new CatalogParseError('文件中没有找到编号的任务（如“1.”“（一）”），不像是重点任务文件。');
  }
  const title = documentTitle(outline.preamble) || '重点任务';
  const year = options.year ?? yearOf(title, outline.preamble, drafts, doubts);
  // A plan of several years (三年行动计划（2023—2025年）): a target without a time of its own is for
  // the plan's last year, not its first.
  const span = /((?:19|20)\d{2})\s*年?\s*[—\-－–~～至到]\s*((?:19|20)\d{2})\s*年/.exec(title);
  const planEnd = span && Number(span[2]) > year ? `${span[2]}-12-31` : undefined;

  // Departments, with the document's own rule for who leads.
  let firstLeads = /(?:列|排)(?:在)?(?:第一位|首位)的?(?:者|部门|单位)?(?:为|是)牵头/.test(outline.preamble);
  const seqs = sequenceNumbers(drafts.tasks, drafts.skipped, doubts);
  const tasks: Task[] = [];
  const previousTasks = new Map((options.previous?.tasks ?? []).map((t) => [t.seq, t]));
  drafts.tasks.forEach((draft, index) => {
    const seq = seqs[index] ?? index + 1;
    const groups = draft.responsibilities.map((r) => parseResponsibility(r.inner));
    if (groups.some((g) => g.firstLeads)) firstLeads = true;
    const merged = mergeGroups(groups, firstLeads);
    if (merged.departments.length === 0) {
      doubts.push({
        kind: 'department',
        seq,
        message: `第${seq}项任务没有找到责任单位，请补上`,
        source: draft.body.slice(0, 80),
      });
    }
    const defaultDeadline = (merged.deadline ? deadlineOfField(merged.deadline, year) : undefined) ?? planEnd;
    const read = readTargetsWithDoubts(draft.body, year, defaultDeadline);
    for (const source of read.unread)
      doubts.push({ kind: 'number', seq, message: `第${seq}项任务中有一个数字没有读懂（没有单位）`, source });
    const targets = read.targets.length > 0 ? read.targets : [milestoneOf(draft.body, year, defaultDeadline)];
    const codes = assignCodes(`${year}-T${seq}`, targets, previousTasks.get(seq)?.indicators);
    reportDropped(codes.dropped, seq, doubts);
    tasks.push({
      seq,
      part: draft.part,
      section: draft.section,
      text: draft.body,
      departments: merged.departments,
      departmentMode: merged.mode,
      lead: merged.lead,
      indicators: codes.indicators,
    });
  });

  // 今年全省就业工作的主要目标是：城镇新增就业20万人以上… in the preface, before 一、: the goals.
  const prefaceGoal = drafts.goals.length === 0 ? goalsOfPreface(outline.preamble, year, planEnd) : undefined;
  if (prefaceGoal) drafts.goals.push(prefaceGoal);
  const previousGoals = new Map((options.previous?.goals ?? []).map((g) => [g.no, g]));
  const goals: Goal[] = drafts.goals.map((g) => {
    const read = readTargetsWithDoubts(g.text, year, planEnd);
    const codes = assignCodes(`${year}-G${g.no}`, read.targets, previousGoals.get(g.no)?.indicators);
    reportDropped(codes.dropped, null, doubts);
    return { no: g.no, title: g.title, text: g.text, indicators: codes.indicators };
  });

  const catalog: Catalog = {
    document: { id: options.id ?? `document-${year}`, title, year },
    parts: drafts.parts,
    sections: drafts.sections,
    tasks,
  };
  if (goals.length > 0) catalog.goals = goals;
  return { catalog, doubts };
}

interface DraftTask {
  /** The number as printed. */
  printed: number;
  gap: boolean;
  part: number;
  section: number;
  body: string;
  responsibilities: Found[];
}

interface Drafts {
  parts: Part[];
  sections: Section[];
  tasks: DraftTask[];
  goals: { no: number; title: string; text: string }[];
  /** Numbers of task-level items that are no tasks (principles, goals, closing words). */
  skipped: Set<number>;
}

/** Walks the outline: headings become parts and sections, task-level items tasks, goal paragraphs goals. */
function draftTasks(items: Item[], style: Style, partStyle?: Style, sectionStyle?: Style): Drafts {
  const drafts: Drafts = { parts: [], sections: [], tasks: [], goals: [], skipped: new Set() };
  const consumed = new Set<Item>();
  const taskItems = items.filter((i) => i.style === style);
  const leading = leadingFields(items, taskItems);
  let part: Item | undefined;
  let section: Item | undefined;
  let sectionDefault: Found[] = [];
  const partNo = new Map<Item, number>();
  const sectionNo = new Map<Item, number>();
  const printedParts = new Set<number>();

  const goal = (item: Item) => {
    const title = headingOf(item);
    const full = fullText(item);
    // Without the departments it may name: the goal's text is its targets.
    const statements = findResponsibilities(full).filter((f) => f.kind === 'paren');
    let own = full;
    for (const f of [...statements].reverse()) own = own.slice(0, f.start) + own.slice(f.end);
    const text = own
      .replace(new RegExp(`^${escapeRegExp(title)}[。：:；;，,]?`), '')
      .replace(/\n/g, '')
      .trim();
    const used = new Set(drafts.goals.map((g) => g.no));
    drafts.goals.push({ no: used.has(item.no) ? drafts.goals.length + 1 : item.no, title, text });
    if (item.style === style) drafts.skipped.add(item.no);
    for (const d of [item, ...descendants(item)]) consumed.add(d);
  };

  const attachmentPart = (of: Item, title: string): Item => ({
    ...of,
    marker: '',
    content: title,
    children: [],
    no: 0,
  });
  items.forEach((item, index) => {
    // An attachment that starts after a task or a section's text: what follows is in its part.
    const previous = items[index - 1];
    const attached = previous && previous.style !== partStyle ? attachmentTitle(previous.content) : undefined;
    if (attached && part) {
      part = attachmentPart(part, attached);
      section = undefined;
    }
    if (consumed.has(item)) return;
    const heading = headingOf(item);
    const isTaskLevel = item.style === style;
    const aboveTask = rank(item.style) < rank(style);
    const ownResponsibility = findResponsibilities(fullText(item)).length > 0;
    if (
      (isTaskLevel || aboveTask) &&
      GOAL_TITLE.test(heading) &&
      // A goals part may name who answers for them (…（省发展改革委牵头）): still goals, not a task.
      (aboveTask || !ownResponsibility) &&
      !hasTask(item, style)
    ) {
      goal(item);
      return;
    }
    if (item.style === partStyle) {
      // 附件 / XX市2023年十件民生实事任务分解表 ending the notice's last point: the tasks that follow
      // are the attachment's, in a part of its own (the notice's points hold none).
      const attachment = attachmentTitle(item.content);
      part = attachment ? attachmentPart(item, attachment) : item;
      section = undefined;
      sectionDefault = headingStatements(item.content, leading);
      // A 总体要求 part with its goals in running text and no numbered goal item.
      if (PREAMBLE_TITLE.test(heading) && item.children.length === 0 && /目标/.test(item.content)) goal(item);
      return;
    }
    if (item.style === sectionStyle) {
      section = item;
      sectionDefault = headingStatements(item.content, leading);
      return;
    }
    if (!isTaskLevel) return;
    drafts.skipped.add(item.no);
    if (inPreamblePart(item) || /^(?:指导思想|基本原则|工作原则|总体要求|总体思路|重要意义)/.test(heading)) {
      if (!ownResponsibility) return;
    }
    let text = fullText(item);
    let found = findResponsibilities(text);
    if (leading) {
      // 责任单位 lines stand before their task: the block ending this task's text is the next one's.
      const own = trailingBlock(text, found);
      if (own) {
        text = text.slice(0, own.start);
        found = found.filter((f) => f !== own);
      }
      const before = items[index - 1];
      const given = before ? trailingBlock(before.content, findResponsibilities(before.content)) : undefined;
      if (given && !found.some((f) => f.kind === 'fields'))
        found = [...found, { ...given, start: text.length, end: text.length }];
    }
    const closingPart = part !== undefined && CLOSING_TITLE.test(headingOf(part));
    if (found.length === 0 && closingPart) return;
    if (found.length === 0 && sectionDefault.length > 0)
      found = sectionDefault.map((f) => ({ ...f, start: text.length, end: text.length }));
    const nextTask = taskItems[taskItems.indexOf(item) + 1];
    const lastInGroup = !nextTask || nearestAbove(nextTask, style) !== nearestAbove(item, style);
    const body = bodyOf(text, found, lastInGroup);
    if (body === '') return;

    let partNumber = 0;
    if (part) {
      if (!partNo.has(part)) {
        // An attachment's part (no 0) is numbered after the parts before it.
        const next = printedParts.size === 0 ? 1 : Math.max(...printedParts) + 1;
        const no = part.no === 0 || printedParts.has(part.no) ? next : part.no;
        printedParts.add(no);
        partNo.set(part, no);
        drafts.parts.push({ no, title: titleOf(part) });
      }
      partNumber = partNo.get(part) ?? 0;
    }
    let sectionNumber = 0;
    if (section && (!part || nearestOfStyle(section, partStyle) === part || !partStyle)) {
      if (!sectionNo.has(section)) {
        const no = drafts.sections.length + 1;
        sectionNo.set(section, no);
        drafts.sections.push({ no, part: partNumber, title: titleOf(section) });
      }
      sectionNumber = sectionNo.get(section) ?? 0;
    }
    drafts.skipped.delete(item.no);
    drafts.tasks.push({
      printed: item.no,
      gap: item.gap,
      part: partNumber,
      section: sectionNumber,
      body,
      responsibilities: found,
    });
  });
  // Tasks with no part above them (a 工作要点 of 一、…十五、): one part holds them all.
  if (drafts.tasks.some((t) => t.part === 0)) {
    const first = drafts.parts[0]?.no;
    if (first === undefined) {
      drafts.parts.unshift({ no: 1, title: '重点任务' });
      for (const t of drafts.tasks) t.part = 1;
      for (const s of drafts.sections) if (s.part === 0) s.part = 1;
    } else {
      for (const t of drafts.tasks) if (t.part === 0) t.part = first;
      for (const s of drafts.sections) if (s.part === 0) s.part = first;
    }
  }
  return drafts;
}

/** A paragraph of the preface that states the year's goals with figures in it, as goal 1. */
function goalsOfPreface(
  preamble: string,
  year: number,
  planEnd: string | undefined,
): { no: number; title: string; text: string } | undefined {
  const m = /(?:主要|工作|发展|预期|总体|主要预期)?目标(?:(?:是|为)[:：]?|[:：])\s*([^\n]+)/.exec(preamble);
  const text = m?.[1]?.trim();
  if (!text || readTargetsWithDoubts(text, year, planEnd).targets.length === 0) return undefined;
  return { no: 1, title: '主要目标', text };
}

/** The title of an attachment that starts inside a text (a line 附件, 附件2 or 附表1, then its title). */
function attachmentTitle(text: string): string | undefined {
  const m =
    /\n[ \t\u3000]*附[件表][ \t\u3000]*\d*[ \t\u3000：:]*(?:\n((?:[ \t\u3000]*\n)*)[ \t\u3000]*)?([^\n]{4,80})/.exec(
      text,
    );
  return m?.[2]?.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hasTask(item: Item, style: Style): boolean {
  return descendants(item).some((d) => d.style === style && findResponsibilities(fullText(d)).length > 0);
}

function nearestAbove(item: Item, style: Style): Item | undefined {
  for (let p = item.parent; p; p = p.parent) if (rank(p.style) < rank(style)) return p;
  return undefined;
}

function nearestOfStyle(item: Item, style: Style | undefined): Item | undefined {
  for (let p = item.parent; p; p = p.parent) if (p.style === style) return p;
  return undefined;
}

/** A field block that ends the text (责任单位：… as its last lines), not one that opens it. */
function trailingBlock(text: string, found: Found[]): Found | undefined {
  const last = found[found.length - 1];
  if (last?.kind !== 'fields') return undefined;
  if (text.slice(0, last.start).trim() === '') return undefined;
  return text.slice(last.end).trim() === '' ? last : undefined;
}

/**
 * Field lines under a heading, or its own statement （推进高速公路建设（市交通运输局牵头，…））: they give
 * the department of the tasks under it that name none.
 */
function headingStatements(content: string, leading: boolean): Found[] {
  if (leading) return [];
  const found = findResponsibilities(content);
  const fields = found.filter((f) => f.kind === 'fields');
  return fields.length > 0 ? fields : found.filter((f) => f.kind === 'paren');
}

/** A heading without the statement of who is responsible that it may carry. */
function titleOf(item: Item): string {
  const heading = headingOf(item);
  const statement = findResponsibilities(heading).find((f) => f.kind === 'paren');
  return statement ? (heading.slice(0, statement.start) + heading.slice(statement.end)).trim() : heading;
}

/**
 * Whether 责任单位 lines stand before their tasks: the first task's comes under the heading above
 * it, and the last task's text does not end with one.
 */
function leadingFields(items: Item[], taskItems: Item[]): boolean {
  const first = taskItems[0];
  const lastTask = taskItems[taskItems.length - 1];
  if (!first || !lastTask) return false;
  const before = items[items.indexOf(first) - 1];
  if (!before) return false;
  const head =
    trailingBlock(before.content, findResponsibilities(before.content)) ??
    (before.content.trim() !== '' &&
    findResponsibilities(before.content).some((f) => f.kind === 'fields' && f.start === 0) &&
    headingOf(before) === ''
      ? findResponsibilities(before.content)[0]
      : undefined);
  if (!head) return false;
  const lastText = fullText(lastTask);
  if (trailingBlock(lastText, findResponsibilities(lastText))) return false;
  // Before each task, not once under a heading for the tasks below it (责任单位：… under 一、).
  const preceded = taskItems.filter((t) => {
    const above = items[items.indexOf(t) - 1];
    return (
      above !== undefined && trailingBlock(above.content, findResponsibilities(above.content)) !== undefined
    );
  });
  return preceded.length * 2 > taskItems.length;
}

/**
 * The task's text without its department statement: the closing parenthetical and field blocks
 * are taken out; text after the last statement is dropped when it stands on lines of its own, or
 * closes the last task of a part (a closing paragraph), and kept when the task runs on.
 */
function bodyOf(text: string, found: Found[], lastInGroup: boolean): string {
  let body = text;
  const fields = found.filter((f) => f.kind === 'fields' && f.end <= text.length && f.end > f.start);
  for (const f of [...fields].reverse()) {
    // A block after the text ends the task: what follows it is a closing paragraph.
    const opening = text.slice(0, f.start).trim() === '';
    body = opening ? body.slice(0, f.start) + body.slice(f.end) : body.slice(0, f.start);
  }
  const parens = findResponsibilities(body).filter((f) => f.kind === 'paren');
  const last = parens[parens.length - 1];
  if (last) {
    const after = body.slice(last.end);
    // Sub-items on their own lines ((1)…, ①…) after the departments are still the task's, and so is
    // a 专栏 box of its targets (专栏1 先进制造业集群培育工程 / 新能源汽车：整车产量达到30万辆。).
    const subItems = /^\n[\s\u3000]*(?:[（(]\d{1,2}[)）]|[①-⑳]|\d{1,2}[)）]|专栏\s*\d*)/.test(after);
    const runsOn = after.trim() !== '' && ((!after.startsWith('\n') && !lastInGroup) || subItems);
    body = runsOn ? body.slice(0, last.start) + after : body.slice(0, last.start);
  } else if (fields.length === 0) {
    // No statement at all: stop at a signature, a date line or an attachment note.
    const stop = body.search(
      /\n(?:附件|附表|抄送|印发|[\u4e00-\u9fa5]{2,24}(?:人民政府|办公厅|办公室|委员会)\n|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)/,
    );
    if (stop >= 0) body = body.slice(0, stop);
  }
  return (
    body
      // A 专栏 box's title line stands apart from the targets under it.
      .replace(/(\n[ \t\u3000]*专栏[^\n]*?)[ \t\u3000]*(?=\n)/g, (line) =>
        /[：:。]$/.test(line) ? line : `${line}：`,
      )
      .replace(/\n/g, '')
      .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
      .replace(/[，,；;、]$/, '')
  );
}

/** One task's department statements, read together: several groups, or one. */
function mergeGroups(groups: Responsibility[], firstLeads: boolean): Responsibility {
  const departments = [...new Set(groups.flatMap((g) => g.departments))];
  const deadline = groups.find((g) => g.deadline)?.deadline;
  if (groups.length === 1 && groups[0]) {
    const only = groups[0];
    return {
      ...only,
      lead: firstLeads ? (departments[0] ?? null) : only.lead,
      ...(deadline ? { deadline } : {}),
    };
  }
  // Several clauses, each with its own （…负责）: each group for its own part of the task.
  const mode = groups.length > 1 ? 'separate' : 'sole';
  const lead = firstLeads
    ? (departments[0] ?? null)
    : departments.length === 1
      ? (departments[0] ?? null)
      : null;
  return { departments, mode, lead, ...(deadline ? { deadline } : {}) };
}

/**
 * Task numbers: as printed while they run on through the document (（三） → 3); when they start
 * again in each part, numbered on through the document instead, so that codes stay unique.
 */
function sequenceNumbers(tasks: DraftTask[], skipped: Set<number>, doubts: Doubt[]): number[] {
  const printed = tasks.map((t) => t.printed);
  const increasing = printed.every((n, i) => i === 0 || n > (printed[i - 1] ?? 0));
  if (!increasing) {
    doubts.push({
      kind: 'numbering',
      seq: null,
      message: '任务编号在文中重新开始或重复，已按出现顺序重新编号（1、2、3…）',
      source: printed.join(' '),
    });
    return tasks.map((_, i) => i + 1);
  }
  tasks.forEach((t, i) => {
    const from = printed[i - 1] ?? 0;
    const missing = Array.from({ length: Math.max(0, t.printed - from - 1) }, (_, k) => from + k + 1);
    if (i > 0 && missing.some((n) => !skipped.has(n))) {
      doubts.push({
        kind: 'numbering',
        seq: t.printed,
        message: `任务编号从${printed[i - 1]}跳到了${t.printed}，请核对是否漏了任务`,
        source: t.body.slice(0, 40),
      });
    }
  });
  return printed;
}

function yearOf(title: string, preamble: string, drafts: Drafts, doubts: Doubt[]): number {
  const body = [...drafts.tasks.map((t) => t.body), ...drafts.goals.map((g) => g.text)].join('\n');
  const found = findYear(title, preamble, body);
  if (found?.from === 'deadlines') {
    doubts.push({
      kind: 'year',
      seq: null,
      message: `标题、文号和成文日期中都没有年份，按文中最常出现的年份定为${found.year}年，请核对（可用 --year 指定）`,
      source: found.source,
    });
  }
  if (found) return found.year;
  const year = new Date().getFullYear();
  doubts.push({
    kind: 'year',
    seq: null,
    message: `文中没有任何年份，暂按${year}年，请用 --year 指定`,
    source: title,
  });
  return year;
}

function reportDropped(dropped: Indicator[], seq: number | null, doubts: Doubt[]): void {
  for (const d of dropped) {
    doubts.push({
      kind: 'previous',
      seq,
      message: `已审核目录中的指标 ${d.code}（${d.name}）这次没有读出；若确实不再需要，载入时将被停用`,
      source: d.source,
    });
  }
}

/** A task with no target of its own is still tracked, as a milestone done or not by its deadline. */
function milestoneOf(text: string, year: number, deadline?: string): Target {
  // The first deadline the task names (到2028年，基本实现…), else the document's.
  const named = text
    .split(/[。；;，,]/)
    .map((clause) => deadlineIn(clause, year))
    .find((d) => d !== undefined);
  return {
    name: milestoneName(text, year),
    value: null,
    unit: null,
    comparator: '=',
    deadline: named ?? deadline ?? `${year}-12-31`,
    kind: 'milestone',
    recurrence: null,
    // The source keeps the document's own punctuation.
    source: (text.split(/[。；;]/)[0] ?? text).trim(),
  };
}

/** Refuses empty and binary input before trying to read structure from it. */
function checkText(text: string): void {
  if (text.trim() === '') throw new CatalogParseError('文件是空的。');
  const sample = text.slice(0, 4096);
  let control = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    // NUL and other C0 controls (tab and line ends excepted), or U+FFFD left by a wrong decoding.
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) control += 1;
  }
  if (control > 0 && control / sample.length > 0.01) {
    throw new CatalogParseError('这不是文本文件（含有二进制内容），请提供 UTF-8 编码的 .txt 文件。');
  }
  // A document in another language (or a wrongly decoded one) has few Chinese characters in it.
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (han < 5 || han < letters * 0.3) {
    throw new CatalogParseError(
      `文件中几乎没有中文（${han} 个汉字），不像是中文的重点任务文件；如果是乱码，请另存为 UTF-8 编码后再试。`,
    );
  }
}
