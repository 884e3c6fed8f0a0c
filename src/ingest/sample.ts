import { rmSync, writeFileSync } from 'node:fs';
import type { IndicatorRow } from '../catalog/read.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { tempPath } from '../tempfiles.js';
import { type ImportReport, importFile } from './import.js';

/** Who the sample data set is recorded as; withdrawing it looks for this name. */
export const SAMPLE_USER = '示例数据';
/** Jilin's nine prefecture-level divisions, as in seeds/regions.csv. */
export const PREFECTURES = [
  '长春市',
  '吉林市',
  '四平市',
  '辽源市',
  '通化市',
  '白山市',
  '松原市',
  '白城市',
  '延边朝鲜族自治州',
];
const SHARES = [0.3, 0.16, 0.1, 0.05, 0.08, 0.05, 0.1, 0.07, 0.09];

/**
 * A clearly labelled demonstration data set (示例数据) for a document: monthly cumulative values
 * from January to `months`, some indicators ahead of pace and some behind, the first counts split
 * over the nine prefectures, and milestone progress. Deterministic, so every load looks the same.
 */
export function sampleCsv(indicators: IndicatorRow[], year: number, months = 10): string {
  const lines = ['指标编码,统计期,数值,地区,备注'];
  let numeric = 0;
  indicators.forEach((indicator, n) => {
    if (indicator.kind !== 'milestone') numeric += 1;
    // Paces from 0.55 to 1.15 of the straight line, spread over the indicators.
    const speed = 0.55 + ((n * 37) % 61) / 100;
    const due = Number(indicator.deadline.slice(5, 7));
    for (let month = 1; month <= months; month++) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      if (indicator.kind === 'milestone') {
        const status = month < 3 ? '未开始' : month >= 3 + ((n * 5) % 9) ? '已完成' : '进行中';
        lines.push(`${indicator.code},${period},${status},全省,示例数据`);
        continue;
      }
      const target = indicator.target ?? 0;
      if (indicator.kind === 'level') {
        const wobble = ((n + month) % 5) - 2;
        lines.push(
          `${indicator.code},${period},${round(target + wobble * (speed > 0.8 ? 0.5 : 1.5))},全省,示例数据`,
        );
        continue;
      }
      // Counts of people, households, compounds… are whole numbers.
      const exact = Math.min(target * 1.05, target * speed * (month / Math.max(due, 1)));
      const value = indicator.kind === 'count' ? Math.round(exact) : round(exact);
      lines.push(`${indicator.code},${period},${value},全省,示例数据`);
      if (numeric <= 4 && indicator.kind === 'count') {
        SHARES.forEach((share, i) => {
          lines.push(`${indicator.code},${period},${Math.round(value * share)},${PREFECTURES[i]},示例数据`);
        });
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Loads the sample data set through the ordinary import, recorded as 示例数据. */
export async function loadSample(
  store: Store,
  documentId: string,
  year: number,
  by?: AuditBy,
): Promise<ImportReport> {
  const indicators = await store.all<IndicatorRow>('catalog/indicators', { id: documentId });
  const file = tempPath('.csv');
  writeFileSync(file, sampleCsv(indicators, year));
  try {
    const report = await importFile(store, file, {
      fileName: '示例数据.csv',
      by: SAMPLE_USER,
      ...(by ? { audit: { by, action: 'sample' } } : {}),
    });
    // The sample is made from the catalogue itself: a rejection is a defect, not the user's doing.
    if (report.status === 'rejected') throw new Error(`sample data rejected: ${report.problems[0]?.message}`);
    return report;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Withdraws every sample upload still counting, in one statement; returns how many were withdrawn. */
export async function removeSample(store: Store, by: AuditBy): Promise<number> {
  return store.write(async (tx) => {
    const withdrawn = await tx.all<{ upload_id: number }>('uploads/withdraw_by_uploader', {
      uploader: SAMPLE_USER,
      by: by.username ?? 'system',
      reason: '移除示例数据',
    });
    if (withdrawn.length === 0) return 0;
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, by, {
      action: 'sample.remove',
      target: withdrawn.map((w) => `upload:${w.upload_id}`).join(','),
      detail: { uploads: withdrawn.length },
    });
    return withdrawn.length;
  });
}
