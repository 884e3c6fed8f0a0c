import { findResponsibility, parseResponsibility } from './departments.js';
import { nameFrom, readTargets } from './quantities.js';
import { documentTitle, readStructure } from './structure.js';
import { toHalfWidth } from './text.js';
import type { Catalog, Indicator, Task } from './types.js';

/** A text that is not a key-task document; the message says why, in Chinese. */
export class CatalogParseError extends Error {}

/**
 * Parses a key-task document (重点任务) into its catalogue: parts, sections, numbered tasks, the
 * departments responsible for each, and the indicators to track. Every task gets at least one
 * indicator: its quantitative targets, or else one milestone (done or not by a deadline).
 */
export function parseDocument(
  text: string,
  options: { id?: string; year?: number | undefined } = {},
): Catalog {
  checkText(text);
  const structure = readStructure(text);
  if (structure.tasks.length === 0) {
    throw new CatalogParseError('文件中没有找到编号的任务（如“1.”“2、”），不像是重点任务文件。');
  }
  const title = documentTitle(structure.titleLines) || '重点任务';
  const year = options.year ?? yearOf(title, structure.titleLines);
  const tasks = structure.tasks.map((raw): Task => {
    const responsibility = findResponsibility(raw.text);
    if (!responsibility)
      throw new CatalogParseError(`第${raw.seq}项任务缺少责任单位（应以“（××负责）”结尾）`);
    const { departments, mode } = parseResponsibility(responsibility.inner);
    if (departments.length === 0) throw new CatalogParseError(`第${raw.seq}项任务缺少责任单位`);
    const body = raw.text.slice(0, responsibility.start).trim();
    return {
      seq: raw.seq,
      part: raw.part,
      section: raw.section,
      text: body,
      departments,
      departmentMode: mode,
      indicators: indicatorsOf(raw.seq, body, year),
    };
  });
  return {
    document: { id: options.id ?? `document-${year}`, title, year },
    parts: structure.parts,
    sections: structure.sections,
    tasks,
  };
}

function indicatorsOf(seq: number, text: string, year: number): Indicator[] {
  const code = (n: number) => `${year}-T${seq}-${n}`;
  const targets = readTargets(text, year);
  if (targets.length > 0) return targets.map((t, i) => ({ code: code(i + 1), ...t }));
  return [{ code: code(1), ...milestoneOf(text, year) }];
}

/** A task with no target of its own is still tracked, as a milestone done or not by year end. */
function milestoneOf(text: string, year: number): Omit<Indicator, 'code'> {
  const plain = toHalfWidth(text);
  const clause = (plain.split(/[，,；;。]/).find((c) => c.trim() !== '') ?? plain).trim();
  return {
    name: nameFrom(clause, year) || clause.slice(0, 30),
    value: null,
    unit: null,
    comparator: '=',
    deadline: `${year}-12-31`,
    kind: 'milestone',
    // The source keeps the document's own punctuation.
    source: (text.split(/[。；;]/)[0] ?? text).trim(),
  };
}

function yearOf(title: string, lines: string[]): number {
  const m = /(20\d{2})年/.exec(title) ?? /(20\d{2})年/.exec(lines.join(''));
  if (!m) throw new CatalogParseError('无法从标题中确定年份（如“2021年”），请用 --year 指定。');
  return Number(m[1]);
}

/** Refuses empty and binary input before trying to read structure from it. */
function checkText(text: string): void {
  if (text.trim() === '') throw new CatalogParseError('文件是空的。');
  const sample = text.slice(0, 4096);
  let control = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    // NUL and other C0 controls (tab and line ends excepted), or U+FFFD left by a wrong decoding.
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) control += 1;
  }
  if (control > 0 && control / sample.length > 0.01) {
    throw new CatalogParseError('这不是文本文件（含有二进制内容），请提供 UTF-8 编码的 .txt 文件。');
  }
}
