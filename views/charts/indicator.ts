import * as Plot from '@observablehq/plot';
import type { SeriesPoint } from '../../src/analytics/series.js';
import { monthEnds, remembered, renderPlot, utc, yearStarts, zhMonth, zhNumber, zhPercent } from './plot.js';

export interface ProgressOptions {
  title: string;
  unit: string | null;
  target: number | null;
  year: number;
  deadline: string;
  /** Plan points (分月计划) if any: the pace follows them instead of the straight line. */
  plan?: SeriesPoint[];
  /** Projected value at the deadline, drawn dashed from the last actual. */
  forecast?: number | null;
  /** The target in force at each month end; when it changes, the target is drawn as a step. */
  targets?: { period: string; target: number | null }[];
  width?: number;
  height?: number;
}

/**
 * The cumulative actual over time against the expected-pace line and the target rule, the forecast
 * dashed, revised months ringed. Every mark has a title for its tooltip.
 */
export const progressChart = remembered(
  'progressChart',
  function progressChart(actual: SeriesPoint[], options: ProgressOptions): string {
    const {
      title,
      unit,
      target,
      year,
      deadline,
      plan = [],
      forecast = null,
      targets = [],
      width = 680,
      height = 280,
    } = options;
    const start = utc(`${year}-01-01`);
    const end = utc(deadline);
    // To the end of the deadline's year: a plan to 2025 is drawn over its five years.
    const lastYear = Math.max(year, end.getUTCFullYear());
    const domainEnd = utc(`${lastYear}-12-31`);
    const inDomain = (date: Date) => date >= start && date <= domainEnd;
    const points = actual
      .filter((p) => p.value !== null)
      .map((p) => ({ ...p, date: utc(p.period), v: p.value as number }))
      .filter((p) => inDomain(p.date));
    const pace =
      plan.length > 0
        ? plan.filter((p) => p.value !== null).map((p) => ({ date: utc(p.period), v: p.value as number }))
        : target !== null
          ? [
              { date: start, v: 0 },
              { date: end, v: target },
            ]
          : [];
    const last = points[points.length - 1];
    const projection =
      last && forecast !== null
        ? [
            { date: last.date, v: last.v },
            { date: end, v: forecast },
          ]
        : [];
    const u = unit ?? '';
    const steps = targets
      .filter((t): t is { period: string; target: number } => t.target !== null)
      .map((t) => ({ date: utc(t.period), v: t.target }))
      .filter((t) => inDomain(t.date));
    const firstStep = steps[0];
    const lastStep = steps[steps.length - 1];
    // A revised target: the line steps where the revision took effect, both targets labelled.
    const revised = firstStep && lastStep && new Set(steps.map((t) => t.v)).size > 1;
    const targetMarks =
      revised && firstStep && lastStep
        ? [
            Plot.line([{ date: start, v: firstStep.v }, ...steps], {
              x: 'date',
              y: 'v',
              curve: 'step-before',
              stroke: '#a8232d',
              strokeWidth: 1.5,
              title: (d: { date: Date; v: number }) => `${zhMonth(d.date)}目标 ${zhNumber(d.v)}${u}`,
            }),
            Plot.text([{ date: start, v: firstStep.v }], {
              x: 'date',
              y: 'v',
              text: () => `原目标 ${zhNumber(firstStep.v)}${u}`,
              dy: -7,
              textAnchor: 'start',
              fill: '#a8232d',
            }),
            Plot.text([lastStep], {
              x: 'date',
              y: 'v',
              text: () => `调整后 ${zhNumber(lastStep.v)}${u}`,
              dy: -7,
              textAnchor: 'end',
              fill: '#a8232d',
            }),
          ]
        : [
            target !== null
              ? Plot.ruleY([target], {
                  stroke: '#a8232d',
                  strokeWidth: 1.5,
                  title: `目标 ${zhNumber(target)}${u}`,
                })
              : null,
            target !== null
              ? Plot.text([{ date: start, v: target }], {
                  x: 'date',
                  y: 'v',
                  text: () => `目标 ${zhNumber(target)}${u}`,
                  dy: -7,
                  textAnchor: 'start',
                  fill: '#a8232d',
                })
              : null,
          ];
    return renderPlot({
      title,
      width,
      height,
      marginLeft: 56,
      x: {
        type: 'utc',
        domain: [start, domainEnd],
        ...(lastYear > year
          ? { ticks: yearStarts(year, lastYear), tickFormat: (d: Date) => `${d.getUTCFullYear()}年` }
          : { ticks: monthEnds(year), tickFormat: zhMonth }),
        label: null,
      },
      y: { grid: true, label: `累计（${u || '数值'}）`, tickFormat: zhNumber, nice: true, zero: true },
      marks: [
        ...targetMarks,
        pace.length
          ? Plot.line(pace, {
              x: 'date',
              y: 'v',
              stroke: '#8c959f',
              strokeDasharray: '2 3',
              title: () => (plan.length ? '分月计划' : '序时进度'),
            })
          : null,
        projection.length
          ? Plot.line(projection, {
              x: 'date',
              y: 'v',
              stroke: '#0072B2',
              strokeDasharray: '6 4',
              strokeOpacity: 0.8,
            })
          : null,
        projection.length
          ? Plot.dot(projection.slice(1), {
              x: 'date',
              y: 'v',
              r: 3,
              stroke: '#0072B2',
              fill: 'white',
              title: (d: { v: number }) => `预测：到完成时限约 ${zhNumber(d.v)}${u}`,
            })
          : null,
        Plot.line(points, { x: 'date', y: 'v', stroke: '#0072B2', strokeWidth: 2.5 }),
        Plot.dot(points, {
          x: 'date',
          y: 'v',
          r: (d: { revised: boolean }) => (d.revised ? 5 : 3),
          fill: (d: { revised: boolean }) => (d.revised ? 'white' : '#0072B2'),
          stroke: '#0072B2',
          strokeWidth: 2,
          title: (d: { date: Date; v: number; revised: boolean }) =>
            `${zhMonth(d.date)}：${zhNumber(d.v)}${u}${target ? `（完成 ${zhPercent(d.v / target)}）` : ''}${d.revised ? '，曾修订' : ''}`,
        }),
      ],
    });
  },
);

