import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { COMMENT_KINDS, type CommentRow } from '../src/accountability/comments.js';
import type { EvidenceRow } from '../src/accountability/evidence.js';
import { ACCEPTED, FILE_TYPES } from '../src/accountability/file-type.js';
import { type Frequency, ruleText } from '../src/accountability/reporting.js';
import type { PreviousEdition } from '../src/analytics/editions.js';
import type { HistoryRow, LatestRow } from '../src/analytics/history.js';
import type { IndicatorAnalysis } from '../src/analytics/indicator-page.js';
import type { CorrectionRow } from '../src/catalog/corrections.js';
import type { DocumentRow, GoalView, IndicatorRow, TaskView } from '../src/catalog/read.js';
import type { ImportReport } from '../src/ingest/import.js';
import { formatInstant } from '../src/time.js';
import { indicatorChart, indicatorRegionChart } from './charts/figures.js';
import { DepartmentChips } from './components/department-chips.js';
import { StatusBadge } from './components/status.js';
import { PendingBanner } from './components/view-filters.js';
import { EditionsTable, editionYears } from './editions.js';
import {
  chineseNumeral,
  formatDeadline,
  formatMonth,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatTarget,
  KIND_LABELS,
} from './format.js';
import { CsrfField } from './holes.js';
import { CorrectionPanel, RegionalTargets } from './indicator-correction.js';
import { Layout } from './layout.js';
import { docQuery as docQueryOf, taskHref } from './links.js';

/** An indicator as the page shows it: the catalogue's row, and whether it was retired. */
export interface IndicatorInfo extends Omit<IndicatorRow, 'task_seq'> {
  retired_at: Date | null;
}

export interface IndicatorPageProps {
  analysis: IndicatorAnalysis;
  editions: PreviousEdition[];
  document: DocumentRow;
  documents: DocumentRow[];
  indicator: IndicatorInfo;
  /** The task it belongs to, or null for a goal's indicator (`goal` then). */
  task: TaskView | null;
  goal: GoalView | null;
  latest: LatestRow[];
  /** How many counties reported too (listed in the JSON history, not on the page). */
  counties: number;
  history: HistoryRow[];
  regions: { name: string; level: string }[];
  /** The preview of a value just entered without htmx. */
  result?: Child;
  /** Every administrator's correction of the indicator, newest first. */
  corrections: CorrectionRow[];
  /** Evidence files (佐证材料), newest first. */
  evidence?: EvidenceRow[];
  /** 批示 and 说明, newest first. */
  comments?: CommentRow[];
  /** The reporting rule in force (报送要求). */
  rule?: { frequency: Frequency; due_day: number; rule_from: string; department: string } | null;
  /** TAIZHANG_APPROVAL: with approval required, the page offers 含待审核数据. */
  approval?: 'off' | 'required';
}

const quantity = (value: number | null, unit: string | null) =>
  value === null ? '—' : `${formatNumber(value)}${unit ?? ''}`;

