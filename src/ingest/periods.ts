/**
 * Period phrases as offices write them in headers, cells and titles: 10月, 1-10月, 1—6月, 1～6月,
 * 1至9月, 截至10月底, 一季度, 二季度, 上半年, 前三季度, 全年, 2021年1-10月, 2021-10, 202110.
 */
export interface PeriodPhrase {
  /** The year when the phrase writes one (2021年1-10月), else null: the title's or the indicator's applies. */
  year: number | null;
  /** The month the period ends with: 1-6月 → 6, 前三季度 → 9, 全年 → 12. */
  month: number;
  /**
   * cumulative: from January to that month (1-6月, 上半年, 截至6月底); increment: that month or
   * quarter alone (6月当月, 二季度, 4-6月); null: the phrase does not say (6月).
   */
  basis: 'cumulative' | 'increment' | null;
}

/** Full-width forms to half-width, spaces removed, every dash or 至 between two numbers as '-'. */
export function normalisePhrase(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/(\d)(?:[-—–―‐‑~～〜]+|至|到)(?=\d)/g, '$1-');
}

// What may follow a period in a header: 1-10月累计, 10月份, 10月底, 1-3月完成值, 10月当月.
const SUFFIX =
  '(份)?(底|末)?(累计完成值|累计完成|累计值|累计数|累计|完成值|完成数|完成情况|完成|实际完成|实际值|实际|实绩|数值|数|当月完成|当月|当期|本月|单月)?';
const YEAR = '(?:(\\d{4})年(?:度)?)?';

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Spans of several quarters or half years, by the month they end with, all from January unless said. */
const SPANS: Record<string, PeriodPhrase> = {
  上半年: { year: null, month: 6, basis: 'cumulative' },
  下半年: { year: null, month: 12, basis: 'increment' },
  前两季度: { year: null, month: 6, basis: 'cumulative' },
  前二季度: { year: null, month: 6, basis: 'cumulative' },
  '1-2季度': { year: null, month: 6, basis: 'cumulative' },
  一至二季度: { year: null, month: 6, basis: 'cumulative' },
  前三季度: { year: null, month: 9, basis: 'cumulative' },
  '1-3季度': { year: null, month: 9, basis: 'cumulative' },
  一至三季度: { year: null, month: 9, basis: 'cumulative' },
  全年: { year: null, month: 12, basis: 'cumulative' },
  一至四季度: { year: null, month: 12, basis: 'cumulative' },
};

function suffixBasis(suffix: string | undefined, end: string | undefined): PeriodPhrase['basis'] {
  if (suffix && /^(当月|当期|本月|单月)/.test(suffix)) return 'increment';
  if (suffix?.startsWith('累计') || end) return 'cumulative';
  return null;
}

function phrase(year: string | undefined, month: number, basis: PeriodPhrase['basis']): PeriodPhrase | null {
  const y = year ? Number(year) : null;
  if (y !== null && (y < 1990 || y > 2100)) return null;
  return month >= 1 && month <= 12 ? { year: y, month, basis } : null;
}

const RANGE = new RegExp(`^${YEAR}(\\d{1,2})-(\\d{1,2})月${SUFFIX}$`);
const UNTIL = new RegExp(`^${YEAR}(?:截至|截止|至|到)(\\d{1,2})月${SUFFIX}$`);
const MONTH = new RegExp(`^${YEAR}(\\d{1,2})月${SUFFIX}$`);
const QUARTER = new RegExp(`^${YEAR}(?:第)?([一二三四1-4])季度${SUFFIX}$`);
const SPAN = new RegExp(`^${YEAR}(${Object.keys(SPANS).join('|')})${SUFFIX}$`);

/**
 * Reads a header (or a period cell) that names one period, or null. Brackets are dropped first, so
 * a unit written after the period does not matter: 1-3月（万人） is 1-3月.
 *
 * @example periodOfHeader('1—6月') // { year: null, month: 6, basis: 'cumulative' }
 * @example periodOfHeader('二季度') // { year: null, month: 6, basis: 'increment' }
 */
