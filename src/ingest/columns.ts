import { describePeriod, type PeriodPhrase, periodOfHeader, yearInText } from './periods.js';
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
  | 'series'
  /** The annual target as the sheet writes it: checked against the catalogue, never imported. */
  | 'target'
  /** The unit of each row's figures (万人, 个, %): 万 and 亿 scale the values. */
  | 'unit';

/**
 * Header names people use for each role, in English or Chinese. Compared after removing spaces
 * and brackets' contents such as units: 累计完成（人） matches 累计完成.
 */
const ROLE_NAMES: Record<Role, string[]> = {
  indicator: [
    '指标编码',
    '指标代码',
    '指标编号',
    '编码',
    '代码',
    'indicator',
    'code',
    'indicator_code',
    '指标',
  ],
  indicator_name: [
    '指标名称',
    '名称',
    '主要指标',
    '指标项',
    '指标项目',
    '考核指标',
    '任务指标',
    '目标指标',
    '指标内容',
    '项目',
    'name',
    'indicator_name',
  ],
  period: [
    '统计期',
    '期间',
    '月份',
    '统计月份',
    '时间',
    '报告期',
    '统计时间',
    '统计期间',
    'period',
    'month',
    'date',
  ],
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
    '完成',
    '完成数',
    '实际完成',
    '完成情况',
    '累计完成值',
    '累计完成数',
    '实际完成数',
    '完成数值',
    '完成量',
    '本年累计',
    '今年累计',
    '年累计',
    '累计数',
    '截至目前完成',
    // Statistics forms' year-to-date columns (本月 | 本月止累计).
    '本月止累计',
    '本月累计',
    '自年初累计',
    '年初至本月累计',
    '年初至今累计',
    '年初至本月',
    '1-本月',
    '1-本月累计',
    '1至本月',
    '1至本月累计',
    '累计至本月',
    'value',
    'actual',
  ],
  region: [
    '地区',
    '市州',
    '市（州）',
    '市州名称',
    '市（州）名称',
    '地市',
    '市县',
    '县区',
    '区县',
    '县（市）',
    '县（市、区）名称',
    '区域',
    '行政区划',
    '地区名称',
    '县市区',
    '县（市、区）',
    'region',
  ],
  note: [
    '备注',
    '说明',
    '进展情况',
    '进展',
    '工作进展',
    '进展说明',
    '完成情况说明',
    'note',
    'progress',
    'remark',
  ],
  basis: ['口径', '统计口径', '累计口径', 'basis'],
  status: ['状态', '进度状态', '完成状态', 'status'],
  series: ['类型', '数据类型', 'series'],
  target: [
    '目标值',
    '目标',
    '年度目标',
    '全年目标',
    '目标任务',
    '年度任务',
    '全年任务',
    '任务目标',
    '年度目标任务',
    '全年目标任务',
    '年度目标值',
    '目标数',
    '任务数',
    'target',
  ],
  unit: ['单位', '计量单位', 'unit'],
};

/** Columns people keep beside the data that carry nothing to import: skipped without a warning. */
const INFORMATIONAL_HEADERS = new Set(['序号', '责任单位', '牵头单位', '责任部门', '配合单位', 'no']);

/**
 * Figures derived from the data or planned, which are not actuals: 完成率（%）, 同比增长, 序时进度,
 * 1-10月计划, 排名. Skipped (and said so in the layout notes), never read as values.
 */
const DERIVED_HEADER = /率|比重|同比|同期|增长|增速|增幅|增减|排名|位次|进度|计划|差距|剩余|还需|比上年|上年/;

const DERIVED_REASON = '为计算或计划数，不作为完成值导入';

/** A target however it is worded: 2021年目标, 年度目标任务数, 全年任务量. */
const TARGET_HEADER = /目标|任务数|任务量|年度任务|全年任务/;

/** Value headers that say the numbers are for the period only (当月), not year to date. */
/** A count as a form's column names it (开工套数, 完成户数, 培训人数, 数量): the figure reported. */
const MEASURE_HEADER = /(套数|户数|人数|个数|项数|件数|宗数|处数|座数|条数|公里数|人次|数量|完成量|工作量)$/;

