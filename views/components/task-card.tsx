import type { IndicatorRow as StateRow } from '../../src/analytics/dashboard.js';
import type { TaskView } from '../../src/catalog/read.js';
import { taskHref } from '../links.js';
import { DepartmentChips } from './department-chips.js';
import { IndicatorList } from './indicator-list.js';

/** One numbered task: its number, its text, who is responsible and what it must achieve. */
export function TaskCard({
  task,
  year,
  docQuery = '',
  states,
}: {
  task: TaskView;
  year: number;
  docQuery?: string;
  states?: Map<string, StateRow> | undefined;
}) {
  return (
    <article class="task" id={`task-${task.seq}`} data-task={task.seq}>
      <a class="task-seq" href={taskHref(task.seq, docQuery)} title={`第${task.seq}项任务`}>
        {task.seq}
      </a>
      <div class="task-body">
        <p class="task-text">
          <a href={taskHref(task.seq, docQuery)}>{task.text}</a>
        </p>
        <DepartmentChips departments={task.departments} mode={task.mode} docQuery={docQuery} />
        <IndicatorList indicators={task.indicators} year={year} states={states} />
      </div>
    </article>
  );
}
