import type { CorrectionRow } from '../src/catalog/corrections.js';
import { formatInstant } from '../src/time.js';
import { formatDate } from './format.js';
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
                <td>{FIELD_NAMES[c.field]}</td>
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
