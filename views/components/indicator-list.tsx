import type { IndicatorRow } from '../../src/catalog/read.js';
import { formatDeadline, formatTarget, KIND_LABELS } from '../format.js';

/** The targets of one task: the figure first, as a leader reads it, then what it is and by when. */
export function IndicatorList({ indicators, year }: { indicators: IndicatorRow[]; year: number }) {
  return (
    <ul class="indicators">
      {indicators.map((i) => (
        <li class={`indicator kind-${i.kind}`} id={`ind-${i.code}`}>
          <span class="indicator-target">
            {i.kind === 'milestone' ? '节点任务' : formatTarget(i.target, i.unit, i.comparator)}
          </span>
          <span class="indicator-name">{i.name}</span>
          <span class="indicator-meta">
            <span class={`tag tag-${i.kind}`}>{KIND_LABELS[i.kind]}</span>
            <span class="deadline">{formatDeadline(i.deadline, year)}</span>
            <code class="code">{i.code}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
