import type { DepartmentMode } from '../../src/catalog/types.js';
import { MODE_LABELS } from '../format.js';
import { departmentHref } from '../links.js';

/** The departments responsible for a task, each a link to its own page, with how they share the work. */
export function DepartmentChips({
  departments,
  mode,
  docQuery = '',
}: {
  departments: string[];
  mode: DepartmentMode;
  docQuery?: string;
}) {
  return (
    <p class="departments">
      <span class="departments-label">责任单位</span>
      {departments.map((name, i) => (
        <a
          class={`chip${mode === 'lead' && i === 0 ? ' chip-lead' : ''}`}
          href={departmentHref(name, docQuery)}
        >
          {name}
        </a>
      ))}
      {mode === 'lead' && <span class="mode">等（{MODE_LABELS.lead}）</span>}
      {mode === 'separate' && <span class="mode">{MODE_LABELS.separate}</span>}
    </p>
  );
}
