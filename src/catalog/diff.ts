import type { Catalog, Indicator, Task } from './types.js';

/** One field of one item that changed between two states of a catalogue: old → new, as text. */
export interface CatalogEdit {
  /** document, task:<seq>, indicator:<code> */
  item: string;
  /** A field name, or added / removed (the whole item as JSON in new / old). */
  field: string;
  old: string | null;
  new: string | null;
}

const TASK_FIELDS = ['text', 'departments', 'departmentMode', 'lead'] as const;
const INDICATOR_FIELDS = [
  'name',
  'value',
  'unit',
  'comparator',
  'deadline',
  'kind',
  'recurrence',
  'source',
] as const;

const shown = (value: unknown): string | null =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0)
    ? null
    : Array.isArray(value)
      ? value.join('、')
      : String(value);

/**
 * What changed from one catalogue to the next, field by field: the edit history a reviewer reads
 * (who changed what, old → new). Indicators are matched by code, tasks by number.
 *
 * @example
 * diffCatalogs(before, after) // [{ item: 'indicator:2022-T4-1', field: 'value', old: '1500', new: '1600' }]
 */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogEdit[] {
  const edits: CatalogEdit[] = [];
  const push = (item: string, field: string, a: unknown, b: unknown) => {
    const [o, n] = [shown(a), shown(b)];
    if (o !== n) edits.push({ item, field, old: o, new: n });
  };
  push('document', 'title', before.document.title, after.document.title);
  push('document', 'year', before.document.year, after.document.year);
  push('document', 'headline', before.headline ?? [], after.headline ?? []);

  const tasks = (c: Catalog) => new Map(c.tasks.map((t) => [t.seq, t]));
  const [oldTasks, newTasks] = [tasks(before), tasks(after)];
  for (const [seq, task] of newTasks) {
    const old = oldTasks.get(seq);
    if (!old) edits.push({ item: `task:${seq}`, field: 'added', old: null, new: task.text });
    else for (const f of TASK_FIELDS) push(`task:${seq}`, f, (old as Task)[f], task[f]);
  }
  for (const [seq, task] of oldTasks)
    if (!newTasks.has(seq)) edits.push({ item: `task:${seq}`, field: 'removed', old: task.text, new: null });

  const indicators = (c: Catalog) =>
    new Map([...c.tasks, ...(c.goals ?? [])].flatMap((t) => t.indicators.map((i) => [i.code, i] as const)));
  const [oldIndicators, newIndicators] = [indicators(before), indicators(after)];
  for (const [code, indicator] of newIndicators) {
    const old = oldIndicators.get(code);
    if (!old)
      edits.push({ item: `indicator:${code}`, field: 'added', old: null, new: JSON.stringify(indicator) });
    else for (const f of INDICATOR_FIELDS) push(`indicator:${code}`, f, (old as Indicator)[f], indicator[f]);
  }
  for (const [code, indicator] of oldIndicators)
    if (!newIndicators.has(code))
      edits.push({ item: `indicator:${code}`, field: 'removed', old: JSON.stringify(indicator), new: null });
  return edits;
}
