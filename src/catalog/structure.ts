import { findResponsibilities } from './responsibility.js';
import { chineseToNumber, documentLines } from './text.js';

/**
 * Numbering styles of Chinese official documents, in their conventional order of rank
 * (GB/T 9704): 第一部分/第一章, 一、, （一）, 1., (1), ①. A document uses some of them, top down.
 */
export type Style = 'chapter' | 'cn' | 'pcn' | 'arabic' | 'parabic' | 'circled';
const RANK: Style[] = ['chapter', 'cn', 'pcn', 'arabic', 'parabic', 'circled'];
/** 0 for the highest-ranked style (第一部分), 5 for ①. */
export const rank = (s: Style) => RANK.indexOf(s);

const CN = '[一二三四五六七八九十百零〇两]{1,4}';
const PATTERNS: Record<Style, RegExp> = {
  chapter: new RegExp(`^第(${CN})(?:部分|章|篇)[ \\t\\u3000、：:]*`),
  // 一、 but not 一、二、三产业 (a list of numerals).
  cn: new RegExp(`^(${CN})\\s*[、．](?![一二三四五六七八九十]+、)[ \\t\\u3000]*`),
  pcn: new RegExp(`^[（(]\\s*(${CN})\\s*[）)][ \\t\\u3000、.．]*`),
  // 1. 1． 1、 — a dot followed by a digit only when a year follows (7.2022年), never 3.6万.
  arabic: /^(\d{1,3})\s*(?:、|[.．](?!\d)|[.．](?=(?:19|20)\d{2}\s*年))[ \t\u3000]*/,
  parabic: /^(?:[（(]\s*(\d{1,2})\s*[）)]|(\d{1,2})[）)])[ \t\u3000]*/,
  circled: /^([\u2460-\u2473])[ \t\u3000]*/,
};

export interface Item {
  style: Style;
  /** The number as printed (（三） → 3). */
  no: number;
  /** The marker as printed, e.g. "（三）", "7.". */
  marker: string;
  /** The text from after the marker to the next marker of any style (children excluded). */
  content: string;
  parent: Item | undefined;
  children: Item[];
  /** Printed number skipped ahead of the expected one (5. then 7.). */
  gap: boolean;
}

export interface Outline {
  /** Text before the first marker: title, 文号, addressee, preface. */
  preamble: string;
  items: Item[];
  /** Styles present, in rank order. */
  styles: Style[];
}

/**
 * Finds the numbered items of a document. A marker is accepted only where the document expects it:
 * its number is the next of its style, or 1 again after a higher-ranked marker — so 7.2022年 opens
 * task 7 while 3.6万人 inside a wrapped line opens nothing, and markers are found in text that was
 * flattened onto one line (after 。；） or a line end). A gap of one or two (5. then 7.) is accepted
 * at a line start only, and marked. An attachment (a line 附件) may number from 1 again.
 */
