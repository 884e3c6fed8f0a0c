import * as Plot from '@observablehq/plot';
import type { CompletionPoint, StatusCount } from '../../src/analytics/overview.js';
import { STATUSES } from '../../src/analytics/thresholds.js';
import {
  monthEnds,
  remembered,
  renderPlot,
  STATUS_COLORS,
  utc,
  yearStarts,
  zhMonth,
  zhPercent,
} from './plot.js';

/**
 * One small chart of completion over time for an indicator, against its expected pace: the
 * small multiples of the overview, one per numeric indicator.
 */
export const completionSmallMultiple = remembered(
  'completionSmallMultiple',
  function completionSmallMultiple(
    points: CompletionPoint[],
    { title, year, deadline, status }: { title: string; year: number; deadline: string; status: string },
  ): string {
    const data = points.map((p) => ({ date: utc(p.period), c: p.completion }));
    // A plan to 2025 is drawn over its years, ticked by year.
    const lastYear = Math.max(year, Number(deadline.slice(0, 4)));
    const pace = [
      { date: utc(`${year}-01-01`), c: 0 },
      { date: utc(deadline), c: 1 },
    ];
    const color = STATUS_COLORS[status] ?? '#0072B2';
    return renderPlot({
      title,
      width: 220,
      height: 120,
      marginLeft: 40,
      // The top tick (110%) is not cut off.
      marginTop: 8,
      marginBottom: 20,
      x: {
        type: 'utc',
        domain: [utc(`${year}-01-01`), utc(`${lastYear}-12-31`)],
        ...(lastYear > year
          ? { ticks: yearStarts(year, lastYear), tickFormat: (d: Date) => `${d.getUTCFullYear() % 100}年` }
          : { ticks: monthEnds(year).filter((_, i) => i % 4 === 3), tickFormat: zhMonth }),
        label: null,
      },
      y: {
        domain: [0, Math.max(1.1, ...data.map((d) => d.c))],
        ticks: 3,
        tickFormat: (v: number) => zhPercent(v),
        label: null,
        grid: true,
      },
      marks: [
        Plot.ruleY([1], { stroke: '#a8232d', strokeOpacity: 0.6 }),
        Plot.line(pace, { x: 'date', y: 'c', stroke: '#8c959f', strokeDasharray: '2 3' }),
        Plot.line(data, { x: 'date', y: 'c', stroke: color, strokeWidth: 2 }),
        Plot.dot(data, {
          x: 'date',
          y: 'c',
          r: 2.5,
          fill: color,
          title: (d: { date: Date; c: number }) => `${zhMonth(d.date)}：完成 ${zhPercent(d.c)}`,
        }),
      ],
    });
  },
);

/** How many indicators were in each status at each month end (stacked bars, statuses in their order). */
export const statusOverTime = remembered(
  'statusOverTime',
  function statusOverTime(rows: StatusCount[]): string {
    const data = rows.map((r) => ({ ...r, month: zhMonth(utc(r.period)) }));
    return renderPlot({
      title: '各月末指标状态',
      width: 680,
      height: 240,
      marginLeft: 40,
      x: { label: null, domain: [...new Set(data.map((d) => d.month))] },
      // Indicators are counted whole: ticks at whole numbers only (never 0.5).
      y: { label: '指标数（个）', grid: true, ticks: countTicks(data), tickFormat: 'd' },
      color: { domain: [...STATUSES], range: STATUSES.map((s) => STATUS_COLORS[s] ?? '#999'), legend: true },
      marks: [
        Plot.barY(data, {
          x: 'month',
          y: 'count',
          fill: 'status',
          order: [...STATUSES],
          title: (d: StatusCount & { month: string }) => `${d.month}：${d.status} ${d.count} 个`,
        }),
        Plot.ruleY([0]),
      ],
    });
  },
);

/** Whole-number ticks for stacked counts: about five of them, never a fraction. */
function countTicks(data: { month: string; count: number }[]): number[] {
  const totals = new Map<string, number>();
  for (const d of data) totals.set(d.month, (totals.get(d.month) ?? 0) + d.count);
  const max = Math.max(1, ...totals.values());
  const step = Math.max(1, Math.ceil(max / 5));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

/** Mean completion by group (department, part…), as horizontal bars with the value written at the end. */
export const completionBars = remembered(
  'completionBars',
  function completionBars(rows: { label: string; meanCompletion: number | null }[], title: string): string {
    const data = rows.filter((r) => r.meanCompletion !== null) as { label: string; meanCompletion: number }[];
    return renderPlot({
      title,
      width: 680,
      height: Math.max(120, data.length * 26 + 40),
      marginLeft: 170,
      // Room for the "100%" written after a full bar and under the axis's last tick.
      marginRight: 48,
      x: { domain: [0, 1], tickFormat: (v: number) => zhPercent(v), label: '平均完成率', grid: true },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(data, {
          y: 'label',
          x: 'meanCompletion',
          fill: '#0072B2',
          title: (d: { label: string; meanCompletion: number }) =>
            `${d.label}：${zhPercent(d.meanCompletion)}`,
        }),
        Plot.text(data, {
          y: 'label',
          x: 'meanCompletion',
          text: (d: { meanCompletion: number }) => zhPercent(d.meanCompletion),
          dx: 4,
          textAnchor: 'start',
        }),
        Plot.ruleX([0]),
      ],
    });
  },
);
