import type { DocumentTree, PartView } from './read.js';

export interface TreeFilter {
  /** Canonical department name: only its tasks. */
  department?: string | undefined;
  /** 'numeric': tasks with a quantitative target; 'milestone': tasks tracked as done / not done. */
  kind?: 'numeric' | 'milestone' | undefined;
  /** Only this part. */
  part?: number | undefined;
  /** Only tasks with at least one of these indicators (e.g. those in a status). */
  codes?: Set<string> | undefined;
}

/** The parts of a document that match a filter; sections and parts left empty are dropped. */
export function filterParts(tree: DocumentTree, filter: TreeFilter): PartView[] {
  const { department, kind, part, codes } = filter;
  if (!department && !kind && !part && !codes) return tree.parts;
  return tree.parts
    .filter((p) => !part || p.no === part)
    .map((p) => ({
      ...p,
      sections: p.sections
        .map((section) => ({
          ...section,
          tasks: section.tasks.filter(
            (task) =>
              (!department || task.departments.includes(department)) &&
              (!kind || task.indicators.some((i) => (i.kind === 'milestone') === (kind === 'milestone'))) &&
              (!codes || task.indicators.some((i) => codes.has(i.code))),
          ),
        }))
        .filter((section) => section.tasks.length > 0),
    }))
    .filter((p) => p.sections.length > 0);
}

/** How many tasks a list of parts holds. */
export function countTasks(parts: PartView[]): number {
  return parts.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.tasks.length, 0), 0);
}
