import { nameFrom, shorten } from './names.js';
import { parseChineseNumber } from './numbers.js';
import { toHalfWidth } from './text.js';
import type { CatalogIndicatorKind, Comparator, Indicator } from './types.js';

export { nameFrom } from './names.js';

/** A target read from a task's text, before it gets its code (value and unit null for a milestone). */
export type Target = Omit<Indicator, 'code'>;

/**
 * Units, longest first so 人次 wins over 人, 平方公里 over 公里 and 千瓦时 over 千瓦.
 * 万/亿 are multipliers, not units: 300万千瓦 is 3,000,000 千瓦, 3.5亿元 is 350,000,000 元.
 */
const UNITS = [
  '个百分点',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '千瓦时',
  '人次',
  '户次',
  '场次',
  '个工作日',
  '公里',
  '千米',
  '千瓦',
  '兆瓦',
  '公顷',
  '标箱',
  '%',
  '‰',
  '人',
  '户',
  '套',
  '个',
  '条',
  '件',
  '处',
  '项',
  '亩',
  '所',
  '家',
  '座',
  '张',
  '辆',
  '台',
  '吨标准煤',
  '公斤',
  '斤',
  '吨',
  '美元',
  '元',
  '间',
  '栋',
  '站',
  '床',
  '米',
  '艘',
  '架',
  '头',
  '只',
  '册',
  '场',
  '期',
  '次',
  '部',
  '支',
  '名',
  '位',
  '份',
  '块',
  '眼',
  '口',
  '宗',
  '微克',
  '毫克',
];

/** The second part of a unit per another (8公里/平方公里, 30微克/立方米, 5人/万人). */
const PER_UNITS = [
  '平方公里',
  '平方千米',
  '立方米',
  '平方米',
  '万人',
  '千人',
  '百人',
  '人',
  '户',
  '年',
  '天',
  '日',
  '小时',
];

/** Units of time and order: a number in them is a date, a duration or an ordinal, never a target. */
const NOT_UNITS = /^(?:个月|个工作日|个小时|年|岁|月|日|天|周|小时|分钟|批|届|号|季度|倍)/;
/**
 * A time to cut down to is a target (压缩至1个工作日以内, 审批时间不超过10个工作日, 停电时间不超过1小时),
 * unlike a policy's duration (期限6个月, 期限不超过6个月).
 */
const TIME_TARGET =
  /(?:压缩|缩短|压减|减少|控制)(?:至|到|在)$|(?:时间|用时|时长|时限)(?:不超过|不多于|控制在)$/;
const TIME_UNITS = ['个工作日', '个月', '小时', '天', '日'];
/** Ages and years that are measures to reach: 人均预期寿命提高0.5岁, 平均受教育年限达到11.2年. */
const LIFE_TARGET = /(?:寿命|年限)[^，,。；;]{0,8}$/;
const LIFE_UNITS = ['岁', '年'];

/** Units that count items: a number in such a unit right after a list of names restates the list. */
const ITEM_UNITS = new Set(['个', '项', '所', '家', '处', '座', '条', '件', '部', '支', '名']);

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万亿|万|亿)?/g;

