import type { Status } from '../../src/analytics/thresholds.js';

/** A status always written as text, its colour only a second cue. */
export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge-${STATUS_CLASS[status]}`}>{status}</span>;
}

export const STATUS_CLASS: Record<Status, string> = {
  已完成: 'done',
  正常: 'ok',
  滞后: 'behind',
  严重滞后: 'far',
  未报送: 'missing',
};