/** A tiny line of the cumulative actual against the target, for headline figures. */
export const sparkline = remembered(
  'sparkline',
  function sparkline(
    actual: SeriesPoint[],
    { target, year }: { target: number | null; year: number },
  ): string {
    const points = actual
      .filter((p) => p.value !== null)
      .map((p) => ({ date: utc(p.period), v: p.value as number }));
    return renderPlot({
      width: 160,
      height: 40,
      margin: 3,
      axis: null,
      x: { type: 'utc', domain: [utc(`${year}-01-01`), utc(`${year}-12-31`)] },
      y: { domain: [0, Math.max(target ?? 0, ...points.map((p) => p.v)) || 1] },
      marks: [
        target !== null ? Plot.ruleY([target], { stroke: '#a8232d', strokeOpacity: 0.5 }) : null,
        Plot.line(points, { x: 'date', y: 'v', stroke: '#0072B2', strokeWidth: 2 }),
        Plot.dot(points.slice(-1), { x: 'date', y: 'v', r: 2.5, fill: '#0072B2' }),
      ],
    });
  },
);

/** The latest value of each region as horizontal bars, the value written at the end of each bar. */
export const regionBars = remembered(
  'regionBars',
  function regionBars(
    rows: { region: string; value: number }[],
    { title, unit }: { title: string; unit: string | null },
  ): string {
    const u = unit ?? '';
    return renderPlot({
      title,
      width: 680,
      height: Math.max(120, rows.length * 24 + 40),
      marginLeft: 130,
      marginRight: 60,
      x: { label: u || null, tickFormat: zhNumber, grid: true },
      y: { label: null, domain: rows.map((r) => r.region) },
      marks: [
        Plot.barX(rows, {
          y: 'region',
          x: 'value',
          fill: '#0072B2',
          title: (d: { region: string; value: number }) => `${d.region}：${zhNumber(d.value)}${u}`,
        }),
        Plot.text(rows, {
          y: 'region',
          x: 'value',
          text: (d: { value: number }) => `${zhNumber(d.value)}${u}`,
          dx: 4,
          textAnchor: 'start',
        }),
        Plot.ruleX([0]),
      ],
    });
  },
);

/** One year of an indicator's family for the 同比 chart: that edition's target and what was achieved. */
export interface EditionBar {
  year: number;
  target: number | null;
  actual: number | null;
  /** The shown edition's figures are as of this month (YYYY-MM-DD); earlier ones are at year end. */
  asOf?: string;
}

/**
 * 同比: each edition's final (or as-of) actual as a bar and its target as a red tick, oldest year
 * first, labelled by year. Narrow by design (it sits beside the 历年对比 table and scales to a phone).
 */
export const editionBars = remembered(
  'editionBars',
  function editionBars(
    years: EditionBar[],
    {
      title,
      unit,
      width = 320,
      height = 220,
    }: { title: string; unit: string | null; width?: number; height?: number },
  ): string {
    const u = unit ?? '';
    const rows = [...years]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({
        ...y,
        label: y.asOf ? `${y.year}年*` : `${y.year}年`,
        when: y.asOf ? `截至${Number(y.asOf.slice(5, 7))}月` : '年末',
      }));
    type Row = (typeof rows)[number];
    const done = rows.filter((r): r is Row & { actual: number } => r.actual !== null);
    const targets = rows.filter((r): r is Row & { target: number } => r.target !== null);
    return renderPlot(
      {
        title,
        width,
        height,
        marginLeft: 48,
        marginTop: 24,
        x: { label: null, domain: rows.map((r) => r.label), padding: 0.3 },
        y: { grid: true, label: u || null, tickFormat: zhNumber, nice: true, zero: true },
        marks: [
          Plot.barY(done, {
            x: 'label',
            y: 'actual',
            fill: (d: Row) => (d.asOf ? '#56B4E9' : '#0072B2'),
            title: (d: Row & { actual: number }) =>
              `${d.year}年${d.when}完成 ${zhNumber(d.actual)}${u}${d.target ? `（完成 ${zhPercent(d.actual / d.target)}）` : ''}`,
          }),
          Plot.tickY(targets, {
            x: 'label',
            y: 'target',
            stroke: '#a8232d',
            strokeWidth: 2.5,
            title: (d: Row & { target: number }) => `${d.year}年目标 ${zhNumber(d.target)}${u}`,
          }),
          Plot.text(done, {
            x: 'label',
            y: 'actual',
            text: (d: Row & { actual: number }) => zhNumber(d.actual),
            dy: -6,
            lineAnchor: 'bottom',
          }),
          Plot.ruleY([0]),
        ],
        // Drawn at about the width a phone shows it, so its 12 px text stays 12 px there.
      },
      12,
    );
  },
);
