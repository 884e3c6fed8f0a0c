import type { Status } from '../../src/analytics/thresholds.js';
import { formatPercent, formatQuantity } from '../format.js';
import { StatusBadge } from './status.js';

/** The figures of one indicator as table cells, the same on every table that lists them. */
export interface Figures {
  target?: number | null;
  actual: number | null;
  unit: string | null;
  completion: number | null;
  /** Expected pace (序时进度): a cell of its own after completion when given. */
  pace?: number | null;
  /** Null: not judged (a region's count without a target of its own). */
  status: string | null;
}

/**
 * Target (when given), actual, completion and status as `<td>`s: quantities in 万 as offices write
 * them, a dash where nothing was reported, the status as its badge (linked when `href` is given).
 */
export function FigureCells({
  figures,
  href,
  target = true,
  pace = false,
}: {
  figures: Figures;
  href?: string;
  target?: boolean;
  pace?: boolean;
}) {
  const badge =
    figures.status === null ? (
      <span class="hint" title="该地区未分解目标，不计算完成率与状态">
        未分解
      </span>
    ) : (
      <StatusBadge status={figures.status as Status} />
    );
  return (
    <>
      {target && <td class="num">{formatQuantity(figures.target ?? null, figures.unit) || '—'}</td>}
      <td class="num">{formatQuantity(figures.actual, figures.unit) || '—'}</td>
      <td class="num">{formatPercent(figures.completion)}</td>
      {pace && <td class="num">{formatPercent(figures.pace ?? null)}</td>}
      <td class="nowrap">{href ? <a href={href}>{badge}</a> : badge}</td>
    </>
  );
}

/**
 * The `<th>`s over FigureCells, with the same options: 目标 (or `targetLabel`), 累计完成 (or
 * `actualLabel`), 完成率, 序时进度 when `pace`, 状态.
 */
export function FigureHeads({
  target = true,
  pace = false,
  targetLabel = '目标',
  actualLabel = '累计完成',
}: {
  target?: boolean;
  pace?: boolean;
  targetLabel?: string;
  actualLabel?: string;
}) {
  return (
    <>
      {target && (
        <th scope="col" class="num">
          {targetLabel}
        </th>
      )}
      <th scope="col" class="num">
        {actualLabel}
      </th>
      <th scope="col" class="num">
        完成率
      </th>
      {pace && (
        <th scope="col" class="num">
          序时进度
        </th>
      )}
      <th scope="col">状态</th>
    </>
  );
}
