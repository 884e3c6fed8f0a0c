import { type DocumentTree, tasksOfDepartment } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { type AsOf, type IndicatorState, indicatorStates, indicatorStatesByRegion } from './indicators.js';
import { STATUSES, type Status } from './thresholds.js';

/** An indicator's state with where it sits in the document and who answers for it. */
export interface IndicatorRow<S extends Status | null = Status> extends IndicatorState<S> {
  part: number;
  section: number;
  departments: string[];
  source: string;
}

/** Status counts and mean completion of a group of indicators (a section, a part, a department…). */
export interface Rollup {
  key: string;
  label: string;
  counts: Record<Status, number>;
  /** Members with no status: a region's counts without a target of their own. */
  unjudged: number;
  total: number;
  /** Mean completion of the group's numeric indicators, each capped at 100%; null when none has a value. */
  meanCompletion: number | null;
}

export const ROLLUP_RULE =
  '汇总口径：各状态的指标个数；平均完成率为该组有数值的量化指标完成率的算术平均，单项超过 100% 按 100% 计；节点任务只计入状态。';

/** A region's row: no status where the region has no target of its own for a count. */
export type RegionalRow = IndicatorRow<Status | null>;

/** Every indicator's state for the province, joined with its place in the document. */
export async function indicatorRows(store: Store, tree: DocumentTree, asOf: AsOf): Promise<IndicatorRow[]> {
  return withTasks(tree, await indicatorStates(store, tree.document.id, asOf));
}

/** indicatorRows for each of `regions`, from one query. */
export async function indicatorRowsByRegion(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  regions: string[],
): Promise<Map<string, RegionalRow[]>> {
  const states = await indicatorStatesByRegion(store, tree.document.id, asOf, regions);
  return new Map([...states].map(([region, rows]) => [region, withTasks(tree, rows)]));
}

/** Each state with its task's place, departments and the target's source phrase (a goal's: no place, no department). */
function withTasks<S extends Status | null>(
  tree: DocumentTree,
  states: IndicatorState<S>[],
): IndicatorRow<S>[] {
  const tasks = new Map(
    tree.parts.flatMap((p) => p.sections.flatMap((s) => s.tasks.map((t) => [t.seq, t] as const))),
  );
  const goals = new Map(tree.goals.map((g) => [g.no, g]));
  return states.map((state) => {
    const task = state.task_seq === null ? undefined : tasks.get(state.task_seq);
    const owner = task ?? (state.goal_no === null ? undefined : goals.get(state.goal_no));
    const source = owner?.indicators.find((i) => i.code === state.code)?.source ?? '';
    return {
      ...state,
      part: task?.part ?? 0,
      section: task?.section ?? 0,
      departments: task?.departments ?? [],
      source,
    };
  });
}

/** Groups rows by a key (one row may belong to several groups, as a task to several departments). */
export function rollup<R extends RegionalRow>(
  rows: R[],
  keysOf: (row: R) => { key: string; label: string }[],
): Rollup[] {
  const groups = new Map<string, { label: string; rows: R[] }>();
  for (const row of rows) {
    for (const { key, label } of keysOf(row)) {
      const group = groups.get(key) ?? { label, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
  }
  return [...groups].map(([key, { label, rows: members }]) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    // A region's count without its own target is not judged: counted in total, in no status.
    let unjudged = 0;
    for (const r of members) {
      if (r.status === null) unjudged += 1;
      else counts[r.status] += 1;
    }
    const rated = members.filter((r) => r.kind !== 'milestone' && r.completion !== null);
    const meanCompletion = rated.length
      ? rated.reduce((sum, r) => sum + Math.min(r.completion ?? 0, 1), 0) / rated.length
      : null;
    return { key, label, counts, unjudged, total: members.length, meanCompletion };
  });
}

/** How far behind pace an indicator is (positive = behind); used to sort the small multiples. */
export function lag(row: IndicatorRow): number {
  if (row.completion === null) return Number.NEGATIVE_INFINITY;
  return row.pace - row.completion;
}

/** One department's page: its tasks, the state of each of their indicators, and its roll-up. */
/** Each indicator of one task as of a month: status, completion and pace for the task page. */
export async function taskStates(store: Store, tree: DocumentTree, asOf: AsOf, seq: number) {
  const rows = (await indicatorRows(store, tree, asOf)).filter((r) => r.task_seq === seq);
  return new Map(rows.map((r) => [r.code, r]));
}

/** Every department's status counts and mean completion as of a month, for the departments list. */
export async function departmentRollups(store: Store, tree: DocumentTree, asOf: AsOf) {
  const rows = await indicatorRows(store, tree, asOf);
  return new Map(
    rollup(rows, (r) => r.departments.map((d) => ({ key: d, label: d }))).map((r) => [r.key, r]),
  );
}

export async function departmentView(store: Store, tree: DocumentTree, asOf: AsOf, name: string) {
  const rows = (await indicatorRows(store, tree, asOf)).filter((r) => r.departments.includes(name));
  return {
    tasks: tasksOfDepartment(tree, name),
    states: new Map(rows.map((r) => [r.code, r])),
    summary: rollup(rows, () => [{ key: name, label: name }])[0],
  };
}
