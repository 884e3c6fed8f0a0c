/**
 * The pages that show the accountability loop beside the figures: each gathers what one page
 * needs (the analytics it already showed, and the evidence, comments, reporting rule or 催报 list
 * that go with them), so a route still calls one function.
 */
import { departmentView, taskStates } from '../analytics/dashboard.js';
import { indicatorPageData } from '../analytics/indicator-page.js';
import type { AsOf } from '../analytics/indicators.js';
import { cachedOverview, type OverviewFilter } from '../analytics/overview.js';
import { STATUSES, type Status } from '../analytics/thresholds.js';
import { type DocumentTree, findTask } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import type { VersionCache } from '../store/version-cache.js';
import { listComments } from './comments.js';
import { listEvidence } from './evidence.js';
import { indicatorRule, listRules, reportingView } from './reporting.js';

/** The indicator page: its figures and history, its evidence, comments and reporting rule. */
export async function indicatorPage(
  store: Store,
  code: string,
  query: {
    asof?: string | undefined;
    known?: string | undefined;
    pending?: boolean;
    pendingScope?: string[] | null;
  },
) {
  const data = await indicatorPageData(store, code, query);
  const [evidence, comments, rule] = await Promise.all([
    listEvidence(store, [data.indicator.code]),
    listComments(store, [data.indicator.code]),
    indicatorRule(store, data.indicator.code),
  ]);
  return { ...data, evidence, comments, rule };
}

/** A task with its place in the document, its indicators' states and the evidence filed for them. */
export async function taskPage(store: Store, tree: DocumentTree, asOf: AsOf, seq: number) {
  const found = findTask(tree, seq);
  const [states, evidence] = await Promise.all([
    taskStates(store, tree, asOf, found.task.seq),
    listEvidence(
      store,
      found.task.indicators.map((i) => i.code),
    ),
  ]);
  return { ...found, states, evidence };
}

/** A department's page: its tasks and their states, and what it owes (催报). */
export async function departmentPage(store: Store, tree: DocumentTree, asOf: AsOf, name: string) {
  const [view, reporting] = await Promise.all([
    departmentView(store, tree, asOf, name),
    reportingView(store, tree, asOf, name),
  ]);
  return { ...view, owed: reporting.owed };
}

/** The reporting calendar page: the grid, the 催报 list and the rules set so far. */
export async function reportingPage(store: Store, tree: DocumentTree, asOf: AsOf, department?: string) {
  const [reporting, rules] = await Promise.all([
    reportingView(store, tree, asOf, department),
    listRules(store),
  ]);
  return { reporting, rules };
}

/** How many indicators of the briefing's "需要关注" table it lists. */
export const BRIEFING_BEHIND = 12;

/** The briefing: the overview of the month, and the comments on its most-behind indicators. */
export async function briefingData(
  store: Store,
  cache: VersionCache,
  view: { tree: DocumentTree; asOf: AsOf; known: string | null; filter: OverviewFilter },
) {
  const data = await cachedOverview(store, cache, view);
  const behind = mostBehind(data.rows);
  const comments = await listComments(
    store,
    behind.map((r) => r.code),
  );
  return { data, behind, comments };
}

/** The indicators a leader should look at first: not reported, far behind, behind; the lowest completion first. */
export function mostBehind<T extends { status: Status; completion: number | null }>(rows: T[]): T[] {
  return rows
    .filter((r) => r.status === '严重滞后' || r.status === '滞后' || r.status === '未报送')
    .sort(
      (a, b) =>
        STATUSES.indexOf(b.status) - STATUSES.indexOf(a.status) || (a.completion ?? 0) - (b.completion ?? 0),
    )
    .slice(0, BRIEFING_BEHIND);
}
