import type { Child } from 'hono/jsx';
import type { Rollup } from '../../src/analytics/dashboard.js';
import { STATUSES } from '../../src/analytics/thresholds.js';
import { formatPercent } from '../format.js';

/**
 * Indicators in each status and the mean completion, one row per group (part, section, department,
 * region). `label` renders a row's first cell (a link, a numbered title); by default its label.
 */
export function RollupTable({
  title,
  rows,
  label = (r) => r.label,
  id,
  compact = true,
}: {
  title: string;
  rows: Rollup[];
  label?: (row: Rollup) => Child;
  id?: string;
  compact?: boolean;
}) {
  // Regions hold counts without a target of their own: shown apart, never as a status.
  const unjudged = rows.some((r) => r.unjudged > 0);
  return (
    <table class={compact ? 'table compact' : 'table'} id={id} data-rollup={title}>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          {STATUSES.map((s) => (
            <th scope="col" class="num">
              {s}
            </th>
          ))}
          {unjudged && (
            <th scope="col" class="num" title="数量类指标在该地区未分解目标：只比较占全省的份额，不判断状态">
              未分解目标
            </th>
          )}
          <th scope="col" class="num">
            平均完成率
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{label(r)}</th>
            {STATUSES.map((s) => (
              <td class="num">{r.counts[s]}</td>
            ))}
            {unjudged && <td class="num">{r.unjudged}</td>}
            <td class="num">{formatPercent(r.meanCompletion)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
