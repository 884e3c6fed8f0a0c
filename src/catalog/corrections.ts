import { InvalidError } from '../errors.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store, Tx } from '../store/store.js';

/**
 * The fields an administrator may revise (目标调整), as text (the form's and the table's): a
 * correction of the catalogue, or a later document changing a target from a date on.
 */
export interface IndicatorCorrection {
  target?: string;
  unit?: string;
  deadline?: string;
  retired?: boolean;
  /** From when the revision is in force (YYYY-MM-DD); absent: from the start, as a correction. */
  effective?: string;
  /** The document or decision that revised it (省政府办公厅〔2021〕12号). */
  source?: string;
  /** Why: kept with the revision and in the audit trail. Required. */
  reason: string;
  /**
   * 目标分解: the region whose own target this sets (长春市), or absent / 全省 for the province's.
   * Only the target may be set for a region; the catalogue's own figures stay the province's.
   */
  region?: string;
}

export interface CorrectionRow {
  id: number;
  field: 'target' | 'unit' | 'deadline' | 'retired';
  old_value: string | null;
  new_value: string | null;
  reason: string;
  corrected_by: string;
  corrected_at: Date;
  /** In force from (YYYY-MM-DD), or null: from the start. */
  effective: string | null;
  source: string | null;
  /** The region of a regional target, or null: the province's own. */
  region: string | null;
}

/** A correction that cannot be made, with a message for the page. */
export class CorrectionError extends InvalidError {}

interface Current {
  code: string;
  name: string;
  kind: string;
  target: number | null;
  unit: string | null;
  deadline: string;
  retired_at: Date | null;
  year: number;
}

const FIELD = ['target', 'unit', 'deadline', 'retired'] as const;

/** How far beyond its own year a document's deadline may lie (a five-year plan's 到2025年底, and more). */
const MAX_YEARS_AHEAD = 10;

/** The new value of each field as stored text, checked; only the fields that really change. */
function changes(
  current: Current,
  input: IndicatorCorrection,
): [(typeof FIELD)[number], string | null, string][] {
  const out: [(typeof FIELD)[number], string | null, string][] = [];
  if (input.target !== undefined && input.target.trim() !== '' && current.kind !== 'milestone') {
    const value = Number(input.target.trim().replace(/,/g, ''));
    // A growth rate may fall (下降3% is -3); every other target is a positive amount.
    if (!Number.isFinite(value) || (current.kind === 'growth' ? value === 0 : value <= 0))
      throw new CorrectionError(
        current.kind === 'growth'
          ? `目标增速“${input.target}”应为非零的数，如 6.5 或 -3`
          : `目标值“${input.target}”应为正数，如 36000`,
      );
    if (value !== current.target)
      out.push(['target', current.target === null ? null : String(current.target), String(value)]);
  }
  if (input.unit !== undefined && current.kind !== 'milestone') {
    const unit = input.unit.trim();
    if (unit.length > 10 || /[\s<>]/.test(unit))
      throw new CorrectionError(`单位“${unit.slice(0, 20)}”无效，应如 人、户、个、%`);
    if (unit !== (current.unit ?? '')) out.push(['unit', current.unit, unit]);
  }
  if (input.deadline !== undefined && input.deadline.trim() !== '') {
    const deadline = input.deadline.trim();
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(deadline) ||
      Number.isNaN(Date.parse(deadline)) ||
      new Date(deadline).toISOString().slice(0, 10) !== deadline
    ) {
      throw new CorrectionError(`完成时限“${deadline.slice(0, 20)}”无效，应写成 YYYY-MM-DD`);
    }
    const year = Number(deadline.slice(0, 4));
    if (year < current.year || year > current.year + MAX_YEARS_AHEAD)
      throw new CorrectionError(`完成时限应在 ${current.year}年 至 ${current.year + MAX_YEARS_AHEAD}年 之间`);
    if (deadline !== current.deadline) out.push(['deadline', current.deadline, deadline]);
  }
  if (input.retired !== undefined && input.retired !== (current.retired_at !== null)) {
    out.push(['retired', String(current.retired_at !== null), String(input.retired)]);
  }
  return out;
}