/** Qualifiers written before a number, longest first, and the comparator each gives. */
const BEFORE: [string, Comparator][] = [
  // Cut down to (压缩至1个工作日, 降至5%): at most that.
  ['压缩至', '<='],
  ['压缩到', '<='],
  ['缩短至', '<='],
  ['缩短到', '<='],
  ['降低至', '<='],
  ['降低到', '<='],
  ['下降至', '<='],
  ['下降到', '<='],
  ['降至', '<='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不超过', '<='],
  ['控制在', '<='],
  ['至少', '>='],
  ['不高于', '<='],
  ['保持在', '>='],
  ['稳定在', '>='],
  ['超过', '>='],
  ['突破', '>='],
  ['达到', '='],
  ['力争', '='],
  ['约', '~'],
];
const AFTER: [string, Comparator][] = [
  ['以上', '>='],
  ['以内', '<='],
  ['以下', '<='],
  ['左右', '~'],
];

/** A rate against last year: 增长6.2%, 增速保持在6%以上, 下降3% (not 提高到65%, a level to reach). */
const GROWTH =
  /(增长|增速|增幅|涨幅|上涨|增加|提高|提升|下降|降低|减少|回落|缩小|降幅|压减|削减)(?:幅度)?(?:控制在|达到|保持在|稳定在|在|为)?$/;
const DECLINE = /^(下降|降低|减少|回落|缩小|压减|削减)/;

/** Verbs that commit to deliver what a count restates: 制定…3个技术规范, 建成A、B2个园区. */
const CREATE =
  /(制定|编制|出台|印发|建成|新建|建设|创建|打造|培育|完成|新增|启动|开工|改造|评选|认定|发布|实施|组建|设立|开展|举办|修订)/;

/** Words of a policy's terms: an amount or a rate in such a clause is a parameter, not a target. */
const POLICY = /贷款|担保|补贴|补助|奖励|奖补|贴息|资助|给予|报销/;
/** Words that fix a policy's terms, whatever comes with them: 最高, 额度, 补贴比例 … */
const TERMS =
  /最高|上限|额度|利率|费率|税率|(?:补贴|补助|奖补|报销|首付|缴存|贴息|分担|出资|配套)比例|标准为|可申请|可享受|一次性|封顶|起付|门槛/;
/** Verbs that deliver an amount (发放贷款20亿元): a target even in a policy's words. */
const DELIVER = /发放|投放|新增|完成|争取|筹集|安排|拨付|下达|兑现|减免|累计|撬动|带动|余额/;

/**
 * Reads the quantitative targets of one task (its text without the department parenthetical).
 *
 * A number is a target when it is a quantity with a unit (3.6万人, 1623个, 50.5公里, 90%, 300万千瓦),
 * a growth rate (增长6.2%左右) or a coverage (全覆盖, 全部完工) stated as something to deliver.
 * These numbers are not targets, and each rule below says how it is told apart:
 * - years and year spans (2021年, 2021-2030年), durations and ages (5年以上, 6个月, 3-6岁): their unit
 *   is 年/个月/岁/日/次/批, which are no target units;
 * - anything inside 《…》 (a plan's title) or “…” (a name such as “761”工程);
 * - ranges (3000-4000户), per-unit standards (每3000-4000户), ordinals (第七次), names (PM2.5, O3),
 *   distance criteria (距边境3公里范围内);
 * - eligibility thresholds (年营业收入2000万元以上的企业) and policy terms (贷款最高50万元, 补贴比例30%);
 * - the size of an existing policy package (落实…90条措施);
 * - counts of what the task works within (围绕4大领域17项建设任务);
 * - counts that restate a list just given (…等4个项目, 九台区、梅河口市、通榆县3个试点) unless the task
 *   makes them (制定棉大衣、棉被和取暖炉3个…技术规范); a measure after such a count (…等3个项目88公里)
 *   is the target instead.
 * Deadlines may lie beyond the document's year (到2025年底, 到2028年, 十四五期间); 每年/年均 marks a
 * target repeated each year; "A和B分别达到65%和55%" and "A、B均达到45%" give one target per subject.
 */
export function readTargets(text: string, year: number, defaultDeadline?: string): Target[] {
  return readTargetsWithDoubts(text, year, defaultDeadline).targets;
}

/** readTargets, and the numbers that looked like targets but could not be read (no known unit). */
export function readTargetsWithDoubts(
  text: string,
  year: number,
  defaultDeadline?: string,
): { targets: Target[]; unread: string[] } {
  const targets: Target[] = [];
  const unread: string[] = [];
  // 到2025年，A达到50%；B达到95%；…: a time that stands alone before a sentence's first comma
  // holds for each of the parts its semicolons divide (a part's own time still wins in that part).
  for (const full of toHalfWidth(text).split(/[。！!]/)) {
    const head = /^\s*([^，,；;]{1,16}?)[，,]/.exec(full)?.[1]?.trim() ?? '';
    const opening = /^(?:到|至|力争到|力争|争取到)(?:19|20)\d{2}年(?:底|末)?前?$/.test(head)
      ? deadlineIn(head, year)
      : undefined;
    for (const sentence of splitSentences(full)) {
      targetsOf(sentence, opening ?? defaultDeadline ?? `${year}-12-31`, opening !== undefined);
    }
  }
  return { targets, unread };

  function targetsOf(sentence: string, start: string, carried: boolean) {
    let deadline = start;
    let annual = false;
    let dated = carried;
    let milestoneDate = false;
    const sentenceStart = targets.length;
    for (const clause of splitClauses(sentence)) {
      const own = deadlineIn(clause, year);
      // 确保6月底前完成续建项目，力争新开工120个: the date was that milestone's, not the next
      // commitment's (排查率达到100% after 9月30日前完成排查 still shares it).
      if (milestoneDate && own === undefined && /^\s*(?:力争|确保|争取|同时|另外|并|全年|年内)/.test(clause))
        deadline = start;
      deadline = own ?? deadline;
      dated = dated || own !== undefined;
      const read = readClause(clause, sentence, deadline, year, annual, dated);
      milestoneDate =
        own !== undefined && read.targets.length > 0 && read.targets.every((t) => t.kind === 'milestone');
      renameRespectively(clause, read.targets, targets.slice(sentenceStart));
      targets.push(...read.targets);
      unread.push(...read.unread);
      // A clause that is only a time phrase (每年，…) carries it on.
      if (/^(?:“?十[四五]五”?期间)?每年$/.test(clause.trim())) annual = true;
    }
  }
}

/**
 * 接待游客5000万人次、实现旅游收入500亿元，分别增长10%、12%: growth rates of the figures just named,
 * one each, named after them.
 */
function renameRespectively(clause: string, read: Target[], before: Target[]): void {
  const verb = /^\s*分别(增长|下降|提高|降低|增加|减少)/.exec(clause)?.[1];
  if (!verb || read.length === 0 || before.length < read.length) return;
  const named = before.slice(-read.length);
  if (
    !read.every((t) => t.kind === 'growth') ||
    named.some((t) => t.kind === 'growth' || t.kind === 'milestone')
  )
    return;
  read.forEach((t, i) => {
    t.name = shorten(`${nameFrom(named[i]?.name ?? '', 0)}${verb}`);
  });
}

function splitSentences(text: string): string[] {
  return text.split(/[。；;！!]/).filter((s) => s.trim() !== '');
}

/** Clauses split at commas and colons, but not inside 《…》 or （…）. */
function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of sentence) {
    if (/[《（(“]/.test(ch)) depth += 1;
    if (/[》）)”]/.test(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[，,:：]/.test(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const CN_FIVE_YEAR: Record<string, number> = { 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 };

/**
 * The deadline a clause names: 年底前 / 年内 → 31 December of the document's year; 10月底前 → 31
 * October; 6月30日前 → 30 June; 到2025年底, 2025年前, 到2028年 → that year's end; 2023年6月底前 →
 * 30 June 2023; 十四五期间 / 十四五末 → 2025-12-31. A year named without 到/前/底 counts only when it
 * lies ahead (2025年全部完成); 2020年改造任务 names work, not a deadline.
 */
export function deadlineIn(clause: string, year: number): string | undefined {
  const plain = clause.replace(/《[^》]*》/g, '');
  for (const m of plain.matchAll(
    /(到|至|截至|截止|力争|争取|确保|于|在)?\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末|中旬|上旬|下旬))?)?\s*(底|末|年底|前|以前|之前|年内|内)?/g,
  )) {
    const [, to, y, month, day, monthEnd, end] = m;
    const at = m.index ?? 0;
    const before = plain.slice(Math.max(0, at - 1), at);
    const after = plain.slice(at + m[0].length, at + m[0].length + 3);
    if (/[-—~～–]/.test(before) || /^[-—~～–至]\s*\d/.test(after)) continue; // a span 2021-2025年
    if (
      /^(?:起|开始|以来|为基|基础|水平|同期|相比|比)/.test(after) ||
      /[比较与同自从]$/.test(plain.slice(0, at).trim())
    )
      continue;
    const y0 = Number(y);
    const marked =
      Boolean(to && /到|至|截|力争|争取/.test(to)) || Boolean(end) || Boolean(day) || Boolean(monthEnd);
    // 2023年完成改造90个 in a plan for 2023—2025: this year's work, due at its end.
    // (2021年改造任务开工 names the year's work, not a date.)
    const verb =
      /^(?:要|将|力争|确保)?(?:完成|实现|新增|新建|建成|开工|累计|达到|全面|基本|加装|改造|建设|培训|筹集|发放|开通|推进)(?!任务)/.test(
        plain.slice(at + m[0].length, at + m[0].length + 8),
      );
    if (!marked && (y0 < year || (y0 === year && !verb))) continue;
    if (y0 < year) continue;
    if (month) {
      const mo = Number(month);
      if (day) return isoDate(y0, mo, Number(day));
      return isoDate(y0, mo, new Date(Date.UTC(y0, mo, 0)).getUTCDate());
    }
    return `${y0}-12-31`;
  }
  const plan = /[“"]?(十[三四五六]五)[”"]?(?:期间|时期|末|末期)/.exec(plain);
  if (plan) return `${CN_FIVE_YEAR[plan[1] ?? ''] ?? year}-12-31`;
  // 全年开工120个 after 上半年…: the whole year's, not the half's.
  if (/年底前|年底|年内|^\s*全年/.test(plain)) return `${year}-12-31`;
  const day = /(\d{1,2})月(\d{1,2})日前/.exec(plain);
  if (day) return isoDate(year, Number(day[1]), Number(day[2]));
  const month = /(\d{1,2})月底/.exec(plain);
  if (month) {
    const m = Number(month[1]);
    return isoDate(year, m, new Date(Date.UTC(year, m, 0)).getUTCDate());
  }
  if (/上半年/.test(plain)) return `${year}-06-30`;
  // 第三季度末前, 三季度末, 一季度完成20%, 前三季度: that quarter's last day.
  const quarter = /(?:第)?([一二三四1-4])季度(?:末|底)?前?/.exec(plain);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[1] ?? '') + 1 || Number(quarter[1]);
    return isoDate(year, q * 3, new Date(Date.UTC(year, q * 3, 0)).getUTCDate());
  }
  return undefined;
}

