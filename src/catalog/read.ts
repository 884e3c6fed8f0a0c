import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { Comparator, DepartmentMode, IndicatorKind, Recurrence } from './types.js';

export interface DocumentRow {
  id: string;
  title: string;
  year: number;
  /** The last year it covers: its own, or its latest deadline (a five-year plan's 2025). */
  last_year: number;
  tasks: number;
  indicators: number;
}

export interface IndicatorRow {
  code: string;
  /** The task it belongs to; null for a goal's indicator. */
  task_seq: number | null;
  /** The goal paragraph it belongs to; null for a task's indicator. */
  goal_no: number | null;
  name: string;
  target: number | null;
  unit: string | null;
  comparator: Comparator;
  deadline: string;
  kind: IndicatorKind;
  /** 'annual': repeated each year (每年); null: once. */
  recurrence: Recurrence | null;
  source: string;
}

export interface TaskView {
  seq: number;
  part: number;
  section: number;
  text: string;
  mode: DepartmentMode;
  departments: string[];
  /** The lead department (列第一位者为牵头单位), when the document names one. */
  lead: string | null;
  indicators: IndicatorRow[];
}

/** A goal paragraph of the document (发展目标): no department, its own indicators. */
export interface GoalView {
  no: number;
  title: string;
  text: string;
  indicators: IndicatorRow[];
}

export interface SectionView {
  no: number;
  title: string;
  tasks: TaskView[];
}

export interface PartView {
  no: number;
  title: string;
  sections: SectionView[];
}

export interface DepartmentSummary {
  name: string;
  tasks: number;
  indicators: number;
}

/** A whole document as a tree: parts → sections → tasks → indicators. */
export interface DocumentTree {
  document: DocumentRow;
  parts: PartView[];
  goals: GoalView[];
  departments: DepartmentSummary[];
  counts: { parts: number; sections: number; tasks: number; departments: number; indicators: number };
}

export async function listDocuments(store: Store): Promise<DocumentRow[]> {
  return store.all<DocumentRow>('catalog/documents');
}

export async function readDocumentTree(store: Store, document: DocumentRow): Promise<DocumentTree> {
  const params = { id: document.id };
  const [parts, sections, tasks, indicators, departments, goals] = await Promise.all([
    store.all<{ no: number; title: string }>('catalog/parts', params),
    store.all<{ no: number; part_no: number; title: string }>('catalog/sections', params),
    store.all<{
      seq: number;
      part_no: number;
      section_no: number;
      text: string;
      department_mode: DepartmentMode;
      lead: string | null;
      departments: string[];
    }>('catalog/tasks', params),
    store.all<IndicatorRow>('catalog/indicators', params),
    store.all<DepartmentSummary>('catalog/department_names', params),
    store.all<{ no: number; title: string; text: string }>('catalog/goals', params),
  ]);

  const indicatorsByTask = groupBy(indicators, (i) => i.task_seq);
  const indicatorsByGoal = groupBy(indicators, (i) => i.goal_no);
  const taskViews: TaskView[] = tasks.map((t) => ({
    seq: t.seq,
    part: t.part_no,
    section: t.section_no,
    text: t.text,
    mode: t.department_mode,
    departments: t.departments,
    lead: t.lead,
    indicators: indicatorsByTask.get(t.seq) ?? [],
  }));
  const tasksBySection = groupBy(taskViews, (t) => `${t.part}:${t.section}`);
  const partViews: PartView[] = parts.map((p) => {
    const own = sections.filter((s) => s.part_no === p.no).map((s) => ({ no: s.no, title: s.title }));
    // Tasks placed directly under a part, before its first section, get an untitled section 0.
    if (tasksBySection.has(`${p.no}:0`)) own.unshift({ no: 0, title: '' });
    return {
      no: p.no,
      title: p.title,
      sections: own.map((s) => ({ ...s, tasks: tasksBySection.get(`${p.no}:${s.no}`) ?? [] })),
    };
  });

  return {
    document,
    parts: partViews,
    goals: goals.map((g) => ({ ...g, indicators: indicatorsByGoal.get(g.no) ?? [] })),
    departments: departments.map(({ name, tasks, indicators }) => ({ name, tasks, indicators })),
    counts: {
      parts: parts.length,
      sections: sections.length,
      tasks: tasks.length,
      departments: departments.length,
      indicators: indicators.length,
    },
  };
}

/** One task with where it sits in the document and its neighbours; NotFoundError if there is no such task. */
export function findTask(
  tree: DocumentTree,
  seq: number,
): { part: PartView; section: SectionView; task: TaskView; previous?: number; next?: number } {
  const seqs = tree.parts.flatMap((p) => p.sections.flatMap((s) => s.tasks.map((t) => t.seq)));
  const at = seqs.indexOf(seq);
  for (const part of tree.parts) {
    for (const section of part.sections) {
      const task = section.tasks.find((t) => t.seq === seq);
      if (task) return { part, section, task, previous: seqs[at - 1], next: seqs[at + 1] };
    }
  }
  throw new NotFoundError(`${tree.document.title} 中没有第 ${seq} 项任务`);
}

/** The canonical name of a department, accepting the short forms in the alias table. */
export async function resolveDepartment(store: Store, name: string): Promise<string> {
  const row = await store.one<{ name: string | null }>('catalog/resolve_department', { name });
  if (!row?.name) throw new NotFoundError(`没有名为“${name}”的责任单位`);
  return row.name;
}

/** The tasks of a document that a department is responsible for, with their place in it. */
export function tasksOfDepartment(tree: DocumentTree, department: string) {
  return tree.parts.flatMap((part) =>
    part.sections.flatMap((section) =>
      section.tasks
        .filter((t) => t.departments.includes(department))
        .map((task) => ({ part, section, task })),
    ),
  );
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The indicators a document's overview leads with, as the reviewed catalogue chose them (may be none). */
export async function headlineCodes(store: Store, documentId: string): Promise<string[]> {
  return (
    (await store.one<{ headline: string[] | null }>('catalog/headline', { id: documentId }))?.headline ?? []
  );
}

/** An indicator as the catalogue holds it, retired or not (its history stays reachable by its code). */
export interface IndicatorRecord extends IndicatorRow {
  document_id: string;
  retired_at: Date | null;
}

/** One indicator by its code; NotFoundError when there is none. */
export async function findIndicator(store: Store, code: string): Promise<IndicatorRecord> {
  const indicator = await store.one<IndicatorRecord>('catalog/indicator_by_code', { code });
  if (!indicator) throw new NotFoundError(`指标编码不存在：${code}`);
  return indicator;
}