/** A revision's effective date: a real date within the document's span, or null (from the start). */
function effectiveDate(raw: string | undefined, year: number): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
    Number.isNaN(Date.parse(text)) ||
    new Date(text).toISOString().slice(0, 10) !== text
  ) {
    throw new CorrectionError(`生效日期“${text.slice(0, 20)}”无效，应写成 YYYY-MM-DD`);
  }
  const at = Number(text.slice(0, 4));
  if (at < year || at > year + MAX_YEARS_AHEAD) {
    throw new CorrectionError(`生效日期应在 ${year}年 至 ${year + MAX_YEARS_AHEAD}年 之间`);
  }
  return text;
}

async function apply(tx: Tx, code: string, field: (typeof FIELD)[number], value: string): Promise<void> {
  await tx.run(`catalog/set_${field}`, { code, value });
}

/**
 * Corrects an indicator in one transaction: each changed field is recorded (old → new, why, who),
 * applied, and the whole put in the audit trail. Returns how many fields changed.
 */
export async function correctIndicator(
  store: Store,
  by: AuditBy,
  code: string,
  input: IndicatorCorrection,
): Promise<number> {
  const reason = input.reason.trim().slice(0, 200);
  if (!reason) throw new CorrectionError('请写明更正原因，如“按省政府办公厅更正通知”');
  const source = input.source?.trim().slice(0, 200) || null;
  const region = input.region?.trim() && input.region.trim() !== '全省' ? input.region.trim() : null;
  return store.write(async (tx) => {
    const [found] = await tx.all<Current>('catalog/indicator_for_correction', { code });
    if (!found) throw new CorrectionError(`指标编码不存在：${code}`);
    const effective = effectiveDate(input.effective, found.year);
    const current = region ? await regionalCurrent(tx, found, region, input) : found;
    const changed = changes(current, input);
    if (changed.length === 0) return 0;
    for (const [field, oldValue, newValue] of changed) {
      await tx.run('catalog/insert_correction', {
        code,
        field,
        old_value: oldValue,
        new_value: newValue,
        reason,
        by: by.username ?? 'cli',
        effective,
        source,
        region,
      });
      // A regional target is read from the revisions alone; the catalogue keeps the province's.
      if (!region) await apply(tx, code, field, newValue);
    }
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, by, {
      action: 'indicator.correct',
      target: `indicator:${code}`,
      detail: {
        reason,
        ...(effective ? { effective } : {}),
        ...(source ? { source } : {}),
        ...(region ? { region } : {}),
        old: Object.fromEntries(changed.map(([f, o]) => [f, o])),
        new: Object.fromEntries(changed.map(([f, , n]) => [f, n])),
      },
    });
    return changed.length;
  });
}

/**
 * The figures a regional target is set against: the region's latest own target (null before the
 * first), for a known region, of a quantity (a milestone has none), and only the target.
 */
async function regionalCurrent(
  tx: Tx,
  found: Current,
  region: string,
  input: IndicatorCorrection,
): Promise<Current> {
  const [known] = await tx.all<{ name: string }>('catalog/region_named', { name: region });
  if (!known) throw new CorrectionError(`地区“${region.slice(0, 20)}”不存在，请写地区表中的名称，如 长春市`);
  if (found.kind === 'milestone') throw new CorrectionError('节点任务没有目标值，不能分解到地区');
  if (input.unit !== undefined || input.deadline !== undefined || input.retired !== undefined)
    throw new CorrectionError('分解到地区的只能是目标值；单位与完成时限随全省指标');
  const [latest] = await tx.all<{ target: number | null }>('catalog/regional_target', {
    code: found.code,
    region,
  });
  return { ...found, target: latest?.target ?? null };
}

/** After a catalogue file is (re)loaded: the latest correction of each field wins over the file. */
export async function reapplyCorrections(tx: Tx, documentId: string): Promise<void> {
  const latest = await tx.all<{ code: string; field: (typeof FIELD)[number]; new_value: string }>(
    'catalog/latest_corrections',
    {
      id: documentId,
    },
  );
  for (const c of latest) await apply(tx, c.code, c.field, c.new_value);
}

export const listCorrections = (store: Store, code: string) =>
  store.all<CorrectionRow>('catalog/corrections', { code });
