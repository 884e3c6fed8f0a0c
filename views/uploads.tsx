import type { Child } from 'hono/jsx';
import type { ReviewRow, ReviewState } from '../src/accountability/approval.js';
import type { DocumentRow } from '../src/catalog/read.js';
import type { CheckProgress } from '../src/ingest/check-queue.js';
import type { ImportReport, PreviewRow } from '../src/ingest/import.js';
import type { Problem } from '../src/ingest/problems.js';
import type { UploadRow } from '../src/ingest/uploads.js';
import { formatInstant } from '../src/time.js';
import { formatNumber } from './format.js';
import { CsrfField } from './holes.js';
import { Layout } from './layout.js';

const STATUS_LABELS: Record<UploadRow['status'], string> = {
  committed: '已提交',
  rejected: '未通过',
  withdrawn: '已撤回',
};

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'Unicode（UTF-16）',
  'utf-16be': 'Unicode（UTF-16 BE）',
  xlsx: 'Excel 工作簿',
  form: '页面填报',
  unknown: '未知',
};

export interface UploadsPageProps {
  document?: DocumentRow | undefined;
  documents: DocumentRow[];
  uploads: UploadRow[];
  regions: { name: string; level: string }[];
  limitMb: number;
  /** The preview of a file just uploaded without htmx (the page is rendered again with it). */
  result?: Child;
  /** Uploads that needed approval (审核), waiting ones first. */
  reviews?: ReviewRow[];
}

/** Upload history and the form to upload a file; the preview appears under the form. */
export function UploadsPage({
  document,
  documents,
  uploads,
  regions,
  limitMb,
  result,
  reviews = [],
}: UploadsPageProps) {
  return (
    <Layout title="数据填报" document={document} documents={documents} active="uploads">
      <section class="hero hero-small">
        <h1>数据填报</h1>
        <p class="lede">
          上传统计局或本单位的 Excel 工作簿（.xlsx，可含多个工作表、标题行和合并单元格）或 CSV 文件（GBK、
          UTF-8 或 Excel 的“Unicode 文本”均可）。系统先检查并预览，确认无误后再提交。
        </p>
      </section>
      <section class="panel">
        <h2>上传文件</h2>
        <UploadForm regions={regions} limitMb={limitMb} />
        <p class="hint">
          不清楚格式？下载模板：
          <a href="/templates/actuals.csv" download>
            逐行填报模板
          </a>
          {' · '}
          <a href="/templates/actuals-wide.csv" download>
            按月分列模板
          </a>
          {' · '}
          <a href="/templates/targets.csv" download>
            目标分解模板
          </a>
          。统计期可写 2021-10、2021年10月 或 202110；数值可写 36000、3.6万 或 90%；空白表示未报送（不是 0）。
          目标分解：“类型”一列写“目标”、不需要统计期，数值为分解到该地区的目标，各地区的完成率和状态按它计算。
        </p>
        <div id="upload-result" aria-live="polite">
          {result}
        </div>
      </section>
      <ReviewPanel reviews={reviews} />
      <section class="panel">
        <h2>上传记录</h2>
        <div id="upload-history-wrap">
          <UploadHistory uploads={uploads} reviews={reviews} />
        </div>
      </section>
    </Layout>
  );
}

function UploadForm({ regions, limitMb }: { regions: { name: string; level: string }[]; limitMb: number }) {
  return (
    <form
      class="upload-form write-only"
      method="post"
      action="/uploads"
      enctype="multipart/form-data"
      hx-post="/uploads"
      hx-encoding="multipart/form-data"
      hx-target="#upload-result"
      hx-swap="innerHTML"
      hx-disabled-elt="find button"
      data-progress="#upload-progress"
    >
      <CsrfField />
      <label class="file-field">
        <span>Excel（.xlsx）或 CSV 文件（不超过 {limitMb} MB）</span>
        <input type="file" name="file" accept=".csv,.txt,.xlsx,text/csv" required />
      </label>
      <label>
        未写地区的行记为
        <select name="region">
          {regions
            .filter((r) => r.level !== 'county')
            .map((r) => (
              <option value={r.name}>{r.name}</option>
            ))}
        </select>
      </label>
      <label>
        数据类型
        <select name="series">
          <option value="actual">实际完成</option>
          <option value="plan">分月计划</option>
          <option value="target">分解目标（各地区目标，无需统计期）</option>
        </select>
      </label>
      <label>
        数值口径
        <select name="basis">
          <option value="">按表头判断（默认累计）</option>
          <option value="cumulative">累计（年初至今）</option>
          <option value="increment">当月</option>
        </select>
      </label>
      <button type="submit">上传并检查</button>
      <progress id="upload-progress" class="upload-progress" max="100" value="0" hidden></progress>
      <span class="upload-state" hidden>
        正在上传并检查……
      </span>
    </form>
  );
}

