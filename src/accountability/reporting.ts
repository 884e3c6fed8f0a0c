/**
 * The reporting calendar (报送要求) and the data-gap grid (催报): when each indicator's figure is
 * due, which department owes which month, and since when. The rule for each period is SQL
 * (sql/queries/reporting/grid.sql, one query); rules are set by administrators per indicator or
 * per department, appended, the latest in force.
 */
import type { AsOf } from '../analytics/indicators.js';
import type { Actor } from '../auth/roles.js';
import { type DocumentTree, findIndicator, resolveDepartment } from '../catalog/read.js';
import { DomainError, InvalidError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { beijingDay } from '../time.js';

export const FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'annual', 'once'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_NAMES: Record<Frequency, string> = {
  monthly: '每月',
  quarterly: '每季度',
  'half-yearly': '每半年',
  annual: '每年',
  once: '一次（完成时限所在月）',
};

/** The day of the month after the period a figure is due, unless a rule says otherwise. */
export const DEFAULT_DUE_DAY = 10;

export const REPORT_STATES = ['reported', 'late', 'missing', 'not_due'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const STATE_NAMES: Record<ReportState, string> = {
  reported: '已报送',
  late: '逾期未报',
  missing: '缺报',
  not_due: '未到期',
};

/** What the states mean, as the page and the README say it. */
export const STATE_RULE = [
  `应报期：按报送要求（指标的，或其牵头单位的；默认每月报送，节点任务在完成时限所在月报送一次），截止日为统计期次月 ${DEFAULT_DUE_DAY} 日（可按指标或单位调整）。以全省数值为准，由牵头单位（任务中第一个责任单位）报送。`,
  '已报送：该统计期的数值已提交（待审核的也算已报送），日期为首次提交的时间。',
  '未到期：尚未报送，截止日还没过。',
  '逾期未报：截止日已过，且此后各期也都没有报送——该单位报送落后了，需要催报。',
  '缺报：截止日已过，但之后的统计期已经报送——这一期被跳过，数据序列有缺口。',
  '无需报送：该单位该月没有应报的指标（如按季度报送的指标在非季末月）。',
];

/** One period an indicator owes, and what became of it. */
export interface ReportingRow {
  department: string;
  code: string;
  name: string;
  kind: string;
  task_seq: number;
  frequency: Frequency;
  due_day: number;
  rule_from: 'indicator' | 'department' | 'default';
  /** Month end, YYYY-MM-DD. */
  period: string;
  /** The day it was due, YYYY-MM-DD. */
  due: string;
  state: ReportState;
  /** When a value for the period first came in; null while none has. */
  reported_at: Date | null;
  /** The latest period anything came in for. */
  last_period: string | null;
  days_overdue: number | null;
}

/** One owed figure for the 催报 list: an indicator and every period it is overdue for. */
export interface OwedItem {
  department: string;
  code: string;
  name: string;
  task_seq: number;
  periods: string[];
  /** The earliest due day passed without a report. */
  since: string;
  days_overdue: number;
  last_period: string | null;
  states: ReportState[];
}

/** Department × month: what the department's cell says for each month of the year to the as-of month. */
export interface GridCell {
  period: string;
  state: ReportState | 'none';
  owed: number;
  reported: number;
  /** When the month's last figure came in, when all have. */
  reported_at: Date | null;
}

export interface ReportingView {
  asof: string;
  /** The day the due dates are judged against. */
  ref: string;
  rows: ReportingRow[];
  owed: OwedItem[];
  grid: { department: string; cells: GridCell[] }[];
}

/**
 * The reporting calendar of a document as of a month: every owed period with its state, the 催报
 * list, and the department × month grid; `department` narrows it to one lead department.
 */
export async function reportingView(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  department?: string,
): Promise<ReportingView> {
  const today = beijingDay(asOf.known);
  // The earlier of the two days (ISO dates sort as text).
  const [ref = asOf.period] = [today, asOf.period].sort();
  const all = await store.all<ReportingRow>('reporting/grid', {
    document: tree.document.id,
    year: tree.document.year,
    asof: asOf.period,
    ref,
    known: asOf.known.toISOString(),
    default_day: DEFAULT_DUE_DAY,
  });
  const order = new Map(tree.departments.map((d, i) => [d.name, i]));
  const rows = all
    .filter((r) => !department || r.department === department)
    .sort((a, b) => (order.get(a.department) ?? 999) - (order.get(b.department) ?? 999));
  return { asof: asOf.period, ref, rows, owed: owedItems(rows), grid: grid(rows, tree.document.year, asOf) };
}

/** The 催报 list: each indicator with the periods it is overdue for, the longest overdue first. */
export function owedItems(rows: ReportingRow[]): OwedItem[] {
  const items = new Map<string, OwedItem>();
  for (const r of rows) {
    if (r.state !== 'late' && r.state !== 'missing') continue;
    const item = items.get(r.code) ?? {
      department: r.department,
      code: r.code,
      name: r.name,
      task_seq: r.task_seq,
      periods: [],
      since: r.due,
      days_overdue: r.days_overdue ?? 0,
      last_period: r.last_period,
      states: [],
    };
    item.periods.push(r.period);
    if (!item.states.includes(r.state)) item.states.push(r.state);
    if (r.due < item.since) {
      item.since = r.due;
      item.days_overdue = r.days_overdue ?? item.days_overdue;
    }
    items.set(r.code, item);
  }
  return [...items.values()].sort((a, b) => b.days_overdue - a.days_overdue || a.task_seq - b.task_seq);
}

function grid(rows: ReportingRow[], year: number, asOf: AsOf) {
  const last = Number(asOf.period.slice(0, 4)) > year ? 12 : Number(asOf.period.slice(5, 7));
  const months = Array.from({ length: last }, (_, i) => {
    const m = i + 1;
    return `${year}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
  });
  const departments = [...new Set(rows.map((r) => r.department))];
  return departments.map((department) => ({
    department,
    cells: months.map((period): GridCell => {
      const here = rows.filter((r) => r.department === department && r.period === period);
      const reported = here.filter((r) => r.state === 'reported');
      const state: GridCell['state'] =
        here.length === 0
          ? 'none'
          : here.some((r) => r.state === 'late')
            ? 'late'
            : here.some((r) => r.state === 'missing')
              ? 'missing'
              : reported.length === here.length
                ? 'reported'
                : 'not_due';
      const times = reported.map((r) => r.reported_at).filter((t): t is Date => t !== null);
      return {
        period,
        state,
        owed: here.length,
        reported: reported.length,
        reported_at:
          reported.length === here.length && times.length > 0
            ? new Date(Math.max(...times.map((t) => t.getTime())))
            : null,
      };
    }),
  }));
}

export interface RuleRow {
  id: number;
  indicator_code: string | null;
  department: string | null;
  frequency: Frequency;
  due_day: number;
  reason: string | null;
  set_by: string;
  set_at: Date;
  in_force: boolean;
}

export const listRules = (store: Store) => store.all<RuleRow>('reporting/rules');

export interface NewRule {
  /** An indicator code, or a department (full or short name): exactly one. */
  code?: string | undefined;
  department?: string | undefined;
  frequency: Frequency;
  dueDay: number;
  reason?: string | undefined;
}

/** Sets (appends) a reporting rule for an indicator or a department, with its audit event. */
export async function setReportingRule(store: Store, actor: Actor, input: NewRule): Promise<number> {
  if (actor.role !== 'admin') throw new DomainError(403, '报送要求只有管理员可以设置。');
  if (!!input.code === !!input.department) throw new InvalidError('请填写指标编码或选择责任单位（二选一）。');
  if (!FREQUENCIES.includes(input.frequency)) throw new InvalidError('报送频率无效');
  if (!Number.isInteger(input.dueDay) || input.dueDay < 1 || input.dueDay > 28) {
    throw new InvalidError('截止日应为 1 到 28 之间的整数（统计期次月的第几日）。');
  }
  const code = input.code ? (await findIndicator(store, input.code)).code : null;
  const department = input.department ? await resolveDepartment(store, input.department) : null;
  return store.write(async (tx) => {
    const [row] = await tx.all<{ id: number }>('reporting/insert_rule', {
      code,
      department,
      frequency: input.frequency,
      due_day: input.dueDay,
      reason: input.reason?.trim() || null,
      by: actor.username,
    });
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, actor, {
      action: 'reporting.rule',
      target: code ? `indicator:${code}` : `department:${department}`,
      detail: {
        rule: row?.id,
        frequency: input.frequency,
        due_day: input.dueDay,
        reason: input.reason ?? null,
      },
    });
    return row?.id ?? 0;
  });
}

/** The rule in force for one indicator, as the indicator page states it. */
export function ruleText(row: Pick<ReportingRow, 'frequency' | 'due_day'>): string {
  return row.frequency === 'once'
    ? `一次：完成时限所在月，次月 ${row.due_day} 日前报送`
    : `${FREQUENCY_NAMES[row.frequency]}报送，统计期次月 ${row.due_day} 日前`;
}

/**
 * The rule in force for one indicator (its own, its lead department's, or the default); null for a
 * goal's indicator (发展目标), which no department reports.
 */
export async function indicatorRule(
  store: Store,
  code: string,
): Promise<{
  frequency: Frequency;
  due_day: number;
  rule_from: ReportingRow['rule_from'];
  department: string;
} | null> {
  const row = await store.one<{
    frequency: Frequency;
    due_day: number;
    rule_from: ReportingRow['rule_from'];
    department: string;
  }>('reporting/indicator_rule', { code, default_day: DEFAULT_DUE_DAY });
  return row ?? null;
}