/** A region column of counties (县区, 县（市、区）, 区县): beside a 市州 column, the finer one. */
const COUNTY_HEADER = /县|^区县$/;

const INCREMENT_HEADERS = new Set(['当月', '本月', '当月完成', '本月完成']);

export interface MonthColumn {
  index: number;
  name: string;
  /** null when the header gives only the month (1月): the indicator's year applies. */
  year: number | null;
  month: number;
  /** What the header says of the figures (1-6月: cumulative; 二季度, 当月: increment), or null. */
  basis?: 'cumulative' | 'increment' | null;
  /**
   * A column headed by an indicator's name (地区 | 改造各类棚户区（套） | 新筹集公租房（套）, the period
   * in the title): its figures are that indicator's, of the title's period. The catalogue's name.
   */
  indicator?: string;
  /** A column headed by a region's name (指标名称 | 长春市 | 吉林市 …): its figures are that region's. */
  region?: string;
  /**
   * The period is each row's, from the table's 统计期 column (统计期 | 地区 | 改造各类棚户区 | 新筹集公租房):
   * `year` and `month` are unused (null and 0).
   */
  rowPeriod?: true;
}

/** The catalogue's name of what a header names (units in brackets and list numbers aside), or null. */
export type NameOf = (header: string) => string | null;

/** Headers that name an indicator or a region of the reference data (a table of either across). */
export interface HeaderNames {
  indicator?: NameOf | undefined;
  region?: NameOf | undefined;
  /** The one indicator whose name a title holds (2021年1-9月各市州新筹集公租房完成情况), or null. */
  indicatorIn?: NameOf | undefined;
  /** The indicator whose name shares the most of a title's characters, for the message when none is named. */
  nearest?: NameOf | undefined;
}

export interface ColumnLayout {
  format: 'long' | 'wide';
  roles: Partial<Record<Role, { index: number; name: string }>>;
  months: MonthColumn[];
  /** Basis implied by the value column's header, if any. */
  headerBasis: 'increment' | 'cumulative' | null;
  /**
   * 'target' for a 目标分解 sheet — indicator, region and target columns, no period and no value
   * (指标 | 地区 | 分解目标): its figures are each region's target. Null otherwise.
   */
  headerSeries: 'target' | null;
  /**
   * The indicator of every row of a table that has no indicator column, named by its title or its
   * sheet's name instead (地区 | 完成数（套） under 2021年1-9月各市州新筹集公租房完成情况), or null.
   */
  tableIndicator: { name: string; from: 'title' | 'sheet' } | null;
  /** 市州 beside 县区: the city column, the region of a row whose county cell is blank, or null. */
  regionParent: { index: number; name: string } | null;
  /**
   * Targets of one indicator each, under its name in a two-row header (改造各类棚户区 over 年度任务 |
   * 累计完成): checked against the catalogue like the 目标值 column, never imported.
   */
  indicatorTargets: { index: number; name: string; indicator: string }[];
  /** Units written in a column's header or above it (完成值（万户） → 万户), by column index. */
  units: Record<number, string>;
  /** Columns read as nothing, with why (完成率 is derived; a second 当月 column…), for the layout notes. */
  ignored: { index: number; name: string; reason: string }[];
  problems: Problem[];
}

/** What the table around the header says: the period in its title, the header's line, parent headers. */
export interface LayoutContext {
  /** The line (row) of the header, for problems; 1 when the header is the first line. */
  line?: number;
  /** Per column, the header above it in a two-row header (完成情况 over 1-3月), or null. */
  parents?: (string | null)[];
  /** The year the title names, for month columns that name none. */
  year?: number | null;
  /** The period the title names (（1-10月）), for a table whose values have no period column. */
  period?: PeriodPhrase | null;
  /** Which headers name an indicator or a region (a table of regions by indicator, or the reverse). */
  headers?: HeaderNames | undefined;
  /** The title's text and the sheet's name, which may name the table's one indicator. */
  title?: string | null;
  sheet?: string | null;
}