/**
 * The deadline a 完成时限 / 时间节点 field gives: any date it names is the deadline, even without
 * 前 or 底 (2024年6月 → 30 June, 2024年第三季度 → 30 September, 2024年4月—7月 → 31 July);
 * 长期坚持 and 持续推进 give none.
 */
export function deadlineOfField(text: string, year: number): string | undefined {
  const plain = toHalfWidth(text).replace(/\s+/g, '');
  const month = /((?:19|20)\d{2})年(?:\d{1,2}月?[-—~～–至到])?(\d{1,2})月(?:(\d{1,2})日)?/.exec(plain);
  if (month) {
    const [, y, m, d] = month;
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return isoDate(Number(y), Number(m), d ? Number(d) : last);
  }
  const quarter = /((?:19|20)\d{2})年(?:第)?([一二三四1-4])季度/.exec(plain);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[2] ?? '') + 1 || Number(quarter[2]);
    return isoDate(Number(quarter[1]), q * 3, new Date(Date.UTC(Number(quarter[1]), q * 3, 0)).getUTCDate());
  }
  return (
    deadlineIn(plain, year) ??
    (/^((?:19|20)\d{2})年?$/.test(plain) ? `${plain.slice(0, 4)}-12-31` : undefined)
  );
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Token {
  start: number;
  /** End of the number (with 万/亿). */
  numberEnd: number;
  /** End of the unit. */
  end: number;
  value: number;
  unit: string;
}