export function periodOfHeader(text: string): PeriodPhrase | null {
  const written = normalisePhrase(text.replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')).toUpperCase();
  // 截至2021年9月末: as of that month (year to date); 21年9月: the year in two digits.
  const until = /^(?:截至|截止到|截止|至)(?=\d)/.test(written);
  const n = written.replace(/^(?:截至|截止到|截止|至)(?=\d)/, '').replace(/^(\d{2})年(?=\d)/, '20$1年');
  if (n === '') return null;
  if (until) {
    const found = periodOfHeader(n);
    return found ? { ...found, basis: 'cumulative' } : null;
  }
  // 2021-07-31, 2021/7/31, 2021年7月31日 over a column: that month's.
  const day = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(n);
  if (day) return phrase(day[1], Number(day[2]), null);
  // 一月 … 十二月 (九月份, 2021年九月).
  const named = /^(?:(\d{4})年)?([一二三四五六七八九十]{1,3})月(?:份)?$/.exec(n);
  if (named) {
    const month = CN_MONTHS.indexOf(named[2] ?? '') + 1;
    if (month > 0) return phrase(named[1], month, null);
  }
  let m = RANGE.exec(n);
  if (m) {
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (from < 1 || from > to) return null;
    return phrase(m[1], to, from === 1 ? 'cumulative' : 'increment');
  }
  m = UNTIL.exec(n);
  if (m) return phrase(m[1], Number(m[2]), 'cumulative');
  m = MONTH.exec(n);
  if (m) return phrase(m[1], Number(m[2]), suffixBasis(m[5], m[4]));
  m = QUARTER.exec(n);
  if (m) {
    const q = QUARTERS[m[2] ?? ''] ?? 0;
    // 一季度 runs from January, so it is year to date; 二季度 alone is April to June.
    const basis = q === 1 || (m[5] ?? '').startsWith('累计') ? 'cumulative' : 'increment';
    return phrase(m[1], q * 3, basis);
  }
  m = /^(\d{4})Q([1-4])$|^Q([1-4])$/.exec(n);
  if (m) {
    const q = Number(m[2] ?? m[3]);
    return phrase(m[1], q * 3, q === 1 ? 'cumulative' : 'increment');
  }
  m = SPAN.exec(n);
  if (m) {
    const span = SPANS[m[2] ?? ''];
    return span ? phrase(m[1], span.month, span.basis) : null;
  }
  m = /^(\d{4})[-/.](\d{1,2})(?:月)?$/.exec(n) ?? /^(\d{4})(\d{2})$/.exec(n);
  if (m) return phrase(m[1], Number(m[2]), null);
  return null;
}

const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The year a text names (2021年…), or null. */
export function yearInText(text: string): number | null {
  const m = /(?:^|\D)((?:19|20)\d{2})\s*年/.exec(normalisePhrase(text));
  return m ? Number(m[1]) : null;
}

/**
 * The period a title names somewhere in its text: 2021年新型城镇化重点任务指标完成情况（1-10月）→
 * 2021, October, cumulative. The most specific phrase wins (a range over a bare month).
 */
export function periodInText(text: string): PeriodPhrase | null {
  const n = normalisePhrase(text);
  const year = yearInText(text);
  let m = /(?:^|\D)(\d{1,2})-(\d{1,2})月/.exec(n);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from >= 1 && from <= to) return phrase(year?.toString(), to, from === 1 ? 'cumulative' : 'increment');
  }
  m = /(?:截至|截止|至)(\d{1,2})月/.exec(n);
  if (m) return phrase(year?.toString(), Number(m[1]), 'cumulative');
  m = new RegExp(Object.keys(SPANS).join('|')).exec(n);
  if (m) {
    const span = SPANS[m[0]];
    if (span) return phrase(year?.toString(), span.month, span.basis);
  }
  m = /(?:第)?([一二三四1-4])季度/.exec(n);
  if (m) {
    const q = QUARTERS[m[1] ?? ''] ?? 0;
    return phrase(year?.toString(), q * 3, q === 1 ? 'cumulative' : 'increment');
  }
  m = /(?:^|\D)(\d{1,2})月(份)?(底|末)?(累计)?/.exec(n);
  if (m) return phrase(year?.toString(), Number(m[1]), m[3] || m[4] ? 'cumulative' : null);
  return null;
}

/** A period as 2021年1-10月 / 2021年10月 for messages. */
export function describePeriod(p: PeriodPhrase, year: number | null = p.year): string {
  const y = year ? `${year}年` : '';
  if (p.basis === 'cumulative' && p.month > 1) return `${y}1-${p.month}月`;
  return `${y}${p.month}月${p.basis === 'increment' ? '（当期）' : ''}`;
}
