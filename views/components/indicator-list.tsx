import type { IndicatorRow as StateRow } from '../../src/analytics/dashboard.js';
import type { IndicatorRow } from '../../src/catalog/read.js';
import { formatDeadline, formatPercent, formatQuantity, formatTarget, KIND_LABELS } from '../format.js';
import { StatusBadge } from './status.js';

/** The targets of one task: the figure first, as a leader reads it, then what it is and by when. */
export function IndicatorList({
  indicators,
  year,
  states,
}: {
  indicators: IndicatorRow[];
  year: number;
  /** The indicators' states as of the page's month, when the page shows progress. */
  states?: Map<string, StateRow> | undefined;
}) {
  return (
    <ul class="indicators">
      {indicators.map((i) => (
        <li class={`indicator kind-${i.kind}`} id={`ind-${i.code}`}>
          <span class="indicator-target">
            {i.kind === 'milestone' ? '节点任务' : formatTarget(i.target, i.unit, i.comparator)}
          </span>
          <a class="indicator-name" href={`/indicators/${encodeURIComponent(i.code)}`}>
            {i.name}
          </a>
          <Progress state={states?.get(i.code)} />
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

/** Status, a completion bar with the expected pace marked on it, and the figure. */
function Progress({ state }: { state?: StateRow | undefined }) {
  if (!state) return <span class="indicator-progress" />;
  return (
    <span class="indicator-progress">
      <StatusBadge status={state.status} />
      {state.kind === 'milestone' ? (
        // The reported progress only where it says more than the status (已完成 is not written twice).
        state.milestone_status && state.milestone_status !== state.status ? (
          <span class="progress-text">进展：{state.milestone_status}</span>
        ) : null
      ) : (
        <>
          <CompletionBar completion={state.completion} pace={state.pace} />
          <span class="progress-text" title={formatQuantity(state.actual, state.unit)}>
            {formatPercent(state.completion)}
          </span>
        </>
      )}
    </span>
  );
}

/**
 * Completion as a bar with the expected pace marked on it. An SVG, so the widths are attributes and
 * no inline style is needed (the Content-Security-Policy allows only the app's own stylesheet).
 */
export function CompletionBar({ completion, pace }: { completion: number | null; pace: number }) {
  const fill = Math.max(0, Math.min(100, Math.round((completion ?? 0) * 100)));
  const mark = Math.max(0, Math.min(100, Math.round(pace * 100)));
  return (
    <svg
      class="bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      role="img"
      aria-label={`完成率 ${formatPercent(completion)}，序时进度 ${formatPercent(pace)}`}
    >
      <title>{`完成率 ${formatPercent(completion)}，序时进度 ${formatPercent(pace)}`}</title>
      <rect class="bar-bg" x="0" y="0" width="100" height="10" />
      <rect class="bar-fill" x="0" y="0" width={String(fill)} height="10" />
      <line class="bar-pace" x1={String(mark)} x2={String(mark)} y1="0" y2="10" />
    </svg>
  );
}