/** One indicator: its target, the latest values by region, every value ever reported, and a form to enter one. */
export function IndicatorPage(props: IndicatorPageProps) {
  const { document, documents, indicator: i, task, latest, counties, history } = props;
  const docQuery = docQueryOf(document.id, documents[0]?.id);
  const milestone = i.kind === 'milestone';
  return (
    <Layout title={i.name} document={document} documents={documents}>
      <nav class="breadcrumb" aria-label="位置">
        {task ? (
          <a href={taskHref(task.seq, docQuery)}>第{task.seq}项任务</a>
        ) : (
          <a href={`/${docQuery}#goals`}>
            发展目标{props.goal ? `（${chineseNumeral(props.goal.no)}）` : ''}
          </a>
        )}
      </nav>
      <section class="hero hero-small">
        <p class="eyebrow">
          <code>{i.code}</code> · {KIND_LABELS[i.kind]}指标{i.retired_at && '（已停用）'}
        </p>
        <h1>{i.name}</h1>
        <dl class="stats">
          <div class="stat">
            <dt>{i.recurrence === 'annual' ? '每年目标' : '目标'}</dt>
            <dd>{milestone ? '完成' : formatTarget(i.target, i.unit, i.comparator)}</dd>
          </div>
          <div class="stat">
            <dt>{i.recurrence === 'annual' ? '每年年底前完成，直至' : '完成时限'}</dt>
            <dd>{formatDeadline(i.deadline, document.year)}</dd>
          </div>
          <div class="stat">
            <dt>最新（全省）</dt>
            <dd>
              {latestText(
                latest.find((l) => l.region === '全省'),
                i.unit,
              )}
            </dd>
          </div>
        </dl>
        <p class="source">原文：{i.source}</p>
        {props.rule && (
          <p class="source reporting-rule">
            报送要求：{ruleText(props.rule)}（{props.rule.department}报送
            {props.rule.rule_from === 'default' ? '，默认要求' : ''}）
          </p>
        )}
        {task && <DepartmentChips departments={task.departments} mode={task.mode} docQuery={docQuery} />}
      </section>
      <PendingBanner pending={props.analysis.asOf.pending} />
      <Analysis {...props} />
      <RegionalTargets target={i.target} unit={i.unit} targets={props.analysis.regionalTargets} />
      <EditionsTable
        documentId={document.id}
        code={i.code}
        years={editionYears(document, props.analysis.state, props.analysis.asOf.period, props.editions)}
      />
      <CommentsPanel code={i.code} comments={props.comments ?? []} />
      <EvidencePanel
        code={i.code}
        evidence={props.evidence ?? []}
        year={document.year}
        milestone={milestone}
      />
      <section class="panel no-print write-only" id="entry">
        <h2>填报一个数值</h2>
        <EntryForm {...props} />
        <div id="entry-result" aria-live="polite">
          {props.result}
        </div>
      </section>
      <CorrectionPanel indicator={i} corrections={props.corrections} />
      {latest.length > 0 && (
        <section class="panel">
          <h2>各地区最新值</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">地区</th>
                <th scope="col">统计期</th>
                <th scope="col" class="num">
                  {milestone ? '状态' : '数值'}
                </th>
                <th scope="col">备注</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((l) => (
                <tr>
                  <td>{l.region}</td>
                  <td>{l.period.slice(0, 7)}</td>
                  <td class="num">{latestText(l, i.unit)}</td>
                  <td>{l.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counties > 0 && (
            <p class="hint">另有 {counties} 个县（市、区）报送了数据，见下方 JSON 的完整历史。</p>
          )}
        </section>
      )}
      <section class="panel">
        <h2>
          填报历史{history.length >= 200 ? '（最近 200 条）' : ''}{' '}
          <a class="small" href={`/api/indicators/${encodeURIComponent(i.code)}/actuals`}>
            JSON
          </a>
        </h2>
        {history.length === 0 ? (
          <p class="empty">
            尚未报送数据。可在上方填报，或<a href="/uploads">上传 CSV 文件</a>。
          </p>
        ) : (
          <HistoryTable history={history} unit={i.unit} />
        )}
      </section>
    </Layout>
  );
}

function latestText(row: LatestRow | undefined, unit: string | null): string {
  if (!row) return '未报送';
  return row.milestone_status ?? quantity(row.value, unit);
}

function HistoryTable({ history, unit }: { history: HistoryRow[]; unit: string | null }) {
  return (
    <table class="table history">
      <thead>
        <tr>
          <th scope="col">统计期</th>
          <th scope="col">地区</th>
          <th scope="col">类型</th>
          <th scope="col" class="num">
            数值
          </th>
          <th scope="col">口径</th>
          <th scope="col">批次</th>
          <th scope="col">记录时间</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr class={h.superseded_at || !h.counts_from ? 'superseded' : 'current'}>
            <td>{h.period.slice(0, 7)}</td>
            <td>{h.region}</td>
            <td>{h.series === 'plan' ? '计划' : '实际'}</td>
            <td class="num">{h.milestone_status ?? quantity(h.value, unit)}</td>
            <td>{h.basis === 'increment' ? '当月' : '累计'}</td>
            <td>
              <a href={`/uploads/${h.upload_id}`}>第 {h.upload_id} 批</a>
            </td>
            <td>{formatInstant(h.recorded_at)}</td>
            <td>{historyState(h)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a value stands: counting, waiting for approval, rejected, withdrawn or revised. */
function historyState(h: HistoryRow): string {
  if (h.withdrawn_at) return `已撤回（${formatInstant(h.withdrawn_at)}）`;
  if (h.review === 'rejected') {
    return `审核驳回（${h.reviewed_by ?? ''}，${h.reviewed_at ? formatInstant(h.reviewed_at) : ''}）：${h.review_reason ?? ''}`;
  }
  if (h.needs_approval && h.review === null) return '待审核（审核通过后计入）';
  const approved =
    h.review === 'approved' && h.reviewed_at ? `，${formatInstant(h.reviewed_at)} 审核通过` : '';
  if (h.superseded_at) return `已被修订（${formatInstant(h.superseded_at)}）${approved}`;
  return `有效${approved}`;
}

/** 批示 (leaders, administrators) and 说明 (reporters, administrators): append-only, newest first. */
function CommentsPanel({ code, comments }: { code: string; comments: CommentRow[] }) {
  const action = `/indicators/${encodeURIComponent(code)}/comments`;
  return (
    <section class="panel" id="comments">
      <h2>批示与说明</h2>
      {comments.length === 0 ? (
        <p class="empty">还没有批示或说明。</p>
      ) : (
        <ul class="comments">
          {comments.map((c) => (
            <li class={`comment comment-${c.kind}`}>
              <span class={`comment-kind comment-kind-${c.kind}`}>{COMMENT_KINDS[c.kind]}</span>
              <p class="comment-body">{c.body}</p>
              <span class="comment-meta">
                {c.author} · {formatInstant(c.created_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <CommentForm
        action={action}
        kind="instruction"
        audience="leader-only"
        placeholder="如：请住建厅加快进度，月底前报送整改措施。"
      />
      <CommentForm
        action={action}
        kind="explanation"
        audience="write-only"
        placeholder="如：受汛期影响，9月开工推迟，预计11月补齐。"
      />
    </section>
  );
}

/** One comment form: 批示 for leaders, 说明 for the reporting departments (`audience` hides it from others). */
function CommentForm({
  action,
  kind,
  audience,
  placeholder,
}: {
  action: string;
  kind: 'instruction' | 'explanation';
  audience: string;
  placeholder: string;
}) {
  const label = COMMENT_KINDS[kind];
  return (
    <form class={`comment-form ${audience} no-print`} method="post" action={action}>
      <CsrfField />
      <input type="hidden" name="kind" value={kind} />
      <label class="wide">
        {label}
        <textarea name="body" rows={2} maxlength={2000} required placeholder={placeholder} />
      </label>
      <button type="submit">提交{label}</button>
    </form>
  );
}

/** Evidence files: the list (always downloads), and the form to add one. */
function EvidencePanel({
  code,
  evidence,
  year,
  milestone,
}: {
  code: string;
  evidence: EvidenceRow[];
  year: number;
  milestone: boolean;
}) {
  const action = `/indicators/${encodeURIComponent(code)}/evidence`;
  return (
    <section class="panel" id="evidence">
      <h2>
        佐证材料{' '}
        <a class="small" href={`/api/indicators/${encodeURIComponent(code)}/evidence`}>
          JSON
        </a>
      </h2>
      {evidence.length === 0 ? (
        <p class="empty">
          {milestone
            ? '尚无佐证材料：节点任务标为已完成时，请上传会议纪要、批复文件或现场照片等。'
            : '尚无佐证材料。'}
        </p>
      ) : (
        <EvidenceList evidence={evidence} />
      )}
      <form
        class="entry-form evidence-form write-only no-print"
        method="post"
        action={action}
        enctype="multipart/form-data"
      >
        <CsrfField />
        <label class="file-field">
          文件（{ACCEPTED}）
          <input type="file" name="file" required accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx" />
        </label>
        <label>
          对应统计期（可不填）
          <input type="month" name="period" min={`${year}-01`} max={`${year}-12`} />
        </label>
        <label class="wide">
          说明
          <input type="text" name="note" maxlength={500} placeholder="如：省政府常务会议纪要" />
        </label>
        <button type="submit">上传佐证材料</button>
      </form>
    </section>
  );
}

/** Evidence files as a table: each a download, with what it is, what it backs and who filed it. */
export function EvidenceList({
  evidence,
  showCode = false,
}: {
  evidence: EvidenceRow[];
  showCode?: boolean;
}) {
  return (
    <table class="table evidence-list">
      <thead>
        <tr>
          {showCode && <th scope="col">指标</th>}
          <th scope="col">文件</th>
          <th scope="col">类型</th>
          <th scope="col" class="num">
            大小
          </th>
          <th scope="col">对应统计期</th>
          <th scope="col">说明</th>
          <th scope="col">上传</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e) => (
          <tr data-evidence={e.id}>
            {showCode && (
              <td>
                <code>{e.indicator_code}</code>
              </td>
            )}
            <td>
              <a href={`/evidence/${e.id}`} download>
                {e.file_name}
              </a>
            </td>
            <td>{FILE_TYPES[e.file_type].label}</td>
            <td class="num">{fileSize(e.bytes)}</td>
            <td>
              {e.period
                ? `${formatMonth(e.period)}${e.region && e.region !== '全省' ? ` · ${e.region}` : ''}`
                : '—'}
            </td>
            <td>{e.note ?? ''}</td>
            <td>
              {e.uploaded_by} · {formatInstant(e.uploaded_at)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 1536 → "1.5 KB". */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / 1024 / 102.4) / 10} MB`;
}

/**
 * What became of a value entered in the form, in the form's place: saved (new, or revising the
 * value that counted), the same as before, or the problems that stopped it, by field.
 */
export function EntryOutcome({ report, href }: { report: ImportReport; href: string }) {
  const problems = report.problems.filter((p) => p.code !== 'duplicate_file');
  if (report.counts.errors > 0)
    return (
      <div class="entry-outcome entry-errors" role="alert">
        <p>未保存，请修改后重试：</p>
        <ul>
          {problems
            .filter((p) => p.severity === 'error')
            .map((p) => (
              <li data-code={p.code}>
                {p.column ? `${p.column}：` : ''}
                {p.message}
              </li>
            ))}
        </ul>
      </div>
    );
  const [row] = report.changes;
  if (report.status !== 'committed' || !row)
    return (
      <p class="entry-outcome notice-ok" role="status">
        与已有数据相同，未做更改。
      </p>
    );
  const value = row.milestone_status ?? formatQuantity(row.value, row.unit);
  const old = row.change === 'revised' ? (row.old_status ?? formatQuantity(row.old_value, row.unit)) : null;
  return (
    <div class="entry-outcome notice-ok" role="status">
      <p>
        已保存：{row.region} {row.period === null ? '分解目标' : formatMonth(row.period)} {value}
        {old !== null ? `（修订，原为 ${old}）` : '（新增）'}。<a href={href}>刷新页面查看图表和历史</a>
      </p>
      {problems
        .filter((p) => p.severity === 'warning')
        .map((p) => (
          <p class="entry-warning">提醒：{p.message}</p>
        ))}
    </div>
  );
}

/** The single-value form: the same checks as a file upload, answered in place. */
export function EntryForm({ indicator, regions, document }: IndicatorPageProps) {
  const milestone = indicator.kind === 'milestone';
  const action = `/indicators/${encodeURIComponent(indicator.code)}/values`;
  return (
    <form
      class="entry-form write-only"
      method="post"
      action={action}
      hx-post={action}
      hx-target="#entry-result"
      hx-disabled-elt="find button"
    >
      <CsrfField />
      <label>
        统计期
        <input
          type="month"
          name="period"
          required
          min={`${document.year}-01`}
          max={`${document.last_year}-12`}
        />
      </label>
      {milestone ? (
        <label>
          状态
          <select name="value" required>
            <option value="未开始">未开始</option>
            <option value="进行中">进行中</option>
            <option value="已完成">已完成</option>
          </select>
        </label>
      ) : (
        <label>
          累计完成{indicator.unit ? `（${indicator.unit}）` : ''}
          <input
            type="text"
            name="value"
            required
            inputmode="decimal"
            placeholder="如 36000 或 3.6万"
            maxlength={30}
          />
        </label>
      )}
      <label>
        地区
        <select name="region">
          {regions.map((r) => (
            <option value={r.name}>{r.level === 'county' ? `　${r.name}` : r.name}</option>
          ))}
        </select>
      </label>
      <label class="wide">
        {milestone ? '进展情况' : '备注'}
        <input type="text" name="note" maxlength={500} />
      </label>
      <button type="submit">保存</button>
    </form>
  );
}

/** Whether the regions add up to the province's figure of the same month. */
function RegionCheck({
  check,
  unit,
}: {
  check: NonNullable<IndicatorPageProps['analysis']['regionCheck']>;
  unit: string | null;
}) {
  return (
    <>
      {formatMonth(check.period)}：全省 {formatNumber(check.province)}
      {unit ?? ''}，各地区合计 {formatNumber(check.sum)}
      {unit ?? ''}
      {check.gap === 0
        ? '，二者一致。'
        : `，相差 ${formatNumber(check.gap)}${unit ?? ''}（可能有地区未报送或口径不一致，请核对）。`}
    </>
  );
}

/** Status, completion against pace, the forecast, the chart, and the regions. */
function Analysis({ analysis, indicator, approval }: IndicatorPageProps) {
  const { state, asOf } = analysis;
  const here = `/indicators/${encodeURIComponent(indicator.code)}?asof=${asOf.period.slice(0, 7)}`;
  const svgHref = `/indicators/${encodeURIComponent(indicator.code)}/chart.svg?asof=${asOf.period.slice(0, 7)}`;
  const regionSvg = indicatorRegionChart(analysis, indicator);
  return (
    <section class="panel" aria-label="完成情况">
      <h2>
        截至{formatMonth(asOf.period)} {state && <StatusBadge status={state.status} />}{' '}
        {asOf.pending ? (
          <a class="small no-print" href={here}>
            只看正式数据
          </a>
        ) : (
          approval === 'required' && (
            <a class="small write-only no-print" href={`${here}&pending=1`}>
              含待审核数据
            </a>
          )
        )}
      </h2>
      {state && (
        <p class="lede">
          {indicator.kind === 'milestone'
            ? `进展：${state.milestone_status ?? '未报送'}${state.done_period ? `，${formatMonth(state.done_period)}报告完成` : ''}`
            : `累计 ${state.actual === null ? '未报送' : `${formatNumber(state.actual)}${indicator.unit ?? ''}`}，完成率 ${formatPercent(state.completion)}，序时进度 ${formatPercent(state.pace)}${state.pace_from_plan ? '（按分月计划）' : ''}。`}
          {analysis.forecast && ` ${analysis.forecast}。`}
        </p>
      )}
      {indicator.kind !== 'milestone' && (
        <figure class="chart progress-chart">
          {raw(indicatorChart(analysis, indicator))}
          <figcaption>
            实线：累计完成（空心圆点为曾修订的月份）；点线：{state?.pace_from_plan ? '分月计划' : '序时进度'}
            ；虚线：按近期进度的预测；红线：目标。
            <a href={svgHref} download>
              下载 SVG
            </a>
          </figcaption>
        </figure>
      )}
      {regionSvg ? (
        <figure class="chart">
          {raw(regionSvg)}
          {analysis.regionCheck && (
            <figcaption class={analysis.regionCheck.gap === 0 ? '' : 'gap-warning'}>
              <RegionCheck check={analysis.regionCheck} unit={indicator.unit} />
            </figcaption>
          )}
        </figure>
      ) : (
        analysis.regional.length > 0 && (
          <p class={analysis.regionCheck && analysis.regionCheck.gap !== 0 ? 'gap-warning' : 'hint'}>
            {analysis.regional.length} 个地区报送了最新值，数量较多，不作图；各地区的数值见“填报历史”的 JSON。
            {analysis.regionCheck && <RegionCheck check={analysis.regionCheck} unit={indicator.unit} />}
          </p>
        )
      )}
    </section>
  );
}
