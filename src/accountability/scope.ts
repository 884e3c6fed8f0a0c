import type { Actor } from '../auth/roles.js';
import { reportingScope } from '../auth/roles.js';
import type { Store } from '../store/store.js';

/** The departments of an indicator's task, the lead first. */
export async function indicatorDepartments(store: Store, code: string): Promise<string[]> {
  return (
    (await store.one<{ departments: string[] | null }>('catalog/indicator_departments', { code }))
      ?.departments ?? []
  );
}

/**
 * Whether the actor may write for an indicator of these departments: administrators and reporters
 * for all departments always; a reporter scoped to departments for one of them (as an upload's
 * rows are checked); viewers never.
 */
export function mayWriteFor(actor: Actor, departments: string[]): boolean {
  if (actor.role === 'viewer') return false;
  const scope = reportingScope(actor);
  return scope === null || departments.some((d) => scope.includes(d));
}

export const outOfScope = (code: string, departments: string[]) =>
  `指标 ${code} 由 ${departments.join('、') || '其他单位'} 负责，不在您账号的填报范围内。`;