/** Recognises '1月', '01月', '2021-01', '2021/1', '2021年1月', '202101', '1-3月', '一季度' … as month columns. */
export function monthOfHeader(name: string): { year: number | null; month: number } | null {
  const p = periodOfHeader(name);
  return p ? { year: p.year, month: p.month } : null;
}

/** Full-width to half-width, spaces and bracketed units removed, lower case. */
export function normalise(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const ROLE_BY_NAME = new Map<string, Role>(
  (Object.keys(ROLE_NAMES) as Role[]).flatMap((role) => ROLE_NAMES[role].map((n) => [normalise(n), role])),
);

/** Every column name of the vocabulary, as normalise() makes it: a row of them is a header. */
export const HEADER_WORDS: readonly string[] = [...ROLE_BY_NAME.keys(), ...INFORMATIONAL_HEADERS];

/** What a header names: a role, a period (a month column), a column to skip, or nothing known. */
export type HeaderKind = Role | 'month' | 'informational' | 'derived';

/**
 * Classifies one header text with the vocabulary above; the table finder scores candidate header
 * rows with it, so the header is found by the same words that map it.
 */
export function classifyHeader(name: string): HeaderKind | null {
  const key = normalise(name);
  if (key === '') return null;
  const role = ROLE_BY_NAME.get(key);
  if (role) return role;
  if (INFORMATIONAL_HEADERS.has(key)) return 'informational';
  if (DERIVED_HEADER.test(key)) return 'derived';
  if (TARGET_HEADER.test(key)) return 'target';
  if (periodOfHeader(name)) return 'month';
  if (MEASURE_HEADER.test(key)) return 'value';
  return null;
}

/**
 * The unit a header writes in brackets (完成值（万户） → 万户, 1-3月(万人) → 万人), or null for
 * brackets that hold something else (a period, 含…, 单位).
 */
export function unitOfHeader(name: string | null | undefined): string | null {
  if (!name) return null;
  const m = /[(（]\s*(?:单位[:：])?\s*([^()（）]{1,8}?)\s*[)）]\s*$/.exec(name);
  const unit = m?.[1]?.trim();
  if (!unit || !isUnitText(unit)) return null;
  return unit;
}

/** A short text that reads as a unit of measure: 万人, 亿元, 个, %, 平方米, 人次 — not 含棚改 or 1-10月. */
export function isUnitText(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 6 || /\d/.test(t)) return false;
  if (/^(单位|含|不含|注|其中|累计|当月|全年|季度|月)/.test(t) || /[局厅委办府院部门会市县区省]$/.test(t))
    return false;
  return /^[%％‰]$|^(万|亿|千|百)?[\u4e00-\u9fa5a-zA-Z²³/·]{1,5}$/.test(t);
}

function basisOfText(text: string | null | undefined): 'cumulative' | 'increment' | null {
  if (!text) return null;
  const key = normalise(text);
  // 本月止累计, 1-本月, 自年初: year to date, though they name this month.
  if (key.includes('累计') || /^(?:1|一)[-—~至到]本月|年初/.test(key)) return 'cumulative';
  if (INCREMENT_HEADERS.has(key) || /^(当月|本月|当期|各月|分月|逐月|每月)/.test(key)) return 'increment';
  // 各项完成（当月数） over 1月 … 4月: the words in brackets say what the months hold.
  if (/[（(](?:当月|本月|当期)(?:数|值|完成)?[)）]/.test(text)) return 'increment';
  return null;
}

/** 2021年各月完成情况（当月数） over 1月 … 12月: the title says what the months hold. */
function bracketBasis(title: string | null | undefined): 'increment' | null {
  return title && /[（(](?:当月|本月|当期)(?:数|值|完成)?[)）]/.test(title) ? 'increment' : null;
}

/** The most columns a header may have that the import does not know; past it, the file is refused. */
export const MAX_UNKNOWN_COLUMNS = 100;

/**
 * A header of hundreds of columns nobody can name is not a bureau's table (it once made DuckDB run
 * out of memory): one error in place of a warning per column.
 */
