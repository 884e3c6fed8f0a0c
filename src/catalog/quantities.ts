import { parseChineseNumber } from './numbers.js';
import { toHalfWidth } from './text.js';
import type { Comparator, Indicator, IndicatorKind } from './types.js';

/** A target read from a task's text, before it gets its code (value and unit null for a milestone). */
export type Target = Omit<Indicator, 'code'>;

/** Units, longest first so 人次 wins over 人 and 平方公里 over 公里. 万/亿 are multipliers, not units. */
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '人次',
  '公里',
  '千米',
  '%',
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
  '吨',
  '元',
  '间',
  '栋',
  '站',
  '床',
  '米',
];

/** Units that count items: a number in such a unit right after a list of names restates the list. */
const ITEM_UNITS = new Set(['个', '项', '所', '家', '处', '座', '条']);

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?/g;

/** Qualifiers written before a number, longest first, and the comparator each gives. */
const BEFORE: [string, Comparator][] = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['不超过', '<='],
  ['至少', '>='],
  ['不高于', '<='],
  ['保持在', '>='],
  ['超过', '>='],
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

/** Words that open a clause but say nothing of what is counted: dropped from names. */
const NAME_NOISE = [
  /^(年底前|年内|\d{1,2}月底前|\d{1,2}月\d{1,2}日前)/,
  /^(以上|以内|左右)/,
  /^[，、]/,
  /^(全省|全市|各地)/,
  /^(计划|确保|力争|实现|组织开展|继续|积极|着力|努力)/,
];

/**
 * Reads the quantitative targets of one task (its text without the department parenthetical).
 *
 * A number is a target when it is a quantity with a unit (3.6万人, 1623个, 50.5公里, 90%) or a
 * coverage (全覆盖, 全部完工) stated as something the year must deliver. These numbers are not
 * targets, and each rule below says how it is told apart:
 * - years and year spans (2021年, 2020年度, 2021-2030年), durations and ages (5年以上, 3-6岁):
 *   their unit is 年/岁/月/日/次/批 or they sit in a range — such units are simply not target units;
 * - anything inside 《…》 (a plan's title) or “…” (a name such as “761”工程);
 * - ranges (3000-4000户) and per-unit standards (每3000-4000户);
 * - ordinals (第七次, 第八批) — preceded by 第;
 * - distance criteria (距边境3公里范围内) — preceded by 距, followed by 范围;
 * - names of substances (PM2.5, O3) — digits touching Latin letters;
 * - counts that restate a list just given (…等4个项目, 九台区、梅河口市、通榆县3个试点: as many
 *   items as the count says) and a measure attached to such a count (…等3个项目88公里);
 * - counts of existing sets the task works within (围绕4大领域17项建设任务, 两批80个特色小镇).
 */
export function readTargets(text: string, year: number): Target[] {
  const targets: Target[] = [];
  for (const sentence of splitSentences(toHalfWidth(text))) {
    let deadline = `${year}-12-31`;
    for (const clause of sentence.split(/[，,:：]/)) {
      deadline = deadlineIn(clause, year) ?? deadline;
      targets.push(...readClause(clause, sentence, deadline, year));
    }
  }
  return targets;
}

function splitSentences(text: string): string[] {
  return text.split(/[。；;！!]/).filter((s) => s.trim() !== '');
}

/** 年底前 / 年内 → 31 December; 10月底前 → 31 October; 6月30日前 → 30 June. */
export function deadlineIn(clause: string, year: number): string | undefined {
  if (/年底前|年底|年内/.test(clause)) return `${year}-12-31`;
  const day = /(\d{1,2})月(\d{1,2})日前/.exec(clause);
  if (day) return isoDate(year, Number(day[1]), Number(day[2]));
  const month = /(\d{1,2})月底/.exec(clause);
  if (month) {
    const m = Number(month[1]);
    return isoDate(year, m, new Date(Date.UTC(year, m, 0)).getUTCDate());
  }
  if (/上半年/.test(clause)) return `${year}-06-30`;
  return undefined;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Found {
  start: number;
  end: number;
  value: number;
  unit: string;
  target: boolean;
  /** A count that restates a list; a measure right after it is part of the same summary. */
  summary: boolean;
}

function readClause(clause: string, sentence: string, deadline: string, year: number): Target[] {
  const targets: Target[] = [];
  const coverage = /全覆盖|全部完工|全部开工|全部完成|全部建成/.exec(clause);
  const shielded = shieldedRanges(clause);
  const found: Found[] = [];
  for (const m of clause.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const unit = UNITS.find((u) => clause.startsWith(u, end)) ?? '';
    end += unit.length;
    // A year (2021年, 2020年度) ends where its 年 ends, so the words after it start clean.
    if (unit === '') end += /^年度?/.exec(clause.slice(end))?.[0].length ?? 0;
    const previous = found[found.length - 1];
    const item: Found = { start, end, value: parseChineseNumber(m[0]), unit, target: false, summary: false };
    found.push(item);
    if (unit === '' || Number.isNaN(item.value)) continue;
    if (shielded.some(([a, b]) => start >= a && start < b)) continue;
    if (
      isRangeOrStandard(clause, start, end) ||
      isOrdinalOrName(clause, start, end) ||
      isCriterion(clause, start, end)
    ) {
      continue;
    }
    if (isExistingSet(clause, start)) continue;
    const since = clause.slice(previous ? previous.end : 0, start).replace(/^(以上|以内|左右)?、/, '');
    if (ITEM_UNITS.has(unit) && (since.endsWith('等') || listLength(since) === item.value)) {
      item.summary = true;
      continue;
    }
    if (previous?.summary && since.length <= 4) continue;
    item.target = true;
    targets.push(toTarget(clause, sentence, item, previous, deadline, year));
  }
  if (targets.length === 0 && !coverage) {
    const milestone = datedMilestone(clause, deadline, year);
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
      source: clause.trim(),
    });
  }
  return targets;
}

