import type { DocumentTree } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { indicatorRowsByRegion, type Rollup, rollup } from './dashboard.js';
import type { AsOf } from './indicators.js';

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
}

export interface RegionView {
  regions: string[];
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
  '各地区按该地区报送的数据计算状态与完成率（目标值沿用全省目标，供横向比较）；“各地区合计”为所列地区最新累计值之和，与全省数相差时标出差额，不作调整。';

/** Regions side by side: status counts and mean completion per region, and the regional figures against the province. */
export async function regionView(store: Store, tree: DocumentTree, asOf: AsOf): Promise<RegionView> {
  const regions = (await reportedRegions(store, tree.document.id)).filter((r) => r !== '全省');
  const byRegion = await indicatorRowsByRegion(store, tree, asOf, ['全省', ...regions]);
  const rollups = [...byRegion].flatMap(([region, rows]) =>
    rollup(
      rows.filter((r) => r.last_period !== null),
      () => [{ key: region, label: region }],
    ),
  );
  const province = byRegion.get('全省') ?? [];
  // Each region's actual by indicator code: looked up, not searched, for thousands of regions.
  const actuals = new Map(
    regions.map((region) => [region, new Map((byRegion.get(region) ?? []).map((r) => [r.code, r.actual]))]),
  );
  const comparisons: RegionComparison[] = [];
  for (const row of province) {
    if (row.kind !== 'count') continue;
    const values: Record<string, number | null> = {};
    for (const region of regions) {
      const actual = actuals.get(region)?.get(row.code);
      if (actual !== null && actual !== undefined) values[region] = actual;
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
    });
  }
  return { regions, rollups, comparisons };
}