function limitUnknownColumns(problems: Problem[], line: number): void {
  const unknown = problems.filter((p) => p.code === 'unknown_column');
  if (unknown.length <= MAX_UNKNOWN_COLUMNS) return;
  const names = unknown
    .slice(0, 3)
    .map((p) => `“${p.column}”`)
    .join('、');
  problems.splice(0, problems.length, ...problems.filter((p) => p.code !== 'unknown_column'), {
    line,
    column: null,
    severity: 'error',
    code: 'too_many_unknown_columns',
    message: `第${line}行表头有 ${new Intl.NumberFormat('zh-CN').format(unknown.length)} 个无法识别的列（如${names}），超过 ${MAX_UNKNOWN_COLUMNS} 个的上限，文件未读取。请只保留填报所需的列后再上传。`,
    found: null,
  });
}

/** A column under an indicator's name in a two-row header, and what its own header says it holds. */
interface UnderIndicator {
  index: number;
  name: string;
  indicator: string;
  /** The parent as written, for messages (改造各类棚户区（套）). */
  header: string;
  kind: 'value' | 'target' | 'derived' | 'month';
  /** The column's own header (本月, 累计完成（套）, 1-3月), without the parent uniqueNames put before it. */
  own: string;
}

const UNDER_INDICATOR_KINDS = new Set<HeaderKind>(['value', 'target', 'derived', 'month']);

/**
 * The indicator a column's parent header names, when the column's own header is a role of figures
 * (本月 | 累计, 年度任务 | 累计完成 | 完成率, 1-3月 | 1-6月), or null. The parent of a deeper header
 * is its rows joined by spaces: the whole is tried first, then the row just above.
 */
function underIndicator(
  index: number,
  name: string,
  parent: string | null,
  headers: HeaderNames | undefined,
): UnderIndicator | null {
  if (!parent || !headers?.indicator) return null;
  // uniqueNames writes the parent before a name that repeats (改造各类棚户区（套）本月).
  const own = name.startsWith(parent) && name.length > parent.length ? name.slice(parent.length) : name;
  const kind = classifyHeader(own);
  if (!kind || !UNDER_INDICATOR_KINDS.has(kind)) return null;
  const whole = headers.indicator(parent);
  const nearest = parent.split(' ').at(-1) ?? parent;
  const indicator = whole ?? (nearest !== parent ? headers.indicator(nearest) : null);
  if (!indicator) return null;
  const header = whole ? parent : nearest;
  return { index, name, indicator, header, kind: kind as UnderIndicator['kind'], own };
}

/**
 * Works out what each column holds: long format (one row per indicator, period, region) or wide
 * (one column per period: 1月, 1-3月, 一季度 …). A table without a period column whose title names
 * its period (（1-10月）) has its value columns read as that period's. Problems name the column as
 * written.
 */
