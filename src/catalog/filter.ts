import type { DocumentTree, PartView } from './read.js';

export interface TreeFilter {
  /** Canonical department name: only its tasks. */
  department?: string | undefined;
  /** 'numeric': tasks with a quantitative target; 'milestone': tasks tracked as done / not done. */
  kind?: 'numeric' | 'milestone' | undefined;
}

/** The parts of a document that match a filter; sections and parts left empty are dropped. */
export function filterParts(tree: DocumentTree, filter: TreeFilter): PartView[] {
  const { department, kind } = filter;
  if (!department && !kind) return tree.parts;
  return tree.parts
    .map((part) => ({
      ...part,
      sections: part.sections
        .map((section) => ({
          ...section,
          tasks: section.tasks.filter(
            (task) =>
              (!department || task.departments.includes(department)) &&
              (!kind || task.indicators.some((i) => (i.kind === 'milestone') === (kind === 'milestone'))),
          ),
        }))
        .filter((section) => section.tasks.length > 0),
    }))
    .filter((part) => part.sections.length > 0);
}

/** How many tasks a list of parts holds. */
export function countTasks(parts: PartView[]): number {
  return parts.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.tasks.length, 0), 0);
}
