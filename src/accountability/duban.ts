/**
 * The 督办清单: for each lead department (the first named of a task), its indicators that are
 * behind (滞后, 严重滞后) or not reported (未报送), and those past their deadline unmet, ranked by
 * the gap to pace (expected pace − completion, in points). Built from the indicator states of the
 * view (tz_indicator_status), so it shows the official figures unless the view counts pending ones.
 */
import { type IndicatorRow, indicatorRows } from '../analytics/dashboard.js';
import type { AsOf } from '../analytics/indicators.js';
import type { OverviewFilter } from '../analytics/overview.js';
import type { Status } from '../analytics/thresholds.js';
import type { DocumentTree } from '../catalog/read.js';
import type { Comparator } from '../catalog/types.js';
import type { Store } from '../store/store.js';

/** The statuses that put an indicator on the list. */
export const DUBAN_STATUSES: Status[] = ['严重滞后', '滞后', '未报送'];

export interface DubanRow {
  department: string;
  /** 1 = the department's most behind. */
  rank: number;
  /** Null for a goal's indicator (发展目标), which belongs to no task. */
  task_seq: number | null;
  task_text: string;
  code: string;
  name: string;
  kind: string;
  target: number | null;
  unit: string | null;
  comparator: Comparator;
  actual: number | null;
  milestone_status: string | null;
  completion: number | null;
  pace: number;
  /** pace − completion (a missing completion counts as 0): how far behind, as a ratio. */
  gap: number;
  deadline: string;
  /** The deadline has passed and the target is not met. */
  overdue: boolean;
  last_period: string | null;
  status: Status;
}

export interface DubanList {
  asof: string;
  document: { id: string; title: string; year: number };
  /** One block per lead department, the one with the largest gap first. */
  departments: { department: string; rows: DubanRow[] }[];
  rows: DubanRow[];
}

/** Whether an indicator belongs on the list. */
export function onDubanList(row: IndicatorRow, asof: string): boolean {
  const overdue = row.status !== '已完成' && row.deadline < asof;
  return DUBAN_STATUSES.includes(row.status) || overdue;
}

/** The 督办清单 of a view: the document as of its month, narrowed by lead department, part, status or kind. */
export async function dubanList(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  filter: OverviewFilter & { department?: string | undefined },
): Promise<DubanList> {
  const tasks = new Map(
    tree.parts.flatMap((p) => p.sections.flatMap((s) => s.tasks.map((t) => [t.seq, t] as const))),
  );
  // The lead: the one the document names (列第一位者为牵头单位), else the first named.
  const leadOf = (r: IndicatorRow) =>
    (r.task_seq === null ? null : tasks.get(r.task_seq)?.lead) ?? r.departments[0];
  const chosen = (await indicatorRows(store, tree, asOf)).filter(
    (r) =>
      onDubanList(r, asOf.period) &&
      (!filter.department || leadOf(r) === filter.department) &&
      (!filter.part || r.part === filter.part) &&
      (!filter.statuses?.length || filter.statuses.includes(r.status)) &&
      (!filter.kind || (r.kind === 'milestone') === (filter.kind === 'milestone')),
  );
  const groups = new Map<string, DubanRow[]>();
  for (const r of chosen) {
    const department = leadOf(r) ?? '（未列明）';
    const rows = groups.get(department) ?? [];
    rows.push({
      department,
      rank: 0,
      task_seq: r.task_seq,
      task_text: r.task_seq === null ? '' : (tasks.get(r.task_seq)?.text ?? ''),
      code: r.code,
      name: r.name,
      kind: r.kind,
      target: r.target,
      unit: r.unit,
      comparator: r.comparator,
      actual: r.actual,
      milestone_status: r.milestone_status,
      completion: r.completion,
      pace: r.pace,
      gap: Math.round((r.pace - (r.completion ?? 0)) * 10000) / 10000,
      deadline: r.deadline,
      overdue: r.status !== '已完成' && r.deadline < asOf.period,
      last_period: r.last_period,
      status: r.status,
    });
    groups.set(department, rows);
  }
  const order = new Map(tree.departments.map((d, i) => [d.name, i]));
  const departments = [...groups]
    .map(([department, rows]) => {
      rows.sort(
        (a, b) => b.gap - a.gap || (a.task_seq ?? 0) - (b.task_seq ?? 0) || a.code.localeCompare(b.code),
      );
      rows.forEach((row, i) => {
        row.rank = i + 1;
      });
      return { department, rows };
    })
    .sort(
      (a, b) =>
        (b.rows[0]?.gap ?? 0) - (a.rows[0]?.gap ?? 0) ||
        (order.get(a.department) ?? 999) - (order.get(b.department) ?? 999),
    );
  const { id, title, year } = tree.document;
  return {
    asof: asOf.period,
    document: { id, title, year },
    departments,
    rows: departments.flatMap((d) => d.rows),
  };
}