export function layoutColumns(names: string[], context: LayoutContext = {}): ColumnLayout {
  const line = context.line ?? 1;
  const roles: ColumnLayout['roles'] = {};
  const months: MonthColumn[] = [];
  const values: { index: number; name: string; basis: 'cumulative' | 'increment' | null }[] = [];
  const units: Record<number, string> = {};
  const ignored: ColumnLayout['ignored'] = [];
  const problems: Problem[] = [];
  let regionParent: ColumnLayout['regionParent'] = null;
  const named: { index: number; name: string; indicator: string; derived?: boolean }[] = [];
  const regionColumns: { index: number; name: string; region: string }[] = [];
  // Figures under each indicator's name (改造各类棚户区（套） over 本月 | 累计): only in a table without
  // an indicator column, where a parent that names an indicator cannot be read any other way.
  const byParent = !names.some((n) => ['indicator', 'indicator_name'].includes(classifyHeader(n) ?? ''));
  const under: UnderIndicator[] = [];
  const problem = (
    column: string | null,
    code: string,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ line, column, severity, code, message, found: column });

  names.forEach((name, index) => {
    const parent = context.parents?.[index] ?? null;
    const kind = classifyHeader(name);
    const unit = unitOfHeader(name) ?? unitOfHeader(parent);
    if (unit) units[index] = unit;
    const child = byParent ? underIndicator(index, name, parent, context.headers) : null;
    if (child) under.push(child);
    else if (kind === 'value') {
      values.push({ index, name, basis: basisOfText(name) ?? basisOfText(parent) });
    } else if (kind === 'month') {
      const p = periodOfHeader(name) as PeriodPhrase;
      const year = p.year ?? (parent ? yearInText(parent) : null) ?? context.year ?? null;
      months.push({
        index,
        name,
        year,
        month: p.month,
        basis: p.basis ?? basisOfText(parent) ?? bracketBasis(context.title),
      });
    } else if (kind === 'derived' && context.headers?.indicator?.(name)) {
      // 县域内就诊率 reads as a derived figure (率) by its words, but it is an indicator's name.
      named.push({ index, name, indicator: context.headers.indicator(name) ?? name, derived: true });
    } else if (kind === 'derived') {
      ignored.push({ index, name, reason: DERIVED_REASON });
    } else if (kind && kind !== 'informational') {
      const taken = roles[kind];
      if (taken && kind === 'target') ignored.push({ index, name, reason: `已有目标值列“${taken.name}”` });
      else if (
        taken &&
        kind === 'region' &&
        !regionParent &&
        COUNTY_HEADER.test(normalise(name)) !== COUNTY_HEADER.test(normalise(taken.name))
      ) {
        // 市州 | 县区: two levels, not one column twice. The county is the row's region; a row
        // without one (the city's own figure) is the city's.
        const county = COUNTY_HEADER.test(normalise(name)) ? { index, name } : taken;
        regionParent = county === taken ? { index, name } : taken;
        roles.region = county;
      } else if (taken)
        problem(name, 'duplicate_column', `列“${taken.name}”和“${name}”表示同一内容，请只保留一列。`);
      else roles[kind] = { index, name };
    } else if (!kind && name !== '' && context.headers?.indicator?.(name)) {
      named.push({ index, name, indicator: context.headers.indicator(name) ?? name });
    } else if (!kind && name !== '' && context.headers?.region?.(name)) {
      regionColumns.push({ index, name, region: context.headers.region(name) ?? name });
    } else if (!kind && name !== '') {
      problem(name, 'unknown_column', `无法识别的列“${name}”，已忽略。`, 'warning');
    }
  });
  // Regions down the side and indicators across (地区 | 改造各类棚户区（套） | …), or the reverse
  // (指标名称 | 全省 | 长春市 …), the period in the title or the sheet's name: each named column is a
  // column of that period, for its indicator or its region.
  const across = (columns: AcrossColumn[], what: 'indicator' | 'region', label: string) => {
    // A period column beside them: each row's period (a 台账 of one row per month and region).
    if (roles.period && months.length === 0) {
      for (const c of columns)
        months.push({
          index: c.index,
          name: c.name,
          year: null,
          month: 0,
          basis: c.basis ?? null,
          [what]: c.named,
          rowPeriod: true,
        });
      return;
    }
    if (context.period && !roles.period && months.length === 0) {
      const { period } = context;
      const year = period.year ?? context.year ?? null;
      for (const c of columns)
        months.push({
          index: c.index,
          name: c.name,
          year,
          month: period.month,
          // 本月 or 累计 under the indicator's name says more than the title's period.
          basis: c.basis ?? period.basis,
          [what]: c.named,
        });
      return;
    }
    const listed = [...new Set(columns.map((c) => c.header ?? c.name))]
      .slice(0, 3)
      .map((c) => `“${c}”`)
      .join('');
    const row = what === 'region' ? '每行一个地区（增加“地区”列）' : '每行一个指标（增加“指标名称”列）';
    const how = roles.period
      ? `统计期请写在标题中（如“2021年1-9月”）并去掉“统计期”列，或改为${row}`
      : '请在标题中写明统计期（如“2021年1-9月”）';
    problem(
      null,
      `${what}_columns_without_period`,
      `表头中的${listed}是${label}名称：这样的表（每个${label}一列），${how}后再上传。`,
    );
  };
  const sub = readUnderIndicators(under, context, ignored);
  const byIndicator =
    (named.length > 0 || sub.values.length > 0) && !roles.indicator && !roles.indicator_name;
  if (byIndicator)
    across(
      [...named.map((n) => ({ ...n, named: n.indicator })), ...sub.values].sort((a, b) => a.index - b.index),
      'indicator',
      '指标',
    );
  // Periods under an indicator's name (改造各类棚户区 over 1-3月 | 1-6月) are that indicator's months.
  months.push(...sub.months);
  for (const n of byIndicator ? [] : named)
    if (n.derived) ignored.push({ index: n.index, name: n.name, reason: DERIVED_REASON });
    else problem(n.name, 'unknown_column', `无法识别的列“${n.name}”，已忽略。`, 'warning');
  const byRegion =
    regionColumns.length > 0 &&
    !roles.region &&
    Boolean(roles.indicator || roles.indicator_name) &&
    !roles.value &&
    months.length === 0;
  if (byRegion)
    across(
      regionColumns.map((r) => ({ ...r, named: r.region })),
      'region',
      '地区',
    );
  for (const r of byRegion ? [] : regionColumns)
    problem(r.name, 'unknown_column', `无法识别的列“${r.name}”，已忽略。`, 'warning');

  // A file with only a name column names its indicators by name.
  if (!roles.indicator && roles.indicator_name) {
    roles.indicator = roles.indicator_name;
    delete roles.indicator_name;
  }
  // A statistics form (指标 | 本月 | 累计) with its period in the title: each value column is a
  // column of that period.
  if (!roles.period && months.length === 0 && values.length > 0 && context.period) {
    const { month } = context.period;
    const year = context.period.year ?? context.year ?? null;
    for (const v of values.splice(0))
      months.push({ ...v, year, month, basis: v.basis ?? context.period.basis });
  }
  // 2020年1-9月 | 2021年1-9月 | 增幅（%）: a comparison with last year. The earlier year's columns are
  // for the comparison, not figures to report (that year is another document's), when a later year
  // has the same period and a column of the change stands beside them.
  const compared = ignored.some((c) => /增幅|增长|增速|同比|比上年|增减/.test(c.name));
  const latest = Math.max(...months.map((m) => m.year ?? 0));
  if (compared && latest > 0) {
    for (const m of [...months]) {
      const later = months.some((o) => (o.year ?? 0) > (m.year ?? 0) && o.month === m.month);
      if (m.year !== null && m.year < latest && later) {
        months.splice(months.indexOf(m), 1);
        ignored.push({ index: m.index, name: m.name, reason: '上年同期数，只用于比较' });
      }
    }
  }
  // 全年 (or 1-12月) standing before the other periods is the year's target, not December's figure.
  const [firstMonth] = [...months].sort((a, b) => a.index - b.index);
  if (
    firstMonth &&
    months.length > 1 &&
    firstMonth.month === 12 &&
    !roles.target &&
    /全年|1-12月/.test(firstMonth.name)
  ) {
    months.splice(months.indexOf(firstMonth), 1);
    roles.target = { index: firstMonth.index, name: firstMonth.name };
    ignored.push({
      index: firstMonth.index,
      name: firstMonth.name,
      reason: '在各期之前，按年度目标读取（只用于核对）',
    });
  }
  // A 目标分解 sheet: targets by region with nothing reported — the target column holds its figures.
  let headerSeries: ColumnLayout['headerSeries'] = null;
  if (roles.target && roles.region && !roles.value && !roles.status && !roles.period && months.length === 0) {
    roles.value = roles.target;
    delete roles.target;
    headerSeries = 'target';
  }
  const rowPeriods = months.length > 0 && months.every((m) => m.rowPeriod);
  const format = months.length > 0 && (!roles.period || rowPeriods) ? 'wide' : 'long';
  if (format === 'wide') {
    for (const v of values) ignored.push({ ...v, reason: '表中已有按统计期分列的数值' });
    // 7月 | 8月 | 9月 | 1-9月累计: beside a year-to-date column, a bare month is that month's own figure.
    if (months.some((m) => m.basis === 'cumulative'))
      for (const m of months) if (m.basis == null && !m.rowPeriod) m.basis = 'increment';
    dedupeMonths(months, ignored, problem);
  } else {
    pickValueColumn(values, roles, ignored, problem);
  }
  // Indicators across without a period: the problem above says what to do, for both columns missing.
  const namedWithoutPeriod =
    ((named.length > 0 || sub.values.length > 0) && !roles.indicator && !months.some((m) => m.indicator)) ||
    (byRegion && !months.some((m) => m.region));
  // No indicator column, and figures: the title (or the sheet's name) may name the table's indicator.
  const tableIndicator =
    !roles.indicator &&
    !months.some((m) => m.indicator) &&
    !namedWithoutPeriod &&
    (roles.value || months.length > 0)
      ? indicatorOfTable(context)
      : null;
  if (!roles.indicator && !months.some((m) => m.indicator) && !namedWithoutPeriod && !tableIndicator) {
    const nearest = context.title ? context.headers?.nearest?.(context.title) : null;
    const title = context.title
      ? `标题“${context.title.slice(0, 40)}”中也没有指标目录中的指标名称${nearest ? `（最接近的是“${nearest}”）` : ''}。`
      : '';
    const example = nearest
      ? `（如“${context.period ? describePeriod(context.period, context.period.year ?? context.year ?? null) : ''}${nearest}完成情况”）`
      : '';
    problem(
      null,
      'missing_column',
      `缺少指标列：表头中应有“指标编码”或“指标名称”。${title}整张表是同一个指标的，可以在标题中写出指标目录中的名称${example}，或增加“指标名称”列。`,
    );
  }
  if (format === 'long') {
    if (months.length > 0)
      problem(null, 'mixed_layout', '表头中既有“统计期”列又有月份列（如“1月”），请只用一种格式。');
    // Rows of 类型 = 目标 need no period (a regional target is for the deadline); with a 类型
    // column, each other row without one is named instead.
    if (!roles.period && !roles.series && !headerSeries && !namedWithoutPeriod)
      problem(
        null,
        'missing_period_column',
        '缺少统计期列：表头中应有“统计期”（或“月份”），或每个统计期一列（如“1月”“1-3月”“一季度”），或在标题中写明统计期（如“（1-10月）”）。',
      );
    if (!roles.value && !roles.status && !namedWithoutPeriod)
      problem(null, 'missing_column', '缺少数值列：表头中应有“数值”（或“累计完成”“完成值”）。');
  }
  limitUnknownColumns(problems, line);
  const valueHeader = roles.value ? normalise(roles.value.name) : '';
  const headerBasis = INCREMENT_HEADERS.has(valueHeader)
    ? 'increment'
    : valueHeader.startsWith('累计')
      ? 'cumulative'
      : null;
  return {
    format,
    roles,
    months,
    headerBasis,
    headerSeries,
    tableIndicator,
    regionParent,
    indicatorTargets: sub.targets,
    units,
    ignored,
    problems,
  };
}