function tokensOf(clause: string): Token[] {
  const tokens: Token[] = [];
  for (const m of clause.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const numberEnd = start + m[0].length;
    const rest = clause.slice(numberEnd);
    const before = clause.slice(0, start);
    const unit = NOT_UNITS.test(rest)
      ? TIME_TARGET.test(before)
        ? (TIME_UNITS.find((u) => rest.startsWith(u)) ?? '')
        : LIFE_TARGET.test(before)
          ? (LIFE_UNITS.find((u) => rest.startsWith(u)) ?? '')
          : ''
      : (UNITS.find((u) => rest.startsWith(u)) ?? '');
    let end = numberEnd + unit.length;
    if (unit === '') end += /^年度?/.exec(rest)?.[0].length ?? 0;
    // 500米覆盖率: a distance that qualifies a rate's name, not a quantity to deliver.
    const rate = /^(?:米|公里|千米)$/.test(unit) && /^[\u4e00-\u9fa5]{0,8}?率/.test(rest.slice(unit.length));
    if (rate) {
      tokens.push({ start, numberEnd, end: numberEnd, value: parseChineseNumber(m[0]), unit: '' });
      continue;
    }
    // A unit per another: a density or a concentration, one unit.
    const per = unit === '' ? undefined : PER_UNITS.find((u) => rest.startsWith(`/${u}`, unit.length));
    const whole = per ? `${unit}/${per}` : unit;
    if (per) end += per.length + 1;
    tokens.push({ start, numberEnd, end, value: parseChineseNumber(m[0]), unit: whole });
  }
  return tokens;
}

