import { spanMonths } from '../../src/analytics/indicators.js';
import type { DocumentTree } from '../../src/catalog/read.js';
import { monthLabel } from '../format.js';

/**
 * The month and lead-department filters of the 督办 and 催报 pages (a plain GET form, so the view
 * stays in the URL and prints as shown), with the 含待审核数据 toggle for those who may use it.
 */
export function ViewFilters({
  action,
  tree,
  asof,
  department,
  pending,
}: {
  action: string;
  tree: DocumentTree;
  asof: string;
  department: string | undefined;
  /** The 含待审核数据 toggle's state, or null where it changes nothing (the reporting calendar). */
  pending: boolean | null;
}) {
  const month = asof.slice(0, 7);
  return (
    <form class="filters no-print" method="get" action={action}>
      <input type="hidden" name="doc" value={tree.document.id} />
      <label>
        截至
        <select name="asof">
          {spanMonths(tree.document).map((m, _, all) => (
            <option value={m} selected={m === month}>
              {monthLabel(m, all.length > 12)}
            </option>
          ))}
        </select>
      </label>
      <label>
        牵头单位
        <select name="department">
          <option value="">全部牵头单位</option>
          {tree.departments.map((d) => (
            <option value={d.name} selected={d.name === department}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {pending !== null && <PendingToggle pending={pending} />}
      <button type="submit">查看</button>
    </form>
  );
}

/** 含待审核数据: count uploads still waiting for approval too (only reporters and administrators). */
export function PendingToggle({ pending }: { pending: boolean }) {
  return (
    <label class="toggle write-only">
      <input type="checkbox" name="pending" value="1" checked={pending} />
      含待审核数据
    </label>
  );
}

/** Said above figures that count uploads not yet approved. */
export function PendingBanner({ pending }: { pending: boolean | undefined }) {
  if (!pending) return null;
  return (
    <p class="notice notice-pending" role="status">
      含待审核数据：以下数字包含尚未审核通过的填报，不是正式数据，请勿对外引用。
    </p>
  );
}