/** A column of figures for one indicator or region, before it is given its period. */
interface AcrossColumn {
  index: number;
  name: string;
  /** The catalogue's name of the indicator or region. */
  named: string;
  /** What the column's own header says of its figures (本月, 累计), over the title's. */
  basis?: 'cumulative' | 'increment' | null;
  /** The header that names the indicator, where it is a parent's (改造各类棚户区（套） over 累计). */
  header?: string;
}

/**
 * The columns under indicators' names, by what their own header holds: figures (read as that
 * indicator's, as a column headed by its name is), periods, one target per indicator (checked
 * only), and derived figures (完成率), which are left out.
 */
function readUnderIndicators(
  under: UnderIndicator[],
  context: LayoutContext,
  ignored: ColumnLayout['ignored'],
): { values: AcrossColumn[]; months: MonthColumn[]; targets: ColumnLayout['indicatorTargets'] } {
  const values: AcrossColumn[] = [];
  const months: MonthColumn[] = [];
  const targets: ColumnLayout['indicatorTargets'] = [];
  for (const c of under) {
    const { index, name, indicator } = c;
    if (c.kind === 'value') {
      values.push({ index, name, named: indicator, basis: basisOfText(c.own), header: c.header });
    } else if (c.kind === 'month') {
      const p = periodOfHeader(c.own) as PeriodPhrase;
      const year = p.year ?? yearInText(c.header) ?? context.year ?? null;
      months.push({ index, name, year, month: p.month, basis: p.basis ?? null, indicator });
    } else if (c.kind === 'derived') {
      ignored.push({ index, name, reason: DERIVED_REASON });
    } else {
      const taken = targets.find((t) => t.indicator === indicator);
      if (taken) ignored.push({ index, name, reason: `已有目标值列“${taken.name}”` });
      else targets.push({ index, name, indicator });
    }
  }
  return { values, months, targets };
}

