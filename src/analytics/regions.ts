import type { DocumentTree } from '../catalog/read.js';
import { listRegions } from '../catalog/regions.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { indicatorRowsByRegion, type Rollup, rollup } from './dashboard.js';
import type { AsOf } from './indicators.js';
import type { Status } from './thresholds.js';

export interface RegionComparison {
  code: string;
  name: string;
  unit: string | null;
  province: number | null;
  /** Latest cumulative value per region, for the regions that reported this indicator. */
  values: Record<string, number | null>;
  sum: number;
  /** Province minus the sum of the regions, where both were reported; flagged, never hidden. */
  gap: number | null;
  /**
   * Each listed region's own figures: its target where one was set (目标分解) with completion and
   * status; else no status and its share of the parent's figure.
   */
  regional: Record<string, RegionFigures>;
  /** The parent's target, and the sum of the regions' own targets where any was set. */
  target: number | null;
  targetSum: number | null;
}

export interface RegionFigures {
  target: number | null;
  completion: number | null;
  status: Status | null;
  /** The region's figure as a share of the parent's (0.2 = 20%), or null when either is missing. */
  share: number | null;
}

export interface RegionView {
  /** The region whose parts are compared (全省, or a prefecture for its counties). */
  parent: string;
  /** Its ancestors, the province first (for the way back up). */
  trail: string[];
  regions: string[];
  /** How many regions under each listed region have values (a count > 0 can be opened). */
  children: Record<string, number>;
  rollups: Rollup[];
  comparisons: RegionComparison[];
}

/** The regions a document has values for, the province first, then in the region table's order. */
export async function reportedRegions(store: Store, documentId: string): Promise<string[]> {
  return (await store.all<{ region: string }>('analytics/reported_regions', { document: documentId })).map(
    (r) => r.region,
  );
}

export const REGION_RULE =
  '各地区按该地区报送的数据计算状态与完成率：数量类指标按分解到该地区的目标（目标分解）计算，未分解的不判断状态，只列出占上级的份额；比率、水平类指标和节点任务沿用全省目标。“各地区合计”为所列地区最新累计值之和，与上级数相差时标出差额，不作调整。';

/**
 * The regions directly under `parent` side by side (the prefectures under 全省, a prefecture's
 * counties under it): status counts and mean completion per region, and their figures against the
 * parent's. One level at a time, so a national data set of thousands of counties is opened a
 * prefecture at a time, never computed or sent all at once.
 */
export async function regionView(
  store: Store,
  tree: DocumentTree,
  asOf: AsOf,
  parent = '全省',
): Promise<RegionView> {
  const trail = await regionTrail(store, parent);
  const listed = await store.all<{ region: string; children: number }>('analytics/child_regions', {
    document: tree.document.id,
    parent,
  });
  const regions = listed.map((r) => r.region);
  const byRegion = await indicatorRowsByRegion(store, tree, asOf, [parent, ...regions]);
  const rollups = [...byRegion].flatMap(([region, rows]) =>
    rollup(
      rows.filter((r) => r.last_period !== null),
      () => [{ key: region, label: region }],
    ),
  );
  const province = byRegion.get(parent) ?? [];
  // Each region's row by indicator code: looked up, not searched, for thousands of regions.
  const rowsOf = new Map(
    regions.map((region) => [region, new Map((byRegion.get(region) ?? []).map((r) => [r.code, r]))]),
  );
  const comparisons: RegionComparison[] = [];
  for (const row of province) {
    if (row.kind !== 'count') continue;
    const values: Record<string, number | null> = {};
    const regional: Record<string, RegionFigures> = {};
    let targetSum: number | null = null;
    for (const region of regions) {
      const own = rowsOf.get(region)?.get(row.code);
      if (own?.target_from === 'regional' && own.target !== null) targetSum = (targetSum ?? 0) + own.target;
      if (own?.actual === null || own?.actual === undefined) continue;
      values[region] = own.actual;
      regional[region] = {
        target: own.target_from === 'regional' ? own.target : null,
        completion: own.completion,
        status: own.status,
        share: row.actual ? own.actual / row.actual : null,
      };
    }
    if (Object.keys(values).length === 0) continue;
    const sum = Object.values(values).reduce<number>((n, v) => n + (v ?? 0), 0);
    comparisons.push({
      code: row.code,
      name: row.name,
      unit: row.unit,
      province: row.actual,
      values,
      sum,
      gap: row.actual === null ? null : row.actual - sum,
      regional,
      target: row.target,
      targetSum,
    });
  }
  const children = Object.fromEntries(listed.map((r) => [r.region, r.children]));
  return { parent, trail, regions, children, rollups, comparisons };
}

/** A region's ancestors, the province first; NotFoundError for a name the region table lacks. */
async function regionTrail(store: Store, name: string): Promise<string[]> {
  const regions = new Map((await listRegions(store)).map((r) => [r.name, r.parent]));
  if (!regions.has(name)) throw new NotFoundError(`没有名为“${name}”的地区`);
  const trail: string[] = [];
  for (let at = regions.get(name); at; at = regions.get(at)) trail.unshift(at);
  return trail;
}
