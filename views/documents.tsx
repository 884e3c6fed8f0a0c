import type { DocumentListRow, DocumentReview, EditRow, ReviewDoubt } from '../src/catalog/drafts.js';
import type { EditionLink, EditionLinkReview, LinkHistoryRow } from '../src/catalog/edition-links.js';
import type { Catalog, Goal, Indicator, Task } from '../src/catalog/types.js';
import { formatInstant } from '../src/time.js';
import { formatQuantity } from './format.js';
import { CsrfField } from './holes.js';
import { Layout } from './layout.js';

const STATE_LABELS = { draft: '草稿（待审核）', published: '已发布' } as const;

const KIND_LABELS: Record<Indicator['kind'], string> = {
  count: '累计数量',
  level: '保持水平',
  coverage: '覆盖率',
  growth: '增速',
  milestone: '里程碑',
};

const COMPARATOR_LABELS: Record<Indicator['comparator'], string> = {
  '>=': '不少于（≥）',
  '<=': '不超过（≤）',
  '=': '等于（=）',
  '~': '约（≈）',
};

const MODE_LABELS: Record<Task['departmentMode'], string> = {
  sole: '负责',
  separate: '分别负责',
  lead: '牵头（等负责 / 牵头…配合）',
};

const DOUBT_LABELS: Record<ReviewDoubt['kind'], string> = {
  department: '未找到责任单位',
  number: '数字未能识别',
  numbering: '任务编号不连续',
  year: '年份',
  previous: '与上一版不同',
};

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  year: '年份',
  headline: '重点指标',
  text: '任务原文',
  departments: '责任单位',
  departmentMode: '分工方式',
  lead: '牵头单位',
  name: '名称',
  value: '目标值',
  unit: '单位',
  comparator: '比较方式',
  deadline: '完成时限',
  kind: '类型',
  recurrence: '每年',
  source: '原文',
  added: '新增',
  removed: '删除',
};

