import { chineseNumeral } from './text.js';

/**
 * A table of contents (目录, then headings each with its page number: 一、总体要求 1, or with dot
 * leaders) is left out: its headings are not the document's, and would take the numbers the text's
 * own headings need.
 */
export function dropTableOfContents(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*$/.test(l));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && (lines[end]?.trim() === '' || CONTENTS_ENTRY.test(lines[end]?.trim() ?? '')))
    end += 1;
  return end - start < 3 ? text : [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** 一、总体要求 1, （二）工作目标……3, 第二章 重点任务 12: a heading and its page number. */
const CONTENTS_ENTRY = /^\S.{0,40}?(?:[.…·．\-—_ \t\u3000]{1,}|(?<=[\u4e00-\u9fa5）)]))\d{1,3}$/;

/**
 * Headings a document sets apart by type alone (a bold line 提升政务服务便利度 over tasks 1.–2., with no
 * number of its own), numbered as the sections they are: （一）, （二） … from each chapter on, so the
 * outline reads them as it reads a numbered document. Only where the document numbers no section
 * (（一）) itself, and only lines that stand alone between a chapter or a task and the next task.
 */
export function numberUnnumberedHeadings(text: string): string {
  const lines = text.split('\n');
  if (lines.some((l) => /^[ \t\u3000]*[（(][一二三四五六七八九十]+[)）]/.test(l))) return text;
  const filled = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const headings = new Set<number>();
  filled.forEach((index, k) => {
    // Not the title and what stands under it.
    if (k < 2) return;
    const line = (lines[index] ?? '').trim();
    const next = (lines[filled[k + 1] ?? -1] ?? '').trim();
    const previous = (lines[filled[k - 1] ?? -1] ?? '').trim();
    if (!isHeadingLine(line) || !TASK.test(next) || /^附件/.test(previous)) return;
    // After a chapter or part heading, or after a task's last sentence: between, not inside,
    // paragraphs (a wrapped task's last piece follows a line that does not end its sentence).
    if (!CHAPTER.test(previous) && !/[。）)]$/.test(previous)) return;
    headings.add(index);
  });
  if (headings.size < 2) return text;
  let n = 0;
  return lines
    .map((line, i) => {
      if (CHAPTER.test(line.trim())) n = 0;
      if (!headings.has(i)) return line;
      n += 1;
      return `（${chineseNumeral(n)}）${line.trim()}`;
    })
    .join('\n');
}

const TASK = /^\d{1,3}[.．、]\s*\S/;
const CHAPTER = /^(?:第[一二三四五六七八九十]+[章部分编篇]|[一二三四五六七八九十]+、)/;

/** A short line without a sentence's punctuation or a number of its own: 优化市场准入环境. */
function isHeadingLine(line: string): boolean {
  return (
    line.length >= 4 &&
    line.length <= 24 &&
    /^[\u4e00-\u9fa5“]/.test(line) &&
    !/[。，,；;：:！!？?、\d%％]/.test(line) &&
    !CHAPTER.test(line) &&
    !/^附件/.test(line)
  );
}