function readClause(
  clause: string,
  sentence: string,
  deadline: string,
  year: number,
  annualBefore: boolean,
  dated: boolean,
): { targets: Target[]; unread: string[] } {
  const targets: Target[] = [];
  const unread: string[] = [];
  const coverage = /全覆盖|全部完工|全部开工|全部完成|全部建成/.exec(clause);
  const shielded = shieldedRanges(clause);
  const tokens = tokensOf(clause);
  let summary: Token | undefined;
  const accepted: Token[] = [];
  tokens.forEach((token, index) => {
    const { start, end, unit } = token;
    // Words since the last quantity: a date or duration (6月底前) is part of them.
    const previous = tokens
      .slice(0, index)
      .reverse()
      .find((t) => t.unit !== '');
    if (Number.isNaN(token.value)) return;
    if (shielded.some(([a, b]) => start >= a && start < b)) return;
    // 建设30-50个口袋公园, 新增泊位5000—8000个: at least the range's low end.
    const low = rangeLow(clause, tokens, index);
    if (low) {
      const target = toTarget(clause, sentence, low, tokens[index - 2], deadline, year, annualBefore, false);
      accepted.push(low);
      targets.push({ ...target, comparator: '>=', source: clause.slice(low.start, token.end) });
      return;
    }
    if (
      isRangeOrStandard(clause, start, end) ||
      isOrdinalOrName(clause, start, end) ||
      isCriterion(clause, start, end)
    )
      return;
    if (unit === '') {
      if (looksLikeTarget(clause, token))
        unread.push(clause.slice(Math.max(0, start - 8), token.end + 4).trim());
      return;
    }
    if (isExistingSet(clause, start) || isThreshold(clause, token) || isPolicyTerm(clause, token)) return;
    const since = clause.slice(previous ? previous.end : 0, start).replace(/^(以上|以内|左右)?、/, '');
    if (ITEM_UNITS.has(unit) && (since.endsWith('等') || listLength(since) === token.value)) {
      // A count restating a list: a target only when the task makes those items, and not when a
      // measure of them follows (等3个项目88公里: the 88公里 is the target).
      const next = tokens[index + 1];
      const measured = next && next.unit !== '' && next.start - end <= 4;
      summary = token;
      if (measured || !CREATE.test(clause.slice(0, start))) return;
    } else if (summary && previous === summary && start - summary.end <= 4) {
      accepted.push(token);
      targets.push(measureTarget(clause, sentence, token, summary, deadline, year, annualBefore));
      return;
    }
    const target = toTarget(
      clause,
      sentence,
      token,
      previous,
      deadline,
      year,
      annualBefore,
      summary === token,
    );
    // 分别下降2%、3%: the second figure of a list is read as the first (a decline too).
    const last = targets[targets.length - 1];
    if (
      previous &&
      last &&
      accepted.includes(previous) &&
      last.unit === target.unit &&
      /^\s*(?:以上|以内|左右)?\s*[、和及与]\s*$/.test(clause.slice(previous.end, start))
    ) {
      target.kind = last.kind;
      target.comparator = last.comparator;
      if (last.kind === 'growth' && (last.value ?? 0) < 0) target.value = -Math.abs(target.value ?? 0);
    }
    accepted.push(token);
    targets.push(target);
  });
  distribute(clause, accepted, targets, year);
  if (targets.length === 0 && !coverage) {
    const milestone = datedMilestone(clause, deadline, year, dated);
    if (milestone) targets.push(milestone);
  }
  if (coverage && targets.length === 0) {
    targets.push({
      // The year stays in a coverage's name: 2020年改造任务完工 and 2021年改造任务开工 differ by it.
      name:
        nameFrom(clause.slice(0, coverage.index), 0) +
        (coverage[0] === '全覆盖' ? '全覆盖' : coverage[0].slice(2)),
      value: 100,
      unit: '%',
      comparator: '=',
      deadline,
      kind: 'coverage',
      recurrence: annualBefore || /每年/.test(clause) ? 'annual' : null,
      source: clause.trim(),
    });
  }
  return { targets, unread };
}

