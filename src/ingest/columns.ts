import type { Problem } from './problems.js';

/** What a column of an upload holds. */
export type Role =
  | 'indicator'
  | 'indicator_name'
  | 'period'
  | 'value'
  | 'region'
  | 'note'
  | 'basis'
  | 'status'
  | 'series';

/**
 * Header names people use for each role, in English or Chinese. Compared after removing spaces
 * and brackets' contents such as units: 累计完成（人） matches 累计完成.
 */
const ROLE_NAMES: Record<Role, string[]> = {
  indicator: ['指标编码', '指标代码', '编码', '代码', 'indicator', 'code', 'indicator_code', '指标'],
  indicator_name: ['指标名称', '名称', 'name', 'indicator_name'],
  period: ['统计期', '期间', '月份', '统计月份', '时间', '报告期', '统计时间', 'period', 'month', 'date'],
  value: [
    '数值',
    '累计完成',
    '完成值',
    '实际值',
    '累计值',
    '累计',
    '当月',
    '本月',
    '当月完成',
    '本月完成',
    'value',
    'actual',
  ],
  region: ['地区', '市州', '区域', '行政区划', 'region'],
  note: ['备注', '说明', '进展情况', '进展', 'note', 'progress'],
  basis: ['口径', '统计口径', '累计口径', 'basis'],
  status: ['状态', '进度状态', '完成状态', 'status'],
  series: ['类型', '数据类型', 'series'],
};

/** Columns people keep beside the data that carry nothing to import: skipped without a warning. */
const INFORMATIONAL_HEADERS = new Set(['单位', '计量单位', '序号', '责任单位', 'unit', 'no']);

/** Value headers that say the numbers are for the period only (当月), not year to date. */
const INCREMENT_HEADERS = new Set(['当月', '本月', '当月完成', '本月完成']);

export interface MonthColumn {
  index: number;
  name: string;
  /** null when the header gives only the month (1月): the indicator's year applies. */
  year: number | null;
  month: number;
}

export interface ColumnLayout {
  format: 'long' | 'wide';
  roles: Partial<Record<Role, { index: number; name: string }>>;
  months: MonthColumn[];
  /** Basis implied by the value column's header, if any. */
  headerBasis: 'increment' | 'cumulative' | null;
  problems: Problem[];
}

/** Recognises '1月', '01月', '2021-01', '2021/1', '2021年1月', '202101' as month columns. */
export function monthOfHeader(name: string): { year: number | null; month: number } | null {
  const text = normalise(name);
  let m = /^(\d{1,2})月(份)?$/.exec(text);
  if (m) return validMonth(null, Number(m[1]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (m) return validMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) return validMonth(Number(m[1]), Number(m[2]));
  return null;
}

function validMonth(year: number | null, month: number) {
  return month >= 1 && month <= 12 ? { year, month } : null;
}

/** Full-width to half-width, spaces and bracketed units removed, lower case. */
function normalise(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * Works out what each column holds: long format (one row per indicator, period, region) or wide
 * (one column per month). Problems name the column as written.
 */
export function layoutColumns(names: string[]): ColumnLayout {
  const roles: ColumnLayout['roles'] = {};
  const months: MonthColumn[] = [];
  const problems: Problem[] = [];
  const problem = (
    column: string | null,
    code: string,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ line: 1, column, severity, code, message, found: column });

  names.forEach((name, index) => {
    const key = normalise(name);
    const role = (Object.keys(ROLE_NAMES) as Role[]).find((r) => ROLE_NAMES[r].includes(key));
    const month = monthOfHeader(name);
    if (role) {
      const taken = roles[role];
      if (taken)
        problem(name, 'duplicate_column', `列“${taken.name}”和“${name}”表示同一内容，请只保留一列。`);
      else roles[role] = { index, name };
    } else if (month) {
      months.push({ index, name, ...month });
    } else if (name !== '' && !INFORMATIONAL_HEADERS.has(key)) {
      problem(name, 'unknown_column', `无法识别的列“${name}”，已忽略。`, 'warning');
    }
  });

  // A file with only a name column names its indicators by name.
  if (!roles.indicator && roles.indicator_name) {
    roles.indicator = roles.indicator_name;
    delete roles.indicator_name;
  }
  const format = months.length > 0 && !roles.period ? 'wide' : 'long';
  if (!roles.indicator) {
    problem(null, 'missing_column', '缺少指标列：表头中应有“指标编码”或“指标名称”。');
  }
  if (format === 'long') {
    if (months.length > 0)
      problem(null, 'mixed_layout', '表头中既有“统计期”列又有月份列（如“1月”），请只用一种格式。');
    if (!roles.period)
      problem(
        null,
        'missing_column',
        '缺少统计期列：表头中应有“统计期”（或“月份”），或每月一列（1月 … 12月）。',
      );
    if (!roles.value && !roles.status)
      problem(null, 'missing_column', '缺少数值列：表头中应有“数值”（或“累计完成”“完成值”）。');
  }
  const valueHeader = roles.value ? normalise(roles.value.name) : '';
  const headerBasis = INCREMENT_HEADERS.has(valueHeader)
    ? 'increment'
    : valueHeader.startsWith('累计')
      ? 'cumulative'
      : null;
  return { format, roles, months, headerBasis, problems };
}