function toTarget(
  clause: string,
  sentence: string,
  item: Found,
  previous: Found | undefined,
  deadline: string,
  year: number,
): Target {
  const before = clause.slice(previous ? previous.end : 0, item.start);
  const qualifier = BEFORE.find(([word]) => before.endsWith(word));
  const after = AFTER.find(([word]) => clause.startsWith(word, item.end));
  // 至少 may stand a verb away from its number (每个乡镇至少建设1个).
  const comparator: Comparator = after?.[1] ?? qualifier?.[1] ?? (/至少/.test(before) ? '>=' : '=');
  // A percentage kept (保持在90%以上, 不低于70%) is a level; one to reach (达到95%) a coverage.
  const percentKept = /保持|不低于/.test(clause) || (after?.[0] === '以上' && !/达到/.test(clause));
  const kind: IndicatorKind =
    item.unit === '%'
      ? percentKept
        ? 'level'
        : 'coverage'
      : /每[个百千万]/.test(clause)
        ? 'level'
        : 'count';
  const sourceStart = item.start - (qualifier ? qualifier[0].length : 0);
  const source = clause.slice(sourceStart, item.end + (after ? after[0].length : 0));
  let name = nameFrom(qualifier ? before.slice(0, -qualifier[0].length) : before, year);
  if (name.length < 4)
    name = (name + nameFrom(clause.slice(item.end + (after?.[0].length ?? 0)), year)).slice(0, 30);
  return {
    name: name || nameFrom(sentence, year),
    value: item.value,
    unit: item.unit,
    comparator,
    deadline,
    kind,
    source,
  };
}

/** How many names a 、-separated list holds (和 and 及 join its last two): 棉大衣、棉被和取暖炉 → 3. */
function listLength(text: string): number {
  if (!text.includes('、')) return 0;
  return text.split(/[、和及]/).filter((piece) => piece.trim() !== '').length;
}

/**
 * A clause that names its own deadline and something to finish by it, with no number
 * (力争年底前基本完成站房主体工程, 9月30日前完成省级平台上线运行): a milestone.
 */
function datedMilestone(clause: string, deadline: string, year: number): Target | undefined {
  const own = deadlineIn(clause, year);
  if (!own || !/(完成|建成|上线|开工|竣工|出台|印发|投运|通车)/.test(clause)) return undefined;
  const name = nameFrom(clause, year);
  if (name.length < 4) return undefined;
  return {
    name,
    value: null,
    unit: null,
    comparator: '=',
    deadline,
    kind: 'milestone',
    source: clause.trim(),
  };
}

/**
 * A short readable label from the words around a number: the document's own year, time, place and
 * planning words dropped (2021年全省计划改造各类棚户区 → 改造各类棚户区). Another year stays
 * (2020年改造任务), since it says which work is meant.
 */
export function nameFrom(text: string, year: number): string {
  let name = text
    .replace(new RegExp(`^${year}年(度)?`), '')
    .replace(/全省/g, '')
    .replace(/^[、，\s]+|[、，\s]+$/g, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const noise of NAME_NOISE) {
      const next = name.replace(noise, '');
      if (next !== name) {
        name = next;
        changed = true;
      }
    }
  }
  name = name.replace(/(保持在|达到|不低于|不少于|的目标)$/, '').replace(/达到/, '');
  return name.length > 30 ? name.slice(0, 30) : name;
}

/** Spans inside 《…》 and “…” / "…": titles and names, never targets. */
function shieldedRanges(clause: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of clause.matchAll(/《[^》]*》|“[^”]*”|"[^"]*"/g))
    ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return ranges;
}

/** 3-6岁, 3000-4000户, 2021-2030年, and 每3000户: ranges and per-unit standards. */
function isRangeOrStandard(clause: string, start: number, end: number): boolean {
  const before = clause.slice(Math.max(0, start - 2), start);
  return /[-—~～至]$/.test(before) || /^[-—~～至]\d/.test(clause.slice(end - 1 + 1)) || /每$/.test(before);
}

/** 第七次 / 第8批 (ordinals), PM2.5 / O3 (names touching Latin letters). */
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

/** 围绕…N项任务, 两批N个: a count of what already exists, which the task works within. */
function isExistingSet(clause: string, start: number): boolean {
  const before = clause.slice(0, start);
  return /(围绕|依据|根据|按照)/.test(before) || /[一二两三四五六七八九十\d]批$/.test(before);
}
