import { FIELD_START, isBareDepartments, isResponsibility } from './departments.js';

/** Where a task's text says who is responsible: a parenthetical or a block of labelled fields. */
export interface Found {
  start: number;
  end: number;
  /** The words to read departments from (a parenthetical without its brackets, or the field block). */
  inner: string;
  kind: 'paren' | 'fields';
}

/** Parentheses at depth 0 in the text, balanced (各县（市、区）政府 nests), as [start, end) with inner. */
export function parentheticals(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') {
      if (depth === 0) open = i;
      depth += 1;
    } else if ((ch === '）' || ch === ')') && depth > 0) {
      depth -= 1;
      if (depth === 0) out.push({ start: open, end: i + 1, inner: text.slice(open + 1, i) });
    } else if (depth > 0 && i - open > 300) depth = 0; // an unclosed bracket: give up on it
  }
  return out;
}

/** Positions where a labelled field may open: a line start, or after a sentence or clause ends. */
function fieldStarts(text: string, shielded: [number, number][]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!/[牵责主负实配协参承【[［完时进分包督联]/.test(ch)) continue;
    // The character before, spaces skipped: a line start or the end of a sentence or clause.
    let k = i - 1;
    while (k >= 0 && /[ \t\u3000]/.test(text[k] ?? '')) k -= 1;
    if (k >= 0 && !/[\n。；;，,）)】]/.test(text[k] ?? '')) continue;
    if (!FIELD_START.test(text.slice(i, i + 16))) continue;
    if (shielded.some(([a, b]) => i > a && i < b)) continue;
    starts.push(i);
  }
  return starts;
}

/**
 * Every statement of responsibility in one task's text: department parentheticals anywhere
 * (（省公安厅负责）, several in a task whose clauses each have their own), and labelled field blocks
 * (牵头单位：… 责任单位：… on lines of their own, after the text or before it).
 */
export function findResponsibilities(text: string): Found[] {
  const parens = parentheticals(text);
  const found: Found[] = parens
    .filter((p) => isResponsibility(p.inner) || (isBareDepartments(p.inner) && closesSentence(text, p.end)))
    .map((p) => ({ start: p.start, end: p.end, inner: p.inner, kind: 'paren' as const }));
  const shielded = parens.map((p): [number, number] => [p.start, p.end]);
  const starts = fieldStarts(text, shielded);
  if (starts.length > 0) {
    const first = starts[0] ?? 0;
    const leading = text.slice(0, first).trim() === '';
    let end: number;
    if (leading) {
      // 责任单位：区发改局。推进… — the field ends with its line or its sentence; the task follows.
      const line = text.indexOf('\n', first);
      const lineEnd = line === -1 ? text.length : line;
      const lastStart = starts.filter((s) => s < lineEnd).pop() ?? first;
      const stop = text.slice(lastStart, lineEnd).search(/[。]/);
      end = stop === -1 ? lineEnd : lastStart + stop + 1;
      // Further field lines right after it belong to the same block.
      for (const s of starts) if (s >= end && text.slice(end, s).trim() === '') end = endOfLine(text, s);
    } else {
      end = text.length;
      // Lines after the block that are not fields (a closing paragraph) are not part of it.
      let cursor = first;
      for (;;) {
        const lineEnd = endOfLine(text, cursor);
        const next = starts.find((s) => s >= lineEnd);
        if (next !== undefined && text.slice(lineEnd, next).trim() === '') cursor = next;
        else {
          end = lineEnd;
          break;
        }
      }
    }
    if (!found.some((f) => f.start <= first && f.end > first))
      found.push({ start: first, end, inner: text.slice(first, end), kind: 'fields' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether only a sentence's end (。；), a line end or the text's end follows `at`. */
function closesSentence(text: string, at: number): boolean {
  return /^[ \t\u3000]*(?:[。；;．.]|\n|$)/.test(text.slice(at, at + 4));
}

function endOfLine(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}
