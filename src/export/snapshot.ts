import type { RegionalRow } from '../analytics/dashboard.js';
import { STATUS_RULE } from '../analytics/thresholds.js';
import type { DocumentTree } from '../catalog/read.js';

/** One row of a snapshot: an indicator, where it sits, its target and its state as of the month. */
export interface SnapshotRow {
  code: string;
  region: string;
  name: string;
  part: string;
  section: string;
  /** Null for a goal's indicator. */
  task_seq: number | null;
  task_text: string;
  departments: string;
  kind: string;
  target: number | null;
  unit: string | null;
  comparator: string;
  deadline: string;
  actual: number | null;
  last_period: string | null;
  completion: number | null;
  pace: number;
  /** Null for a region's count without a target of its own (sql/macros/40_status.sql). */
  status: string | null;
  forecast: number | null;
  forecast_done: string | null;
}

export type ColumnType = 'string' | 'integer' | 'number' | 'ratio' | 'date';

/** The snapshot's columns, in order: key, Chinese header (CSV, XLSX) and type (Parquet, Arrow, XLSX formats). */
export const SNAPSHOT_COLUMNS: { key: keyof SnapshotRow; header: string; type: ColumnType }[] = [
  { key: 'code', header: '指标编码', type: 'string' },
  { key: 'region', header: '地区', type: 'string' },
  { key: 'name', header: '指标名称', type: 'string' },
  { key: 'part', header: '部分', type: 'string' },
  { key: 'section', header: '节', type: 'string' },
  { key: 'task_seq', header: '任务序号', type: 'integer' },
  { key: 'task_text', header: '任务内容', type: 'string' },
  { key: 'departments', header: '责任单位', type: 'string' },
  { key: 'kind', header: '指标类型', type: 'string' },
  { key: 'target', header: '目标值', type: 'number' },
  { key: 'unit', header: '单位', type: 'string' },
  { key: 'comparator', header: '比较方式', type: 'string' },
  { key: 'deadline', header: '完成时限', type: 'date' },
  { key: 'actual', header: '累计完成', type: 'number' },
  { key: 'last_period', header: '最近报送期', type: 'date' },
  { key: 'completion', header: '完成率', type: 'ratio' },
  { key: 'pace', header: '序时进度', type: 'ratio' },
  { key: 'status', header: '状态', type: 'string' },
  { key: 'forecast', header: '预测到期值', type: 'number' },
  { key: 'forecast_done', header: '预计完成月份', type: 'date' },
];

const KIND_NAMES: Record<string, string> = {
  count: '数量',
  level: '水平',
  coverage: '覆盖率',
  growth: '增长率',
  milestone: '节点',
};
const COMPARATOR_NAMES: Record<string, string> = { '>=': '不低于', '<=': '不超过', '=': '等于', '~': '约' };

/** Snapshot rows in a stable order (task, then position), so the same parameters give the same bytes. */
export function snapshotRows(tree: DocumentTree, rows: RegionalRow[], region = '全省'): SnapshotRow[] {
  const partTitle = new Map(tree.parts.map((p) => [p.no, p.title]));
  const sectionTitle = new Map(tree.parts.flatMap((p) => p.sections.map((s) => [s.no, s.title] as const)));
  const goalTitle = new Map(tree.goals.map((g) => [g.no, g.title]));
  const taskText = new Map(
    tree.parts.flatMap((p) => p.sections.flatMap((s) => s.tasks.map((t) => [t.seq, t.text] as const))),
  );
  return rows.map((r) => ({
    code: r.code,
    region,
    name: r.name,
    // A goal's indicator has no part, section or task: the goal's title stands in the part column.
    part: r.goal_no === null ? (partTitle.get(r.part) ?? '') : `发展目标：${goalTitle.get(r.goal_no) ?? ''}`,
    section: sectionTitle.get(r.section) ?? '',
    task_seq: r.task_seq,
    task_text: r.task_seq === null ? '' : (taskText.get(r.task_seq) ?? ''),
    departments: r.departments.join('、'),
    kind: KIND_NAMES[r.kind] ?? r.kind,
    target: r.target,
    unit: r.unit,
    comparator: COMPARATOR_NAMES[r.comparator] ?? r.comparator,
    deadline: r.deadline,
    actual: r.actual,
    last_period: r.last_period,
    completion: r.completion,
    pace: r.pace,
    status: r.status,
    forecast: r.forecast,
    forecast_done: r.forecast_done,
  }));
}

export interface SnapshotParams {
  document: string;
  asof: string;
  /** Set only when the user asked for a recording time; "now" is not written into the data. */
  known: string | null;
  region: string;
  /** One row per indicator and region (every region that reported) instead of one region. */
  byRegion: boolean;
  department: string | null;
  part: number | null;
  status: string | null;
}

/** The notes that travel with a snapshot: its parameters and the rule for status (no timestamps). */
export function snapshotNotes(params: SnapshotParams, dataVersion: number): [string, string][] {
  return [
    ['文件', params.document],
    ['统计截至', params.asof],
    ['记录时间', params.known ?? '下载时的最新数据'],
    ['地区', params.byRegion ? '各地区（每个指标每个地区一行）' : params.region],
    ['责任单位', params.department ?? '全部'],
    ['部分', params.part === null ? '全部' : String(params.part)],
    ['状态', params.status ?? '全部'],
    ['数据版本', String(dataVersion)],
    ['生成', '台账 taizhang'],
    ...STATUS_RULE.map((line, i): [string, string] => [i === 0 ? '状态规则' : '', line]),
  ];
}

/** Parameters for the filename: 2021-10-全省-快照.csv. */
export function snapshotFileName(params: SnapshotParams, extension: string): string {
  const parts = [
    params.asof.slice(0, 7),
    params.byRegion ? '分地区' : params.region,
    params.department,
    params.status,
  ].filter(Boolean);
  return `${parts.join('-')}-指标快照.${extension}`;
}