/** The indicator a table's title names, or else its sheet's name. */
function indicatorOfTable(context: LayoutContext): ColumnLayout['tableIndicator'] {
  const find = context.headers?.indicatorIn;
  if (!find) return null;
  const inTitle = context.title ? find(context.title) : null;
  if (inTitle) return { name: inTitle, from: 'title' };
  const inSheet = context.sheet ? find(context.sheet) : null;
  return inSheet ? { name: inSheet, from: 'sheet' } : null;
}

/**
 * One value column in a long table. 本月 beside 累计 for the same period: the cumulative one is
 * read and the other noted; two of the same kind is a question only the clerk can answer.
 */
function pickValueColumn(
  values: { index: number; name: string; basis: 'cumulative' | 'increment' | null }[],
  roles: ColumnLayout['roles'],
  ignored: ColumnLayout['ignored'],
  problem: (column: string | null, code: string, message: string) => void,
) {
  if (values.length === 0) return;
  const cumulative = values.filter((v) => v.basis !== 'increment');
  const chosen = values.length === 1 ? values[0] : cumulative.length === 1 ? cumulative[0] : undefined;
  if (!chosen) {
    const [first, second] = cumulative.length > 1 ? cumulative : values;
    problem(
      second?.name ?? null,
      'duplicate_column',
      normalise(first?.name ?? '') === normalise(second?.name ?? '')
        ? `列“${first?.name}”和“${second?.name}”表示同一内容，请只保留一列。`
        : `列“${first?.name}”和“${second?.name}”都像是完成值，无法确定导入哪一列：请只保留一列，或把列名改为指标目录中的指标名称（每个指标一列）。`,
    );
    return;
  }
  roles.value = { index: chosen.index, name: chosen.name };
  for (const v of values)
    if (v !== chosen) ignored.push({ ...v, reason: `与“${chosen.name}”为同一统计期，已按累计值导入` });
}