/** Uploads waiting for approval, and those rejected with the reason the reporter is to read. */
function ReviewPanel({ reviews }: { reviews: ReviewRow[] }) {
  const waiting = reviews.filter((r) => r.decision === null && !r.withdrawn_at);
  const rejected = reviews.filter((r) => r.decision === 'rejected').slice(0, 20);
  if (waiting.length === 0 && rejected.length === 0) return null;
  return (
    <section class="panel" id="reviews">
      <h2>审核</h2>
      <p class="hint">
        填报员提交的数据经管理员审核通过后才计入正式数据（总览、接口、快照、简报、督办）；被驳回的不计入，原因见下。
      </p>
      {waiting.length > 0 && (
        <>
          <h3 class="block-title">待审核（{waiting.length} 批）</h3>
          <ul class="review-list">
            {waiting.map((r) => (
              <li data-upload={r.upload_id}>
                <a href={`/uploads/${r.upload_id}`}>
                  第 {r.upload_id} 批 · {r.file_name}
                </a>
                ：{r.uploaded_by} 于 {formatInstant(r.uploaded_at)} 提交，新增 {r.rows_new}、修订{' '}
                {r.rows_revised}
              </li>
            ))}
          </ul>
        </>
      )}
      {rejected.length > 0 && (
        <>
          <h3 class="block-title">已驳回</h3>
          <ul class="review-list">
            {rejected.map((r) => (
              <li data-upload={r.upload_id} class="review-rejected">
                <a href={`/uploads/${r.upload_id}`}>
                  第 {r.upload_id} 批 · {r.file_name}
                </a>
                （{r.uploaded_by}）：{r.decided_by} 驳回，原因：{r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const REVIEW_LABELS = { approved: '已审核', rejected: '已驳回', pending: '待审核' } as const;

/** The approval of an upload as one word, or nothing when it needed none (or was withdrawn). */
function reviewLabel(review: ReviewRow | undefined): keyof typeof REVIEW_LABELS | null {
  if (!review || review.withdrawn_at) return null;
  return review.decision ?? 'pending';
}

/** Counts of problems exactly (146,180, not 14.6万): a clerk works through them one by one. */
const exact = new Intl.NumberFormat('zh-CN');

const STAGE_LABELS: Record<CheckProgress['stage'], string> = {
  waiting: '排队等待检查',
  reading: '正在读取文件',
  checking: '正在逐行检查',
  comparing: '正在与已有数据比对',
  writing: '正在生成检查结果',
  done: '检查完成，正在显示结果',
};

/** The words for where the server's check of an upload stands, polled by the page while it waits. */
export function progressText(progress: CheckProgress | undefined): string {
  if (!progress) return '文件已送达，正在检查……';
  if (progress.stage === 'waiting')
    return `排队等待检查：前面还有 ${progress.ahead} 个文件，轮到时自动开始，请勿关闭页面。`;
  return `${STAGE_LABELS[progress.stage]}（${progress.percent}%）……`;
}

export function UploadHistory({ uploads, reviews = [] }: { uploads: UploadRow[]; reviews?: ReviewRow[] }) {
  const byUpload = new Map(reviews.map((r) => [r.upload_id, r]));
  if (uploads.length === 0) {
    return <p class="empty">还没有上传记录。下载上面的模板，填好后上传即可。</p>;
  }
  return (
    <table class="table" id="upload-history">
      <thead>
        <tr>
          <th scope="col">批次</th>
          <th scope="col">文件</th>
          <th scope="col">填报人</th>
          <th scope="col">时间</th>
          <th scope="col">编码</th>
          <th scope="col" class="num">
            行数
          </th>
          <th scope="col" class="num">
            新增
          </th>
          <th scope="col" class="num">
            修订
          </th>
          <th scope="col" class="num">
            错误
          </th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {uploads.map((u) => (
          <tr data-upload={u.id}>
            <td>
              <a href={`/uploads/${u.id}`}>第 {u.id} 批</a>
            </td>
            <td class="file-name">{u.file_name}</td>
            <td>{u.uploaded_by}</td>
            <td>{formatInstant(u.uploaded_at)}</td>
            <td>{ENCODING_LABELS[u.encoding] ?? u.encoding}</td>
            <td class="num">{formatNumber(u.rows_read)}</td>
            <td class="num">{formatNumber(u.rows_new)}</td>
            <td class="num">{formatNumber(u.rows_revised)}</td>
            <td class="num">
              {u.errors > 0 ? <a href={`/uploads/${u.id}/problems.csv`}>{formatNumber(u.errors)}</a> : 0}
            </td>
            <td>
              <span class={`status status-${u.status}`}>{STATUS_LABELS[u.status]}</span>
              {reviewLabel(byUpload.get(u.id)) && (
                <span class={`status review-${reviewLabel(byUpload.get(u.id))}`}>
                  {REVIEW_LABELS[reviewLabel(byUpload.get(u.id)) ?? 'pending']}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The check of an uploaded file: counts, problems, what would change, and commit / cancel. */
export function UploadPreview({
  report,
  token,
  target = '#upload-result',
  returnTo,
}: {
  report: ImportReport;
  token?: string | undefined;
  /** Where the commit's answer goes (the upload page's result box by default). */
  target?: string;
  /** A page to go back to after the commit (the indicator page for a single value). */
  returnTo?: string | undefined;
}) {
  const c = report.counts;
  const blocked = c.errors > 0;
  return (
    <div class={`preview ${blocked ? 'preview-blocked' : 'preview-ok'}`} id="upload-preview">
      <h3>
        {report.status === 'duplicate'
          ? '重复文件'
          : blocked
            ? `发现 ${c.errors} 个错误，文件未提交`
            : c.new + c.revised === 0
              ? '文件中没有新数据'
              : '检查通过，请确认后提交'}
      </h3>
      <dl class="counts">
        <Count label="文件" value={report.fileName} />
        <Count label="编码" value={ENCODING_LABELS[report.encoding ?? 'unknown'] ?? '未知'} />
        <Count
          label="格式"
          value={report.format === 'wide' ? '按月分列' : report.format === 'long' ? '逐行' : '—'}
        />
        <Count label="读取行数" value={formatNumber(c.lines)} />
        <Count label="新增" value={formatNumber(c.new)} />
        <Count label="修订" value={formatNumber(c.revised)} />
        <Count label="与已有数据相同" value={formatNumber(c.unchanged)} />
        <Count label="空白（未报送）" value={formatNumber(c.blank)} />
        <Count label="错误" value={formatNumber(c.errors)} />
        <Count label="提醒" value={formatNumber(c.warnings)} />
      </dl>
      {report.problems.length > 0 && (
        <ProblemTable problems={report.problems} total={c.errors + c.warnings} />
      )}
      {blocked && report.uploadId && (
        <p>
          请按上面的提示修改文件后重新上传。
          <a href={`/uploads/${report.uploadId}/problems.csv`} download>
            下载错误报告（CSV）
          </a>
        </p>
      )}
      {report.changes.length > 0 && <ChangeTable rows={report.changes} blocked={blocked} />}
      {!blocked && token && c.new + c.revised > 0 && (
        <form
          class="confirm no-print"
          method="post"
          action="/uploads/commit"
          hx-post="/uploads/commit"
          hx-target={target}
        >
          <CsrfField />
          <input type="hidden" name="token" value={token} />
          {returnTo && <input type="hidden" name="return_to" value={returnTo} />}
          <button type="submit" class="primary">
            确认提交（新增 {c.new}，修订 {c.revised}）
          </button>
          <button type="submit" class="secondary" formaction="/uploads/cancel" hx-post="/uploads/cancel">
            取消
          </button>
        </form>
      )}
    </div>
  );
}

/** Where an upload that needed approval stands, and (for administrators) approve or reject it. */
function ReviewBox({ id, review }: { id: number; review: ReviewState }) {
  const waiting = review.decision === null && !review.withdrawn_at;
  return (
    <section class={`panel review review-${review.decision ?? 'pending'}`} id="review">
      <h2>审核</h2>
      {review.decision === 'approved' && (
        <p class="review-outcome">
          {review.decided_by} 于 {review.decided_at ? formatInstant(review.decided_at) : ''}{' '}
          审核通过，本批数据自那时起计入正式数据。
        </p>
      )}
      {review.decision === 'rejected' && (
        <div class="review-outcome review-reason" role="status">
          <p>
            <strong>审核未通过</strong>：{review.decided_by} 于{' '}
            {review.decided_at ? formatInstant(review.decided_at) : ''} 驳回，本批数据不计入。
          </p>
          <p class="reason">驳回原因：{review.reason}</p>
          <p class="hint">请按原因修改后重新上传。</p>
        </div>
      )}
      {waiting && (
        <>
          <p class="review-outcome">待审核：审核通过前，本批数据不计入总览、接口、快照、简报和督办。</p>
          <div class="review-actions admin-only no-print">
            <form method="post" action={`/uploads/${id}/approve`} class="inline-form">
              <CsrfField />
              <button type="submit" class="primary">
                审核通过
              </button>
            </form>
            <form method="post" action={`/uploads/${id}/reject`} class="reject-form">
              <CsrfField />
              <label>
                驳回原因
                <input
                  type="text"
                  name="reason"
                  maxlength={500}
                  required
                  placeholder="如：9月数据口径与统计局不一致"
                />
              </label>
              <button type="submit" class="danger">
                驳回
              </button>
            </form>
          </div>
        </>
      )}
    </section>
  );
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function ProblemTable({ problems, total }: { problems: Problem[]; total: number }) {
  return (
    <>
      <table class="table problems">
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">列</th>
            <th scope="col">问题</th>
            <th scope="col">原值</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr class={`problem problem-${p.severity}`} data-code={p.code}>
              <td>{p.line ?? '—'}</td>
              <td>{p.column ?? '—'}</td>
              <td>
                <span class={`severity severity-${p.severity}`}>
                  {p.severity === 'error' ? '错误' : '提醒'}
                </span>
                {p.message}
              </td>
              <td class="found">{p.found ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length && (
        <p class="hint problems-shown">
          共 {exact.format(total)} 个问题，页面显示前 {exact.format(problems.length)}{' '}
          个。错误报告（CSV）列出全部问题。
        </p>
      )}
    </>
  );
}

function ChangeTable({ rows, blocked }: { rows: PreviewRow[]; blocked: boolean }) {
  return (
    <>
      <h4>{blocked ? '其余各行的读取结果' : '将写入的数据'}（修订在前）</h4>
      <table class="table changes">
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">指标</th>
            <th scope="col">地区</th>
            <th scope="col">统计期</th>
            <th scope="col">原文</th>
            <th scope="col" class="num">
              读作
            </th>
            <th scope="col">变化</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={`change-${r.change}`} data-line={r.line}>
              <td>{r.line}</td>
              <td>
                <code>{r.code}</code> {r.indicator_name}
              </td>
              <td>{r.region}</td>
              <td>{r.series === 'target' ? '分解目标' : (r.period ?? '').slice(0, 7)}</td>
              <td class="found">{r.value_raw}</td>
              <td class="num">
                {r.milestone_status ?? (r.value === null ? '—' : `${formatNumber(r.value)}${r.unit ?? ''}`)}
              </td>
              <td>
                {r.change === 'revised' ? (
                  <span class="revision">
                    修订：{r.old_status ?? (r.old_value === null ? '—' : formatNumber(r.old_value))} →{' '}
                    {r.milestone_status ?? (r.value === null ? '—' : formatNumber(r.value))}
                  </span>
                ) : (
                  '新增'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** After commit or cancel: what happened, and the refreshed history swapped in out of band. */
export function UploadOutcome({
  report,
  uploads,
  reviews = [],
}: {
  report?: ImportReport | undefined;
  uploads: UploadRow[];
  reviews?: ReviewRow[];
}) {
  return (
    <>
      {report ? (
        <div class="notice notice-ok" role="status">
          已提交第 {report.uploadId} 批：新增 {report.counts.new} 个、修订 {report.counts.revised} 个数值
          {report.approval === 'pending' ? '，待管理员审核，审核通过后计入正式数据' : ''}。
          <a href={`/uploads/${report.uploadId}`}>查看详情</a>
        </div>
      ) : (
        <div class="notice" role="status">
          已取消，未写入任何数据。
        </div>
      )}
      <div id="upload-history-wrap" hx-swap-oob="true">
        <UploadHistory uploads={uploads} reviews={reviews} />
      </div>
    </>
  );
}

/** One upload: its numbers, problems and values, and (for a committed one) the withdraw button. */
export function UploadDetailPage({
  upload,
  review,
  problems,
  values,
  documents,
}: {
  upload: UploadRow;
  /** Its approval (审核), when it needed one. */
  review?: ReviewState | undefined;
  problems: Problem[];
  values: Record<string, unknown>[];
  documents: DocumentRow[];
}) {
  return (
    <Layout title={`第 ${upload.id} 批上传`} documents={documents} active="uploads">
      <nav class="breadcrumb" aria-label="位置">
        <a href="/uploads">数据填报</a>
      </nav>
      <section class="hero hero-small">
        <h1>
          第 {upload.id} 批 · {upload.file_name}{' '}
          <span class={`status status-${upload.status}`}>{STATUS_LABELS[upload.status]}</span>
          {review?.needs_approval && !review.withdrawn_at && (
            <span class={`status review-${review.decision ?? 'pending'}`}>
              {REVIEW_LABELS[review.decision ?? 'pending']}
            </span>
          )}
        </h1>
        <p class="lede">
          {upload.uploaded_by} 于 {formatInstant(upload.uploaded_at)} 上传，编码{' '}
          {ENCODING_LABELS[upload.encoding] ?? upload.encoding}；读取 {upload.rows_read} 行，新增{' '}
          {upload.rows_new}，修订 {upload.rows_revised}，错误 {upload.errors}，提醒 {upload.warnings}。
          {upload.withdrawn_at &&
            ` ${upload.withdrawn_by} 于 ${formatInstant(upload.withdrawn_at)} 撤回，其数据保留在历史中但不再计入。`}
          {upload.withdrawn_at && upload.reason && (
            <span class="withdraw-reason">撤回原因：{upload.reason}</span>
          )}
        </p>
      </section>
      {review?.needs_approval && <ReviewBox id={upload.id} review={review} />}
      {upload.status === 'committed' && (
        <form
          class="panel no-print write-only withdraw-form"
          method="post"
          action={`/uploads/${upload.id}/withdraw`}
        >
          <CsrfField />
          <h2>撤回本批数据</h2>
          <label>
            撤回原因（必填）
            <input
              type="text"
              name="reason"
              required
              minlength={2}
              maxlength={200}
              placeholder="如：数据口径有误"
            />
          </label>
          <label class="confirm">
            <input type="checkbox" name="confirm" value="1" required />
            我确认撤回第 {upload.id} 批的 {exact.format(upload.rows_new + upload.rows_revised)}{' '}
            个数值：撤回后不再计入，仍保留在历史中。
          </label>
          <button type="submit" class="danger">
            确认撤回
          </button>
        </form>
      )}
      {problems.length > 0 && (
        <section class="panel">
          <h2>
            问题{' '}
            <a class="small" href={`/uploads/${upload.id}/problems.csv`} download>
              下载错误报告（CSV）
            </a>
          </h2>
          <ProblemTable problems={problems} total={upload.errors + upload.warnings} />
        </section>
      )}
      {values.length > 0 && (
        <section class="panel">
          <h2>本批数值</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">行</th>
                <th scope="col">指标</th>
                <th scope="col">地区</th>
                <th scope="col">统计期</th>
                <th scope="col" class="num">
                  数值
                </th>
                <th scope="col">备注</th>
              </tr>
            </thead>
            <tbody>
              {values.map((v) => (
                <tr>
                  <td>{String(v.line ?? '')}</td>
                  <td>
                    <a href={`/indicators/${v.code}`}>
                      <code>{String(v.code)}</code>
                    </a>{' '}
                    {String(v.indicator_name)}
                  </td>
                  <td>{String(v.region)}</td>
                  <td>{v.series === 'target' ? '分解目标' : String(v.period).slice(0, 7)}</td>
                  <td class="num">
                    {v.milestone_status
                      ? String(v.milestone_status)
                      : v.value === null
                        ? '—'
                        : `${formatNumber(v.value as number)}${v.unit ?? ''}`}
                  </td>
                  <td>{v.note ? String(v.note) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