/** The documents: every edition and draft, and the upload form (administrators). */
export function DocumentsPage({ documents, limitMb }: { documents: DocumentListRow[]; limitMb: number }) {
  return (
    <Layout title="重点任务文件" active="documents">
      <section class="hero hero-small">
        <h1>重点任务文件</h1>
        <p class="lede">
          上传重点任务文件（Word .docx、带文字层的 PDF、网页 .html 或文本
          .txt），系统解析成草稿；逐项审核后发布，总览即按新文件展示。 也可上传此前下载的目录 JSON 继续审核。
        </p>
      </section>
      <section class="panel">
        <h2>上传文件</h2>
        <form
          class="upload-form"
          method="post"
          action="/documents"
          enctype="multipart/form-data"
          hx-post="/documents"
          hx-encoding="multipart/form-data"
          hx-disabled-elt="find button"
        >
          <CsrfField />
          <label class="file-field">
            <span>文件（不超过 {Math.min(limitMb, 20)} MB）</span>
            <input
              type="file"
              name="file"
              accept=".docx,.pdf,.html,.htm,.txt,.json,text/plain,text/html,application/pdf"
              required
            />
          </label>
          <label>
            文件编号（可不填，默认取自文件名）
            <input
              name="id"
              maxlength={80}
              pattern="[a-z0-9][a-z0-9\-]*"
              placeholder="如 jilin-2022-key-tasks"
            />
          </label>
          <button type="submit">上传并解析</button>
        </form>
      </section>
      <section class="panel">
        <h2>文件与版本</h2>
        {documents.length === 0 ? (
          <p class="hint">还没有文件。</p>
        ) : (
          <table class="table" id="documents">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col">年份</th>
                <th scope="col">当前状态</th>
                <th scope="col">最近修改</th>
                <th scope="col">版本数</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr>
                  <td>
                    <a href={`/documents/${d.id}`}>{d.title}</a>
                    <div class="hint">{d.id}</div>
                  </td>
                  <td>{d.year}</td>
                  <td>
                    {STATE_LABELS[d.state]}
                    {d.state === 'draft' && d.live && <div class="hint">已有发布版在用</div>}
                  </td>
                  <td>
                    {formatInstant(d.created_at)} {d.created_by ?? '种子文件'}
                  </td>
                  <td class="num">{d.versions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

/** The review of one document: doubts first, then every task with its departments and targets, editable. */
export function ReviewPage({ review }: { review: DocumentReview }) {
  const { catalog, id } = review;
  return (
    <Layout title={`审核：${catalog.document.title}`} active="documents">
      <section class="hero hero-small" data-year={catalog.document.year}>
        <p class="eyebrow">
          <a href="/documents">重点任务文件</a> · {id}
        </p>
        <h1>{catalog.document.title}</h1>
        <p class="lede">
          {catalog.document.year}年 · {catalog.parts.length} 个部分，{catalog.sections.length} 节，
          {catalog.tasks.length} 项任务，{catalog.tasks.reduce((n, t) => n + t.indicators.length, 0)} 个指标 ·{' '}
          <strong id="document-state">{STATE_LABELS[review.state]}</strong>
          {review.live && review.state === 'draft' && '（发布前，总览仍显示已发布的版本）'}
        </p>
        <div class="review-actions">
          {review.state === 'draft' && (
            <form
              class="publish-form"
              method="post"
              action={`/documents/${id}/publish`}
              hx-post={`/documents/${id}/publish`}
              hx-disabled-elt="find button"
            >
              <CsrfField />
              <button type="submit" id="publish">
                发布
              </button>
            </form>
          )}
          <a class="button secondary" href={`/documents/${id}/catalog.json`} download>
            下载目录 JSON
          </a>
          {review.live && <a href={`/?doc=${id}`}>查看总览</a>}
        </div>
      </section>
      <Doubts doubts={review.doubts} />
      <datalist id="department-names">
        {review.departments.map((name) => (
          <option value={name} />
        ))}
      </datalist>
      <p class="hint">选中任务原文中的一段文字，可据此新增指标（已识别的指标在原文中以底色标出）。</p>
      {catalog.parts.map((part) => (
        <section class="part">
          <h2 class="part-title">
            <span class="part-no">第{part.no}部分</span> {part.title}
          </h2>
          {sectionsOf(catalog, part.no).map((section) => (
            <div class="section">
              {section.title && <h3 class="section-title">{section.title}</h3>}
              {section.tasks.map((task) => (
                <ReviewTask documentId={id} task={task} editable={true} />
              ))}
            </div>
          ))}
        </section>
      ))}
      {(catalog.goals ?? []).length > 0 && (
        <section class="part" id="goals">
          <h2 class="part-title">发展目标</h2>
          {(catalog.goals ?? []).map((goal) => (
            <ReviewGoal documentId={id} goal={goal} />
          ))}
        </section>
      )}
      <EditionLinks documentId={id} review={review.editionLinks} />
      <EditHistory edits={review.edits} />
      <script src="/static/review.js" defer></script>
    </Layout>
  );
}

/** The parser's doubts, settled ones struck through; swapped out of band after each edit. */
export function Doubts({ doubts, oob = false }: { doubts: ReviewDoubt[]; oob?: boolean }) {
  const open = doubts.filter((d) => !d.settled);
  return (
    <section class="panel" id="doubts" hx-swap-oob={oob ? 'true' : undefined}>
      <h2>请先复核（{open.length} 处存疑）</h2>
      {doubts.length === 0 ? (
        <p class="hint">解析没有存疑之处。</p>
      ) : (
        <ul class="doubt-list">
          {doubts.map((d) => (
            <li class={d.settled ? 'doubt settled' : 'doubt'}>
              <strong>{DOUBT_LABELS[d.kind]}</strong>
              {d.seq !== null && (
                <>
                  {' '}
                  · <a href={`#task-${d.seq}`}>第 {d.seq} 项任务</a>
                </>
              )}
              ：{d.message}
              {d.settled && '（已处理）'}
              {d.source && <div class="source">{d.source.slice(0, 200)}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function sectionsOf(catalog: Catalog, part: number) {
  const tasks = catalog.tasks.filter((t) => t.part === part);
  const numbers = [...new Set(tasks.map((t) => t.section))];
  return numbers.map((no) => ({
    title: catalog.sections.find((s) => s.no === no)?.title ?? '',
    tasks: tasks.filter((t) => t.section === no),
  }));
}

/** The text with each target's source phrase marked where it was read from. */
export function highlighted(text: string, sources: string[]): (string | { mark: string })[] {
  const ranges: [number, number][] = [];
  for (const source of sources) {
    if (source.length === 0) continue;
    let at = text.indexOf(source);
    while (at >= 0 && ranges.some(([a, b]) => at < b && at + source.length > a))
      at = text.indexOf(source, at + 1);
    if (at >= 0) ranges.push([at, at + source.length]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const out: (string | { mark: string })[] = [];
  let from = 0;
  for (const [a, b] of ranges) {
    if (a > from) out.push(text.slice(from, a));
    out.push({ mark: text.slice(a, b) });
    from = b;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/** One task under review: the fragment every edit of it answers with (htmx swaps it in place). */
export function ReviewTask({ documentId, task }: { documentId: string; task: Task; editable?: boolean }) {
  const base = `/documents/${documentId}`;
  const target = `#task-${task.seq}`;
  const htmx = (action: string) => ({
    method: 'post' as const,
    action,
    'hx-post': action,
    'hx-target': target,
    'hx-swap': 'outerHTML',
  });
  return (
    <article class="task review-task" id={`task-${task.seq}`} data-seq={task.seq}>
      <div class="task-seq">{task.seq}</div>
      <div class="review-body">
        <p class="task-text review-text">
          {highlighted(
            task.text,
            task.indicators.map((i) => i.source),
          ).map((part) => (typeof part === 'string' ? part : <mark class="target-source">{part.mark}</mark>))}
        </p>
        <form class="entry-form department-form" {...htmx(`${base}/tasks/${task.seq}`)}>
          <CsrfField />
          <label class="wide">
            责任单位（以“、”分隔；简称按简称表改为全称）
            <input
              name="departments"
              list="department-names"
              value={task.departments.join('、')}
              placeholder="如 省发展改革委、省财政厅"
              class={task.departments.length === 0 ? 'missing' : undefined}
            />
          </label>
          <label>
            分工方式
            <select name="mode">
              {(Object.keys(MODE_LABELS) as Task['departmentMode'][]).map((m) => (
                <option value={m} selected={m === task.departmentMode}>
                  {MODE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <label>
            牵头单位
            <select name="lead">
              <option value="">（无）</option>
              {task.departments.map((d) => (
                <option value={d} selected={d === task.lead}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            保存单位
          </button>
        </form>
        <div class="review-indicators">
          {task.indicators.map((indicator) => (
            <IndicatorForm base={base} target={target} indicator={indicator} />
          ))}
          <details class="add-indicator">
            <summary>新增指标</summary>
            <form class="entry-form indicator-form" {...htmx(`${base}/tasks/${task.seq}/indicators`)}>
              <CsrfField />
              <IndicatorFields />
              <button type="submit">新增</button>
            </form>
          </details>
        </div>
      </div>
    </article>
  );
}

/** One goal paragraph under review: its text with the targets marked, each target editable. */
export function ReviewGoal({ documentId, goal }: { documentId: string; goal: Goal }) {
  const base = `/documents/${documentId}`;
  return (
    <article class="task review-task" id={`goal-${goal.no}`}>
      <div class="task-seq">G{goal.no}</div>
      <div class="review-body">
        <p class="task-text review-text">
          <strong>{goal.title}</strong>{' '}
          {highlighted(
            goal.text,
            goal.indicators.map((i) => i.source),
          ).map((part) => (typeof part === 'string' ? part : <mark class="target-source">{part.mark}</mark>))}
        </p>
        <div class="review-indicators">
          {goal.indicators.map((indicator) => (
            <IndicatorForm base={base} target={`#goal-${goal.no}`} indicator={indicator} />
          ))}
        </div>
      </div>
    </article>
  );
}

function IndicatorForm({ base, target, indicator }: { base: string; target: string; indicator: Indicator }) {
  const action = `${base}/indicators/${indicator.code}`;
  return (
    <form
      class="entry-form indicator-form"
      method="post"
      action={action}
      hx-post={action}
      hx-target={target}
      hx-swap="outerHTML"
    >
      <CsrfField />
      <span class="indicator-code">{indicator.code}</span>
      <IndicatorFields indicator={indicator} />
      <button type="submit">保存</button>
      <button
        type="submit"
        class="secondary"
        formaction={`${action}/remove`}
        hx-post={`${action}/remove`}
        hx-confirm={`删除指标 ${indicator.code}？`}
      >
        删除
      </button>
    </form>
  );
}

function IndicatorFields({ indicator }: { indicator?: Indicator }) {
  return (
    <>
      <label class="wide">
        名称
        <input name="name" required maxlength={80} value={indicator?.name ?? ''} />
      </label>
      <label>
        目标值
        <input
          name="value"
          inputmode="decimal"
          size={8}
          value={indicator?.value === null || indicator?.value === undefined ? '' : String(indicator.value)}
        />
      </label>
      <label>
        单位
        <input name="unit" maxlength={10} size={4} value={indicator?.unit ?? ''} />
      </label>
      <label>
        比较
        <select name="comparator">
          {(Object.keys(COMPARATOR_LABELS) as Indicator['comparator'][]).map((c) => (
            <option value={c} selected={c === (indicator?.comparator ?? '>=')}>
              {COMPARATOR_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        完成时限
        <input type="date" name="deadline" required value={indicator?.deadline ?? ''} />
      </label>
      <label>
        类型
        <select name="kind">
          {(Object.keys(KIND_LABELS) as Indicator['kind'][]).map((k) => (
            <option value={k} selected={k === (indicator?.kind ?? 'count')}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="recurrence"
          value="annual"
          checked={indicator?.recurrence === 'annual'}
        />{' '}
        每年
      </label>
      <label class="wide">
        原文
        <input name="source" maxlength={400} value={indicator?.source ?? ''} />
      </label>
    </>
  );
}

/** Every edit of the document, newest first; swapped out of band after each edit. */
export function EditHistory({ edits, oob = false }: { edits: EditRow[]; oob?: boolean }) {
  return (
    <section class="panel" id="edit-history" hx-swap-oob={oob ? 'true' : undefined}>
      <h2>修改记录</h2>
      {edits.length === 0 ? (
        <p class="hint">还没有修改。</p>
      ) : (
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">修改人</th>
              <th scope="col">项目</th>
              <th scope="col">原值 → 新值</th>
            </tr>
          </thead>
          <tbody>
            {edits.map((e) => (
              <tr>
                <td>{formatInstant(e.edited_at)}</td>
                <td>{e.edited_by ?? '—'}</td>
                <td>
                  {itemLabel(e.item)} · {FIELD_LABELS[e.field] ?? e.field}
                </td>
                <td>
                  {short(e.old_value)} → {short(e.new_value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const itemLabel = (item: string) =>
  item.startsWith('task:')
    ? `第 ${item.slice(5)} 项任务`
    : item.startsWith('indicator:')
      ? `指标 ${item.slice(10)}`
      : '文件';

const short = (value: string | null) =>
  value === null ? '（空）' : value.length > 80 ? `${value.slice(0, 80)}…` : value;

/** The previous edition's indicator as a reader knows it: 2021-T10-2 农民工…（12万人次）. */
function previousLabel(code: string, options: EditionLinkReview['options']) {
  const o = options.find((x) => x.code === code);
  if (!o) return code;
  const target = formatQuantity(o.target, o.unit);
  return `${code} ${o.name}${target ? `（${target}）` : ''}`;
}

/** Why the matcher suggests what it does: the same name, or how close the names are. */
function suggestionText(link: EditionLink, options: EditionLinkReview['options']): string {
  if (link.suggested_code === null) return '系统未找到名称相同或相近的指标';
  const why =
    link.score !== null && link.score >= 2
      ? '名称与单位相同'
      : `名称相近（相似度 ${(link.score ?? 0).toFixed(2)}），单位、类型相同且责任单位相同`;
  return `系统建议：${previousLabel(link.suggested_code, options)}，${why}`;
}

const DECISION_LABELS = { confirmed: '已确认', chosen: '已改选', none: '已标为无上年对应指标' } as const;

/**
 * 历年对应: each published indicator's family in the previous edition — the matcher's suggestion
 * and why, what an administrator decided — with a form to confirm it, choose another indicator of
 * the previous edition, or say it has none. The decisions' history follows.
 */
export function EditionLinks({
  documentId,
  review,
}: {
  documentId: string;
  review: EditionLinkReview | null;
}) {
  return (
    <section class="panel" id="edition-links">
      <h2>历年对应指标</h2>
      {review === null ? (
        <p class="hint">文件发布后，可在此确认各指标在上一版文件中的对应指标。</p>
      ) : review.previous === null ? (
        <p class="hint">没有更早年度的文件，这份文件的指标没有上年对应指标。</p>
      ) : (
        <>
          <p class="hint">
            对照 {review.previous.year}年文件《{review.previous.title}
            》。确认或改选后，历年对比、指标页和接口即按确认的对应关系计算；标为“无上年对应指标”的指标不再与上年对照。
          </p>
          <datalist id="previous-options">
            {review.options.map((o) => (
              <option value={o.code}>{previousLabel(o.code, review.options)}</option>
            ))}
          </datalist>
          <ul class="edition-link-list">
            {review.links.map((link) => (
              <EditionLinkRow documentId={documentId} link={link} options={review.options} />
            ))}
          </ul>
          <EditionLinkHistory history={review.history} />
        </>
      )}
    </section>
  );
}

/** One indicator's link and its form: the fragment a decision answers with (htmx swaps it in place). */
export function EditionLinkRow({
  documentId,
  link,
  options,
}: {
  documentId: string;
  link: EditionLink;
  options: EditionLinkReview['options'];
}) {
  const action = `/documents/${documentId}/editions/${encodeURIComponent(link.code)}`;
  const id = `link-${link.code}`;
  return (
    <li class={`edition-link${link.decision ? ' decided' : ''}`} id={id}>
      <div class="edition-link-head">
        <span class="indicator-code">{link.code}</span>
        <a href={`/indicators/${encodeURIComponent(link.code)}`}>{link.name}</a>
        <span class="edition-link-state">
          {link.decision
            ? `${DECISION_LABELS[link.decision]}（${link.decided_by ?? '—'}，${link.decided_at ? formatInstant(link.decided_at) : ''}）`
            : link.previous_code
              ? '待确认'
              : '无对应'}
        </span>
      </div>
      <p class="hint">
        {link.decision && link.decision !== 'none' && link.previous_code
          ? `上年对应：${previousLabel(link.previous_code, options)}。`
          : ''}
        {suggestionText(link, options)}
      </p>
      <form
        class="entry-form edition-link-form"
        method="post"
        action={action}
        hx-post={action}
        hx-target={`#${id}`}
        hx-swap="outerHTML"
      >
        <CsrfField />
        <label class="wide">
          上年对应指标编码
          <input
            name="previous"
            list="previous-options"
            maxlength={40}
            value={link.previous_code ?? link.suggested_code ?? ''}
            placeholder="从上一版文件的指标中选择"
          />
        </label>
        <button type="submit" name="choice" value="link">
          确认对应
        </button>
        <button type="submit" name="choice" value="none" class="secondary">
          无上年对应指标
        </button>
      </form>
    </li>
  );
}

/** Every decision on the document's family links, newest first; swapped out of band after each. */
export function EditionLinkHistory({ history, oob = false }: { history: LinkHistoryRow[]; oob?: boolean }) {
  return (
    <div id="edition-link-history" hx-swap-oob={oob ? 'true' : undefined}>
      <h3>对应关系修改记录</h3>
      {history.length === 0 ? (
        <p class="hint">还没有确认或改选。</p>
      ) : (
        <div class="table-scroll">
          <table class="table compact">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">修改人</th>
                <th scope="col">指标</th>
                <th scope="col">原对应 → 新对应</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr>
                  <td>{formatInstant(h.decided_at)}</td>
                  <td>{h.decided_by}</td>
                  <td>
                    {h.code} {h.name}
                  </td>
                  <td>
                    {h.old_previous_code ?? '（无）'} → {h.previous_code ?? '（无上年对应指标）'}
                    {h.decision === 'confirmed' && '（确认）'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
