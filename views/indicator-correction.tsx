import type { RegionalTarget } from '../src/analytics/indicator-page.js';
import type { CorrectionRow } from '../src/catalog/corrections.js';
import { formatInstant } from '../src/time.js';
import { formatDate, formatQuantity } from './format.js';
import { CsrfField } from './holes.js';

const FIELD_NAMES: Record<CorrectionRow['field'], string> = {
  target: '目标值',
  unit: '单位',
  deadline: '完成时限',
  retired: '停用',
};

const shown = (field: CorrectionRow['field'], value: string | null) =>
  field === 'retired' ? (value === 'true' ? '已停用' : '在用') : (value ?? '（空）');

/** The administrator's correction form for one indicator, and every correction made so far. */
export function CorrectionPanel({
  indicator,
  corrections,
}: {
  indicator: {
    code: string;
    kind: string;
    target: number | null;
    unit: string | null;
    deadline: string;
    retired_at: Date | null;
  };
  corrections: CorrectionRow[];
}) {
  const milestone = indicator.kind === 'milestone';
  return (
    <section class="panel no-print admin-only" id="correction">
      <h2>更正或调整指标（管理员）</h2>
      <p class="hint">
        文件本身有误，留空“生效日期”即从头更正；后来的文件或决定调整目标，请填生效日期和依据：此前各月仍按原目标计算。
      </p>
      <form
        method="post"
        action={`/admin/indicators/${encodeURIComponent(indicator.code)}`}
        class="entry-form"
      >
        <CsrfField />
        {!milestone && (
          <>
            <label>
              目标值
              <input
                name="target"
                inputmode="decimal"
                value={indicator.target === null ? '' : String(indicator.target)}
              />
            </label>
            <label>
              单位
              <input name="unit" maxlength={10} value={indicator.unit ?? ''} />
            </label>
          </>
        )}
        <label>
          完成时限
          <input type="date" name="deadline" value={indicator.deadline} />
        </label>
        <label class="check">
          <input type="checkbox" name="retired" value="1" checked={indicator.retired_at !== null} />{' '}
          停用此指标（不再接受填报，历史数据保留）
        </label>
        <label>
          生效日期
          <input type="date" name="effective" />
        </label>
        <label class="wide">
          依据文件或决定
          <input name="source" maxlength={200} placeholder="如：吉政办发〔2021〕35号" />
        </label>
        <label class="wide">
          原因（必填）
          <input name="reason" required maxlength={200} placeholder="如：按省政府办公厅更正通知" />
        </label>
        <button type="submit">保存更正</button>
      </form>
      {corrections.length > 0 && (
        <table class="table compact" id="correction-history">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">项目</th>
              <th scope="col">原值 → 新值</th>
              <th scope="col">生效</th>
              <th scope="col">依据与原因</th>
              <th scope="col">更正人</th>
            </tr>
          </thead>
          <tbody>
            {corrections.map((c) => (
              <tr>
                <td>{formatInstant(c.corrected_at)}</td>
                <td>
                  {c.region ? `${c.region}` : ''}
                  {FIELD_NAMES[c.field]}
                </td>
                <td>
                  {shown(c.field, c.old_value)} → {shown(c.field, c.new_value)}
                </td>
                <td>{c.effective ? `${formatDate(c.effective)}起` : '从头更正'}</td>
                <td>
                  {c.source && <strong>{c.source}：</strong>}
                  {c.reason}
                </td>
                <td>{c.corrected_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * 目标分解: each region's own target in force (set by an administrator or by an upload of 类型 =
 * 目标), their sum against the province's target, and what is not broken down. Shown to everyone;
 * nothing when no region has a target.
 */
export function RegionalTargets({
  target,
  unit,
  targets,
}: {
  target: number | null;
  unit: string | null;
  targets: RegionalTarget[];
}) {
  if (targets.length === 0) return null;
  const sum = targets.reduce((n, t) => n + t.target, 0);
  const rest = target === null ? null : target - sum;
  return (
    <section class="panel" id="regional-targets">
      <h2>目标分解</h2>
      <table class="table compact">
        <thead>
          <tr>
            <th scope="col">地区</th>
            <th scope="col" class="num">
              目标
            </th>
            <th scope="col">来源</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr>
              <td>{t.region}</td>
              <td class="num">{formatQuantity(t.target, unit)}</td>
              <td>
                {t.source === 'upload' ? (
                  <a href={`/uploads/${t.source_id}`}>第 {t.source_id} 批上传</a>
                ) : (
                  '目标调整'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class={rest !== null && rest < 0 ? 'hint gap-warning' : 'hint'}>
        各地区合计 {formatQuantity(sum, unit)}，全省目标 {formatQuantity(target, unit) || '—'}
        {rest === null
          ? ''
          : rest > 0
            ? `，尚有 ${formatQuantity(rest, unit)} 未分解`
            : rest < 0
              ? `，超出全省目标 ${formatQuantity(-rest, unit)}`
              : '，恰好分解完毕'}
        。数量类指标在未分解的地区不计算完成率和状态，地区页只列出其占全省的份额。
      </p>
    </section>
  );
}
