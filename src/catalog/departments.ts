import { canonicalDepartment } from './department-aliases.js';
import type { DepartmentMode } from './types.js';

export interface Responsibility {
  departments: string[];
  mode: DepartmentMode;
}

/**
 * The department parenthetical that ends a task, e.g. （省教育厅、省委编办分别负责）,
 * （省发改委牵头，省财政厅配合）, （牵头单位：省民政厅；配合单位：省财政厅）, （责任单位：省交通厅）.
 * Returns the parenthetical's position so the task text can be given without it.
 */
export function findResponsibility(text: string): { start: number; inner: string } | undefined {
  const m = /[（(]([^（）()]*(?:负责|牵头|配合|责任单位)[^（）()]*)[）)]\s*$/.exec(text);
  return m ? { start: m.index, inner: m[1] ?? '' } : undefined;
}

/** Reads who is responsible and how they share the work. */
export function parseResponsibility(inner: string): Responsibility {
  const text = inner.replace(/\s+/g, '');
  const labelled = /(牵头单位|责任单位|主责单位)[:：]/.test(text);
  if (labelled) {
    // 牵头单位：A；配合单位：B、C — the lead first, then the others.
    const lead: string[] = [];
    const others: string[] = [];
    for (const part of text.split(/[；;。]/)) {
      const m = /^(.*?单位)[:：](.+)$/.exec(part);
      if (!m) continue;
      (m[1]?.includes('牵头') ? lead : others).push(...splitNames(m[2] ?? ''));
    }
    return finish([...lead, ...others], lead.length > 0 ? 'lead' : 'sole');
  }
  if (text.includes('牵头')) {
    // A牵头，B、C配合 (or …参与, …按职责分工负责).
    const [leadPart = '', ...rest] = text.split(/[，,；;]/);
    const lead = splitNames(leadPart.replace(/牵头.*$/, ''));
    const others = rest.flatMap((part) =>
      splitNames(part.replace(/(等)?(按职责分工)?(配合|参与|负责)$/, '')),
    );
    return finish([...lead, ...others], 'lead');
  }
  const separate = /分别负责$/.test(text);
  const unnamedOthers = /等(分别)?负责$/.test(text);
  const names = splitNames(text.replace(/等?(分别)?负责$/, ''));
  return finish(names, separate ? 'separate' : unnamedOthers ? 'lead' : 'sole');
}

function finish(names: string[], mode: DepartmentMode): Responsibility {
  return { departments: [...new Set(names.map(canonicalDepartment))], mode };
}

/**
 * Splits 、-joined names, mending a misplaced 省 such as 省文旅厅省、自然资源厅 (→ 省文旅厅,
 * 省自然资源厅): a name ending in 省 whose neighbour lacks the prefix gives the 省 back to it.
 */
export function splitNames(text: string): string[] {
  const pieces = text
    .split(/[、，,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (let i = 0; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    const next = pieces[i + 1] ?? '';
    if (piece.length > 2 && piece.endsWith('省') && !next.startsWith('省')) {
      pieces[i] = piece.slice(0, -1);
      pieces[i + 1] = `省${next}`;
    }
  }
  return pieces;
}