export function readOutline(text: string): Outline {
  // Full-width digits read as digits (１．, （２））, so that numbering and numbers are seen alike;
  // the one-character markers ⑴…⒇ and ⒈…⒛ as the (1) and 1. they stand for.
  const lines = documentLines(
    text
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/[\u2474-\u2487]/g, (m) => `(${m.charCodeAt(0) - 0x2474 + 1})`)
      .replace(/[\u2488-\u249b]/g, (m) => `${m.charCodeAt(0) - 0x2488 + 1}.`),
  ).filter((l) => l !== '');
  const flat = lines.join('\n');
  const last = new Map<Style, number>();
  const reset = new Map<Style, boolean>();
  const items: Item[] = [];
  let preambleEnd = flat.length;
  let open: { item: Item; contentStart: number } | undefined;
  const close = (at: number) => {
    if (open) open.item.content = flat.slice(open.contentStart, at).trim();
  };

  for (let i = 0; i < flat.length; i++) {
    const lineStart = i === 0 || flat[i - 1] === '\n';
    // An attachment (a line 附件, 附件2 or 附表1, its title after it or on the next line) numbers its
    // own items from 一、 and 1. again.
    if (lineStart && /^附[件表][ \t\u3000]*\d{0,2}(?:[ \t\u3000：:]|\n|$)/.test(flat.slice(i, i + 8)))
      for (const style of RANK) reset.set(style, true);
    let onlyBracket = false;
    if (!lineStart) {
      if (flat[i] === ' ' || flat[i] === '\u3000' || flat[i] === '\t') continue;
      // A marker inside a line follows a sentence's end, a closing bracket, or a space (text copied
      // from a web page onto one line keeps its paragraphs apart by spaces).
      const previousChar = flat[i - 1] ?? '';
      const before = flat.slice(Math.max(0, i - 3), i).replace(/[ \t\u3000]+$/, '');
      // （一） or 1.推进 where the document expects it may also follow a heading run on without a
      // space (text flattened onto one line that lost its spaces).
      const bracketed =
        (/^[（(]/.test(flat[i] ?? '') || /^\d{1,3}[.．、][\u4e00-\u9fa5“]/.test(flat.slice(i, i + 5))) &&
        !/[第按见照和、\d.．]$/.test(before);
      if (
        !/[。；;！!？?）)】”]$/.test(before) &&
        !/[：:]$/.test(before) &&
        !/[ \t\u3000]/.test(previousChar) &&
        !bracketed
      )
        continue;
      if (bracketed && !/[。；;！!？?）)】”：: \t\u3000]$/.test(flat.slice(0, i))) onlyBracket = true;
    }
    const rest = flat.slice(i, i + 40);
    for (const style of RANK) {
      if (onlyBracket && style !== 'pcn' && style !== 'parabic' && style !== 'arabic') continue;
      if (style === 'chapter' && !lineStart) continue;
      const m = PATTERNS[style].exec(rest);
      if (!m) continue;
      const raw = m[1] ?? m[2] ?? '';
      const no =
        style === 'circled'
          ? raw.charCodeAt(0) - 0x2460 + 1
          : /\d/.test(raw)
            ? Number(raw)
            : chineseToNumber(raw);
      if (!Number.isFinite(no) || no < 1) continue;
      // After ：only sub-items open ((1) ①), as in 主要包括：(1)…
      if (!lineStart && /[：:]$/.test(flat.slice(0, i).trimEnd()) && rank(style) < rank('parabic')) continue;
      const previous = last.get(style) ?? 0;
      const restart = (reset.get(style) ?? true) && no === 1;
      const next = no === previous + 1;
      const gap = lineStart && no > previous + 1 && no <= previous + 3 && previous > 0;
      if (!restart && !next && !gap) continue;
      close(i);
      if (items.length === 0) preambleEnd = i;
      const item: Item = {
        style,
        no,
        marker: m[0].trim(),
        content: '',
        parent: undefined,
        children: [],
        gap,
      };
      for (let k = items.length - 1; k >= 0; k--) {
        const candidate = items[k];
        if (candidate && rank(candidate.style) < rank(style)) {
          item.parent = candidate;
          candidate.children.push(item);
          break;
        }
      }
      items.push(item);
      open = { item, contentStart: i + m[0].length };
      last.set(style, no);
      reset.set(style, false);
      for (const lower of RANK.slice(rank(style) + 1)) reset.set(lower, true);
      i += m[0].length - 1;
      break;
    }
  }
  close(flat.length);
  const styles = RANK.filter((s) => items.some((item) => item.style === s));
  return { preamble: flat.slice(0, preambleEnd).trim(), items, styles };
}

/** Parts whose items state principles and goals, not tasks: 总体要求, 指导思想, 主要目标 … */
export const PREAMBLE_TITLE =
  /^(?:总体要求|总体思路|总体目标|指导思想|基本原则|工作原则|主要目标|主要预期目标|发展目标|工作目标|目标任务|预期目标|重要意义|基本思路|总体部署|总体安排|工作思路|总的要求)/;
/** Parts of closing measures: their items without a department are exhortations, not tasks. */
export const CLOSING_TITLE =
  /^(?:(?:强化|加强|完善|健全)?(?:政策|组织|工作|实施|要素)?保障(?:措施|机制)?|组织实施|工作要求|组织领导|有关要求|其他事项)$/;
/** Items that are goals: 发展目标, 主要目标, 工作目标 … */
export const GOAL_TITLE =
  /^(?:(?:19|20)\d{2}年)?(?:经济社会发展|国民经济和社会发展|全市|全省|全区|全县)?(?:主要|发展|工作|总体|预期|主要预期|行动|年度|具体|近期|远期|奋斗)?目标(?:任务)?$/;