function toTarget(
  clause: string,
  sentence: string,
  item: Token,
  previous: Token | undefined,
  deadline: string,
  year: number,
  annualBefore: boolean,
  restated: boolean,
): Target {
  const before = clause.slice(previous ? previous.end : 0, item.start);
  const qualifier = BEFORE.find(([word]) => before.endsWith(word));
  const after = AFTER.find(([word]) => clause.startsWith(word, item.end));
  // 至少 may stand a verb away from its number (每个乡镇至少建设1个).
  let comparator: Comparator = after?.[1] ?? qualifier?.[1] ?? (/至少/.test(before) ? '>=' : '=');
  const bare = qualifier ? before.slice(0, -qualifier[0].length) : before;
  const growth = (item.unit === '%' || item.unit === '个百分点') && GROWTH.exec(bare);
  let kind: CatalogIndicatorKind;
  let value = item.value;
  if (growth) {
    kind = 'growth';
    if (DECLINE.test(growth[1] ?? '')) {
      // A decline is a negative growth rate; 下降3%以上 means a rate of -3% or lower.
      value = -value;
      comparator = comparator === '>=' ? '<=' : comparator === '<=' ? '>=' : comparator;
    }
  } else if (item.unit === '%' || item.unit === '‰') {
    // A percentage kept (保持在90%以上, 不低于70%, 控制在5.5%以内) is a level; one to reach (达到95%) a coverage.
    const kept =
      /保持|不低于|控制在|稳定在/.test(clause) ||
      (after !== undefined && after[0] !== '左右' && !/达到/.test(clause));
    kind = kept ? 'level' : 'coverage';
  } else
    kind =
      /每[个百千万]/.test(clause) ||
      TIME_UNITS.includes(item.unit) ||
      LIFE_UNITS.includes(item.unit) ||
      item.unit.includes('/')
        ? 'level'
        : 'count';
  const sourceStart = item.start - (qualifier ? qualifier[0].length : 0);
  const source = clause.slice(sourceStart, item.end + (after ? after[0].length : 0));
  const rest = clause.slice(item.end + (after?.[0].length ?? 0)).replace(/^的/, '');
  let name: string;
  if (restated) {
    // 制定A、B和C3个…技术规范: the verb and what is made.
    const verb = CREATE.exec(clause.slice(0, item.start))?.[1] ?? '';
    name = shorten(`${verb}${nameFrom(rest, year)}`);
  } else {
    name = nameFrom(bare, year);
    if (name.length < 4 || /^(?:加快|推进|推动|建设|新建|完成|实施|[一二两三四五六七八九十]+批)+$/.test(name))
      name = shorten(name + nameFrom(rest, year));
  }
  return {
    name: name || nameFrom(sentence, year),
    value,
    unit: item.unit,
    comparator,
    deadline,
    kind,
    recurrence: annualBefore || /每年|年均|逐年/.test(before) ? 'annual' : null,
    source,
  };
}

/** 继续推进建设A、B、C等3个项目88公里: the measure of the listed items, named by them. */
function measureTarget(
  clause: string,
  _sentence: string,
  item: Token,
  summary: Token,
  deadline: string,
  year: number,
  annualBefore: boolean,
): Target {
  const listStart = clause.slice(0, summary.start);
  const first = (listStart.split(/[、，,]/)[0] ?? '').replace(/^(?:继续|加快|积极)?(?:推进|推动)?/, '');
  const counted = clause.slice(summary.start, item.start);
  return {
    name: shorten(`${nameFrom(first, year)}等${counted}`),
    value: item.value,
    unit: item.unit,
    comparator: '=',
    deadline,
    kind: 'count',
    recurrence: annualBefore || /每年/.test(listStart) ? 'annual' : null,
    source: clause.slice(item.start, item.end),
  };
}

/**
 * A和B分别达到65%和55%: one target per subject, named by it; A、B均达到45%: the same target for each.
 * Rewrites the targets read from the clause in place.
 */
