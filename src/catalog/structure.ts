import { chineseToNumber, documentLines } from './text.js';

export interface RawTask {
  seq: number;
  part: number;
  section: number;
  /** The whole task text, lines joined, department parenthetical included. */
  text: string;
}

export interface Structure {
  titleLines: string[];
  parts: { no: number; title: string }[];
  sections: { no: number; part: number; title: string }[];
  tasks: RawTask[];
}

const PART = /^([一二三四五六七八九十]{1,3})、\s*(.+)$/;
const SECTION = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.*)$/;
// A task number is followed by 、, or by . ． not followed by a digit (so 3.6万 opening a line is no task).
const TASK = /^(\d{1,3})\s*(?:[.．](?!\d)|、)\s*(.*)$/;
// A task is complete once its department parenthetical closes it.
const CLOSED = /[（(][^（）()]*(负责|牵头|配合|责任单位)[^（）()]*[）)]$/;

/**
 * Splits a document into its title, parts (一、), sections (（一） or (一)) and numbered tasks
 * (1. 1． 1、). A task's text runs over following lines until its department parenthetical
 * closes it; text after a closed task that is no heading (a closing paragraph) belongs to no task.
 */
export function readStructure(text: string): Structure {
  const structure: Structure = { titleLines: [], parts: [], sections: [], tasks: [] };
  let part = 0;
  let section = 0;
  let current: RawTask | undefined;
  let inPreface = true;

  for (const line of documentLines(text)) {
    if (line === '') continue;
    const partMatch = PART.exec(line);
    const sectionMatch = SECTION.exec(line);
    const taskMatch = TASK.exec(line);
    if (partMatch && chineseToNumber(partMatch[1] ?? '') === part + 1) {
      part += 1;
      section = structure.sections.length > 0 ? section : 0;
      structure.parts.push({ no: part, title: cleanTitle(partMatch[2] ?? '') });
      current = undefined;
      inPreface = false;
    } else if (
      sectionMatch &&
      part > 0 &&
      chineseToNumber(sectionMatch[1] ?? '') === structure.sections.length + 1
    ) {
      section = structure.sections.length + 1;
      structure.sections.push({ no: section, part, title: cleanTitle(sectionMatch[2] ?? '') });
      current = undefined;
    } else if (taskMatch && part > 0 && isNextTask(Number(taskMatch[1]), structure.tasks)) {
      current = {
        seq: Number(taskMatch[1]),
        part,
        section: sectionOf(structure, part, section),
        text: taskMatch[2] ?? '',
      };
      structure.tasks.push(current);
    } else if (current && !CLOSED.test(current.text)) {
      current.text += line;
    } else if (inPreface) {
      structure.titleLines.push(line);
    }
  }
  return structure;
}

/** Tasks are numbered on through the document; some editions restart at 1 in each part. */
function isNextTask(seq: number, tasks: RawTask[]): boolean {
  const last = tasks[tasks.length - 1];
  return last === undefined ? seq === 1 : seq === last.seq + 1 || seq === 1;
}

/** The section a task sits in, or 0 when its part has no section yet. */
function sectionOf(structure: Structure, part: number, section: number): number {
  const s = structure.sections[section - 1];
  return s && s.part === part ? section : 0;
}

function cleanTitle(title: string): string {
  return title.replace(/[。；;：:]+$/, '').trim();
}

/**
 * The document's title: the short heading lines before the preface ("附件" and the like dropped),
 * joined, e.g. 吉林省2021年新型城镇化建设 + 和城乡融合发展重点任务.
 */
export function documentTitle(titleLines: string[]): string {
  const heading: string[] = [];
  for (const line of titleLines) {
    if (/^附件\s*\d*$/.test(line)) continue;
    if (line.length > 40 || /[。，]/.test(line)) break;
    heading.push(line);
  }
  return heading.join('');
}