/** Two columns for the same month: a cumulative one wins over increments; two cumulative ones are an error. */
function dedupeMonths(
  months: MonthColumn[],
  ignored: ColumnLayout['ignored'],
  problem: (column: string | null, code: string, message: string) => void,
) {
  const byPeriod = new Map<string, MonthColumn[]>();
  for (const m of months) {
    const key = `${m.indicator ?? ''}|${m.region ?? ''}|${m.year ?? ''}-${m.month}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), m]);
  }
  for (const group of byPeriod.values()) {
    if (group.length < 2) continue;
    // 9月 beside 1-9月: the month's own figure beside the year to date, which is kept.
    const stated = group.filter((m) => m.basis === 'cumulative');
    const cumulative = stated.length > 0 ? stated : group.filter((m) => m.basis !== 'increment');
    const keep = cumulative.length > 0 ? cumulative : group.slice(0, 1);
    if (keep.length > 1) {
      const [a, b] = keep;
      problem(
        b?.name ?? null,
        'duplicate_column',
        `列“${a?.name}”和“${b?.name}”都是${describePeriod({ year: a?.year ?? null, month: a?.month ?? 0, basis: 'cumulative' })}的数值，请只保留一列。`,
      );
    }
    for (const m of group) {
      if (keep.includes(m)) continue;
      months.splice(months.indexOf(m), 1);
      ignored.push({
        index: m.index,
        name: m.name,
        reason: `与“${keep[0]?.name}”为同一统计期，已按累计值导入`,
      });
    }
  }
}