function distribute(clause: string, tokens: Token[], targets: Target[], year: number): void {
  if (tokens.length === 0) return;
  const firstToken = tokens[0] as Token;
  const before = clause.slice(0, firstToken.start);
  const m =
    /^(.*?)(分别|均|都)(?:达到|为|提高到|提升到|提高至|提升至|保持在|不低于|不少于|超过|控制在|增长|下降|新增|完成|建成|在)?(?:不低于|不少于|达到|约)?$/.exec(
      before,
    );
  if (!m) return;
  const listed = (m[1] ?? '')
    .replace(/^(?:到|至)?(?:19|20)\d{2}年(?:底|末)?/, '')
    .split(/[、和及与]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // 城镇、农村居民人均可支配收入: a short subject shares the last one's noun (城镇居民人均可支配收入).
  const lastSubject = listed[listed.length - 1] ?? '';
  const subjects = listed.map((s, i) =>
    i < listed.length - 1 && s.length >= 2 && s.length <= 3 && lastSubject.length > s.length + 3
      ? s + lastSubject.slice(s.length)
      : s,
  );
  if (subjects.length < 2) return;
  const start = targets.length - tokens.length;
  if (start < 0) return;
  const verb = /增长|下降/.exec(m[0])?.[0] ?? '';
  if (m[2] === '分别' && tokens.length === subjects.length) {
    subjects.forEach((subject, i) => {
      const t = targets[start + i];
      if (t) t.name = shorten(nameFrom(subject, year) + verb);
    });
  } else if (m[2] !== '分别' && tokens.length === 1) {
    const base = targets[start];
    if (!base) return;
    targets.splice(
      start,
      1,
      ...subjects.map((subject) => ({ ...base, name: shorten(nameFrom(subject, year) + verb) })),
    );
  }
}

/** How many names a 、-separated list holds (和 and 及 join its last two): 棉大衣、棉被和取暖炉 → 3. */
function listLength(text: string): number {
  if (!text.includes('、')) return 0;
  return text.split(/[、和及]/).filter((piece) => piece.trim() !== '').length;
}

/** A bare number where a target would stand (达到85, 新建2000蒸吨): worth a reviewer's look. */
function looksLikeTarget(clause: string, token: Token): boolean {
  const rest = clause.slice(token.numberEnd);
  if (/^\s*年/.test(rest) || NOT_UNITS.test(rest)) return false;
  // A number and one or two characters closing the clause (新建锅炉2000蒸吨，): a unit not known.
  const unknownUnit = /^[\u4e00-\u9fa5]{1,2}(?:以上|以内|左右)?\s*$/.test(rest);
  return (
    unknownUnit &&
    /(新建|新增|完成|建成|改造|培训|实现|达到|建设|累计|开展)/.test(clause.slice(0, token.start))
  );
}

/**
 * A clause that names its own deadline and something to finish by it, with no number
 * (力争年底前基本完成站房主体工程, 9月30日前完成省级平台上线运行): a milestone.
 */
function datedMilestone(clause: string, deadline: string, year: number, dated: boolean): Target | undefined {
  if (!dated || !/(完成|建成|上线|开工|竣工|出台|印发|投运|通车|实现|形成|建立)/.test(clause))
    return undefined;
  const name = nameFrom(clause, year);
  if (name.length < 4) return undefined;
  return {
    name,
    value: null,
    unit: null,
    comparator: '=',
    deadline,
    kind: 'milestone',
    recurrence: null,
    source: clause.trim(),
  };
}

/** Spans inside 《…》 and “…” / "…": titles and names, never targets. */
function shieldedRanges(clause: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of clause.matchAll(/《[^》]*》|“[^”]*”|"[^"]*"/g))
    ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return ranges;
}

/**
 * The low end of a range to deliver (30-50个, 5000—8000个, 3-5万人) as a token of the range's unit, when
 * `index` is its high end; not a standard (每3000-4000户) nor an age or a span of years (unit-less).
 */
function rangeLow(clause: string, tokens: Token[], index: number): Token | undefined {
  const high = tokens[index];
  const low = tokens[index - 1];
  if (!high || !low || high.unit === '' || low.unit !== '' || Number.isNaN(low.value)) return undefined;
  if (!/^\s*[-—~～–]{1,2}\s*$|^至$/.test(clause.slice(low.numberEnd, high.start))) return undefined;
  if (/每$/.test(clause.slice(Math.max(0, low.start - 1), low.start))) return undefined;
  // 3-5万人: the low end takes the high end's 万 or 亿.
  const multiplier = (t: Token) => /[万亿]$/.exec(clause.slice(t.start, t.numberEnd))?.[0];
  const shared = multiplier(high) && !multiplier(low) ? (multiplier(high) === '万' ? 1e4 : 1e8) : 1;
  return { ...low, end: high.end, value: low.value * shared, unit: high.unit };
}

/** 3-6岁, 3000-4000户, 2021-2030年, and 每3000户: ranges and per-unit standards. */
function isRangeOrStandard(clause: string, start: number, end: number): boolean {
  const before = clause.slice(Math.max(0, start - 4), start);
  return (
    /[-—~～–]$/.test(before) ||
    /\d(?:[万亿]|[\u4e00-\u9fa5%]{0,2})?[至到]$/.test(before) ||
    /^[-—~～–至到]\d/.test(clause.slice(end)) ||
    /每$/.test(before)
  );
}

/** 第七次 / 第8批 (ordinals), PM2.5 / O3 / 5G (names touching Latin letters). */
function isOrdinalOrName(clause: string, start: number, end: number): boolean {
  return (
    /第$/.test(clause.slice(0, start)) ||
    /[A-Za-z.]$/.test(clause.slice(0, start)) ||
    /^[A-Za-z]/.test(clause.slice(end))
  );
}

/** 距边境3公里范围内: a distance that says where, not how much. */
function isCriterion(clause: string, start: number, end: number): boolean {
  return /距[^，。]{0,8}$/.test(clause.slice(0, start)) && /^(范围|以内|内)/.test(clause.slice(end));
}

/** 围绕…N项任务: a count of what already exists, which the task works within. */
function isExistingSet(clause: string, start: number): boolean {
  return /(围绕|依据|根据|按照)/.test(clause.slice(0, start));
}

/** 年营业收入2000万元以上的企业, 满6个月, 不足50人的: a number that says who qualifies. */
function isThreshold(clause: string, token: Token): boolean {
  const rest = clause.slice(token.end);
  // 20%以上的面积达到…要求 is a target: what is counted is to reach something.
  if (/达到|实现|完成|覆盖/.test(rest)) return false;
  if (
    /^(?:以上|以下|及以上|及以下|以内|左右)?(?:[\u4e00-\u9fa5]{1,2})?的(?!目标|水平|任务|要求|规模|标准)/.test(
      rest,
    )
  )
    return true;
  // 10亿元以上项目, 56人以上大班额: a size that says which ones, before what has it (500个以上项目
  // counts the projects themselves).
  if (
    !ITEM_UNITS.has(token.unit) &&
    /^(?:以上|以下|及以上|及以下)(?:[\u4e00-\u9fa5]{0,4})?(?:项目|企业|工程|大班额|班额|单位|园区|商户|客户|医院|学校|事故)/.test(
      rest,
    )
  )
    return true;
  return /(?:满|不足|年满|超过|达到)$/.test(clause.slice(0, token.start)) && /^(?:以上|以下)?的/.test(rest);
}

/**
 * 贷款最高50万元, 补贴比例不低于30%, 按50%给予补助: an amount or rate in a policy's terms; and
 * 落实…90条措施, the size of a package that exists.
 */
function isPolicyTerm(clause: string, token: Token): boolean {
  const rest = clause.slice(token.end);
  if (token.unit === '条' && /^(?:政策)?(?:措施|举措|条款|政策|意见|规定)/.test(rest))
    return !/(制定|出台|研究出台|推出|形成)$/.test(clause.slice(0, token.start));
  if (token.unit !== '元' && token.unit !== '%') return false;
  const before = clause.slice(0, token.start);
  if (/每(?:人|户|家|个|平方米|亩|吨|辆|台|床|月|年)[^，,]{0,6}$/.test(before)) return true;
  if (
    TERMS.test(before) ||
    /按(?:照)?$/.test(before) ||
    /^(?:给予|的补贴|的补助|的奖励|补贴|补助|奖励)/.test(rest)
  )
    return true;
  return POLICY.test(before) && !DELIVER.test(before);
}