/** The heading of an item: its first line, or its first sentence when the text runs on (（三）深化改革。…). */
export function headingOf(item: Item): string {
  const firstLine = item.content.split('\n')[0] ?? '';
  const sentence = /^(.{1,60}?)[。：:；;]/.exec(firstLine)?.[1];
  // Text flattened onto one line keeps a heading apart from what follows by a space.
  const spaced = /^([^\s。，,；;：:]{2,30})[ \t\u3000]+\S/.exec(firstLine)?.[1];
  const title = spaced && (!sentence || spaced.length < sentence.length) ? spaced : (sentence ?? firstLine);
  return title.replace(/[。；;：:，,]+$/, '').trim();
}

/** The item's own text and its children's, markers kept for the children (sub-items of a task). */
export function fullText(item: Item): string {
  let text = item.content;
  for (const child of item.children) text += `\n${child.marker}${fullText(child)}`;
  return text;
}

/** Whether any text of the item or of its descendants states who is responsible. */
function carries(item: Item): boolean {
  return findResponsibilities(item.content).length > 0;
}

export function descendants(item: Item): Item[] {
  return item.children.flatMap((c) => [c, ...descendants(c)]);
}

export function inPreamblePart(item: Item): boolean {
  for (let p: Item | undefined = item; p; p = p.parent) {
    if (!p.parent && PREAMBLE_TITLE.test(headingOf(p))) return true;
  }
  return false;
}

/**
 * The style whose items are the tasks. Departments close a task, so the task level is one whose
 * items each hold about one statement of responsibility (their own, or their last sub-item's): a
 * level above holds many (a part has many tasks). A level below is told apart by where its
 * statements stand: only in the last sub-item of each task, the others having none. Of the levels
 * left, the deepest. A document without any department takes its deepest level of 1. or （一）.
 */
/**
 * 一、强化企业创新主体地位 / 责任单位：市科技局 / 1.… 2.…: departments named once under each heading
 * for the numbered items below it, which name none. The items are the tasks (they take the
 * heading's departments), not the headings.
 */
function underHeadings(outline: Outline, style: Style, carriers: Set<Item>): Style | undefined {
  const owners = outline.items.filter((i) => i.style === style && carriers.has(i));
  if (owners.length === 0) return undefined;
  const children = owners.flatMap((o) => o.children);
  if (
    children.length < owners.length * 2 ||
    children.some((c) => [c, ...descendants(c)].some((x) => carriers.has(x)))
  )
    return undefined;
  if (!owners.every((o) => o.children.length > 0)) return undefined;
  const styles = [...new Set(children.map((c) => c.style))];
  return styles.length === 1 ? styles[0] : undefined;
}

export function taskStyle(outline: Outline): Style | undefined {
  const carriers = new Set(outline.items.filter(carries));
  const candidates: { style: Style; owning: number }[] = [];
  for (const style of outline.styles) {
    const items = outline.items.filter((i) => i.style === style && !inPreamblePart(i));
    if (items.length === 0) continue;
    const owning = items.filter((item) => [item, ...descendants(item)].some((x) => carriers.has(x)));
    const held = owning.reduce(
      (n, item) => n + [item, ...descendants(item)].filter((x) => carriers.has(x)).length,
      0,
    );
    if (owning.length === 0 || held / owning.length > 1.5) continue;
    const last = owning.filter((item) => {
      const siblings = (item.parent?.children ?? outline.items.filter((i) => !i.parent)).filter(
        (c) => c.style === style,
      );
      return siblings[siblings.length - 1] === item && siblings.length > 1;
    });
    const subItems =
      owning.length >= 2 && owning.length / items.length < 0.7 && last.length / owning.length >= 0.8;
    if (!subItems) candidates.push({ style, owning: owning.length });
  }
  // The deepest level that still holds nearly all the statements (not one sub-item's among many).
  const most = Math.max(0, ...candidates.map((c) => c.owning));
  const chosen = candidates.filter((c) => c.owning >= most * 0.8).pop();
  if (chosen) return underHeadings(outline, chosen.style, carriers) ?? chosen.style;
  for (const style of ['arabic', 'pcn', 'parabic', 'cn', 'circled'] as Style[])
    if (outline.styles.includes(style)) return style;
  return undefined;
}
