import { parseHTML } from 'linkedom';

/** Elements that never hold the article: scripts, navigation, forms, frames. */
const DROP =
  'script,style,noscript,iframe,nav,aside,form,button,select,input,textarea,svg,template,link,meta,object,embed,canvas,video,audio,map';
/** class / id words of a page's furniture: menus, share bars, footers, breadcrumbs, related links. */
const FURNITURE =
  /(?:^|[-_\s])(?:nav|navbar|menu|share|bdshare|fenxiang|jiathis|footer|foot|bottom|topbar|top-bar|breadcrumb|crumbs?|location|position|dqwz|sidebar|side|toolbar|tools|print|related|relevant|xgwz|xgxx|copyright|banquan|login|search|pager|pagination|comment|qrcode|ewm|erweima|advert|banner|skip|friend-?link|links)(?:[-_\s\d]|$)/i;
const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'DL',
  'PRE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'CENTER',
  'TBODY',
  'THEAD',
  'CAPTION',
  'FIGURE',
]);

type El = {
  tagName: string;
  childNodes: ArrayLike<Node>;
  textContent: string | null;
  getAttribute(n: string): string | null;
  remove(): void;
  querySelectorAll(s: string): ArrayLike<El>;
  children: ArrayLike<El>;
};
type Node = { nodeType: number; textContent: string | null } & Partial<El>;

const cjk = (text: string) => (text.match(/[\u4e00-\u9fa5]/g) ?? []).length;

/**
 * Text of an HTML page saved from a government site, or of a Word file converted to HTML: one
 * paragraph a line. For a page, the article is kept — the container holding most of the page's
 * prose — and the navigation, share bars, footers and related links are dropped; the page's title
 * and 文号 / 成文日期 stand before it when the article does not give them.
 */
export function htmlToText(html: string, kind: 'page' | 'fragment'): string {
  const source = kind === 'fragment' ? `<!doctype html><html><body>${html}</body></html>` : html;
  const { document } = parseHTML(source);
  const body = (document.body ?? document.documentElement) as unknown as El;
  if (kind === 'fragment') return linesOf(body);
  const pageText = (body.textContent ?? '').replace(/\s+/g, ' ');
  const h1 = document.querySelector('h1, .title, .article-title, .tit, #title');
  const metaTitle = document.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content') ?? '';
  const title = (metaTitle || h1?.textContent || document.title || '').replace(/\s+/g, ' ').trim();
  for (const el of Array.from(body.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(body.querySelectorAll('header, footer, [class], [id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (
      el.tagName === 'HEADER' ||
      el.tagName === 'FOOTER' ||
      (FURNITURE.test(words) && cjk(el.textContent ?? '') < 2000)
    )
      el.remove();
  }
  const article = mainContainer(body);
  const text = linesOf(article);
  const head: string[] = [];
  // The article may open with its own title (perhaps over two lines); a title cited in its
  // preface is no title of it.
  const opening = text.split('\n').slice(0, 3);
  const shortTitle = title.replace(/[_|].*$/, '').trim();
  const given = opening.some(
    (line, i) =>
      shortTitle.startsWith(line.slice(0, 8)) &&
      line.length <= shortTitle.length + 4 &&
      // Not the signature (浙江省人民政府办公厅) that the title (…办公厅关于印发…的通知) starts with.
      line.length >= shortTitle.length * 0.4 &&
      (i === 0 || line.length < 40),
  );
  if (shortTitle && !given) head.push(shortTitle);
  const number = /(?:发文字号|文\s*号)[:：]\s*([\u4e00-\u9fa5]{1,12}[〔［[]\d{4}[〕］\]]\d{1,4}号)/.exec(
    pageText,
  );
  if (number?.[1] && !text.includes(number[1])) head.push(number[1]);
  const date = /成文日期[:：]\s*((?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))/.exec(pageText);
  if (date?.[1] && !text.includes(date[1])) head.push(`成文日期：${date[1]}`);
  return [...head, text].join('\n');
}

/** The tightest element that still holds most of the page's prose (link text does not count). */
function mainContainer(body: El): El {
  let current = body;
  for (;;) {
    const total = prose(current);
    let best: El | undefined;
    let bestScore = 0;
    for (const child of Array.from(current.children)) {
      const score = prose(child);
      if (score > bestScore) {
        best = child;
        bestScore = score;
      }
    }
    // Down into the child that holds nearly all the prose: what the others hold is furniture.
    if (!best || total === 0 || (bestScore < total * 0.8 && total - bestScore >= 30)) return current;
    // Not into a 分工 table: its rows are read as tasks only as a whole table (tableLines).
    if (best.tagName === 'TABLE' && headerRowOf(grid(best)) >= 0) return current;
    current = best;
  }
}

function prose(el: El): number {
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) links += cjk(a.textContent ?? '');
  return cjk(el.textContent ?? '') - links;
}

/** Text with one line per block element; a 分工 table becomes numbered tasks with labelled fields. */
function linesOf(root: El): string {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t !== '') out.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += (node.textContent ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as unknown as El;
    if (el.tagName === 'BR') {
      flush();
      return;
    }
    if (el.tagName === 'TABLE') {
      flush();
      out.push(...tableLines(el));
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root as unknown as Node);
  flush();
  return out.join('\n');
}

const TASK_HEADER = /任务|内容|措施|事项|工作|目标|举措/;
const FIELD_HEADER = /牵头|责任|配合|协办|参与|时限|时间|完成|节点/;
/** Columns of people rather than offices: 牵头领导, 责任人, 联系人. */
const PERSON_HEADER = /领导|责任人|联系人|电话|备注/;

/** A column header as the field label the parser reads: 牵头部门 → 牵头单位, 完成时间 → 完成时限. */
function fieldLabel(header: string): string {
  if (/牵头/.test(header)) return '牵头单位';
  if (/配合|协办|参与/.test(header)) return '配合单位';
  if (/时限|时间|节点/.test(header)) return '完成时限';
  return '责任单位';
}

/** A table's own rows as a grid of cell texts, merged cells (rowspan, colspan) filled in. */
function grid(table: El): { text: string; lines: string[] }[][] {
  const own = (el: El, tags: string[]) => Array.from(el.children).filter((c) => tags.includes(c.tagName));
  const rows = own(table, ['TR']).concat(
    ...own(table, ['TBODY', 'THEAD', 'TFOOT']).map((s) => own(s, ['TR'])),
  );
  const out: { text: string; lines: string[] }[][] = [];
  const carried: { text: string; lines: string[]; left: number }[] = [];
  rows.forEach((tr, r) => {
    const row: { text: string; lines: string[] }[] = [];
    out[r] = row;
    let column = 0;
    const fillCarried = () => {
      for (let c = carried[column]; c && c.left > 0; c = carried[column]) {
        row[column] = { text: c.text, lines: c.lines };
        c.left -= 1;
        column += 1;
      }
    };
    for (const cell of own(tr, ['TD', 'TH'])) {
      fillCarried();
      const lines = linesOf(cell)
        .split('\n')
        .filter((l) => l !== '');
      const value = { text: lines.join(''), lines };
      const span = Math.max(1, Math.min(50, Number(cell.getAttribute('colspan') ?? 1) || 1));
      const down = Math.max(1, Math.min(500, Number(cell.getAttribute('rowspan') ?? 1) || 1));
      for (let k = 0; k < span; k++) {
        row[column] = value;
        carried[column] = { ...value, left: down - 1 };
        column += 1;
      }
    }
    fillCarried();
  });
  return out.map((row) => Array.from(row, (c) => c ?? { text: '', lines: [] }));
}

/** The row of a 分工 table's header (a task column and a field column), or -1 for another table. */
function headerRowOf(rows: { text: string }[][]): number {
  return rows.findIndex(
    (r) =>
      r.some((c) => TASK_HEADER.test(c.text) && c.text.length <= 12) &&
      r.some((c) => FIELD_HEADER.test(c.text) && !PERSON_HEADER.test(c.text) && c.text.length <= 12),
  );
}

/**
 * A table. A 分工 table (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限) gives one task a row —
 * "3.任务。（牵头单位：X；责任单位：Y；完成时限：Z）" — so that it reads like a text with labelled
 * fields, merged cells read into every row they span; a row filled with one text across is a
 * heading. Any other table (a page laid out in a table, say) gives its cells' lines, a row of short
 * cells as one line.
 */
function tableLines(table: El): string[] {
  const rows = grid(table);
  const headerIndex = headerRowOf(rows);
  if (headerIndex < 0) {
    return rows
      .flatMap((r) =>
        r.every((c) => c.lines.length <= 1)
          ? [
              r
                .map((c) => c.text)
                .filter((t, i, all) => t !== '' && t !== all[i - 1])
                .join(' '),
            ]
          : r.flatMap((c, i) => (c.text !== '' && c.text !== r[i - 1]?.text ? c.lines : [])),
      )
      .filter((l) => l.trim() !== '');
  }
  let header = (rows[headerIndex] ?? []).map((c) => c.text);
  // A header of two rows (责任单位 over 牵头单位 | 配合单位): the lower row names the columns.
  let first = headerIndex + 1;
  const below = rows[first];
  const headerLike = (t: string) =>
    t.length <= 12 &&
    (TASK_HEADER.test(t) || FIELD_HEADER.test(t) || PERSON_HEADER.test(t) || /序号|编号/.test(t));
  if (
    below?.every((c, i) => c.text === '' || c.text === header[i] || headerLike(c.text)) &&
    below.some((c, i) => c.text !== '' && c.text !== header[i])
  ) {
    header = below.map((c, i) => c.text || (header[i] ?? ''));
    first += 1;
  }
  const taskColumn = header.findIndex((h) => TASK_HEADER.test(h) && !FIELD_HEADER.test(h));
  // Further columns of what is to be done (具体目标, 工作内容 beside 重点任务): part of the task's text.
  const moreColumns = header.flatMap((h, i) =>
    i !== taskColumn && TASK_HEADER.test(h) && !FIELD_HEADER.test(h) && !/序号|编号/.test(h) ? [i] : [],
  );
  const numberColumn = header.findIndex((h) => /序号|编号/.test(h));
  const out: string[] = rows
    .slice(0, headerIndex)
    .map((r) => r.map((c) => c.text).join(' '))
    .filter((l) => l.trim() !== '');
  let n = 0;
  for (const row of rows.slice(first)) {
    const texts = row.map((c) => c.text);
    const filled = [...new Set(texts.filter((t) => t !== ''))];
    if (filled.length === 0) continue;
    if (filled.length === 1) {
      out.push(filled[0] ?? '');
      continue;
    }
    const more = moreColumns
      .map((i) => (texts[i] ?? '').replace(/[。；;]$/, ''))
      .filter((t) => t !== '' && t !== texts[taskColumn]);
    const task = [texts[taskColumn] ?? '', ...more].filter((t) => t !== '').join('。');
    if ((texts[taskColumn] ?? '') === '') continue;
    n += 1;
    const number = (texts[numberColumn] ?? '').replace(/[.、．]$/, '');
    const printed = /^\d+$/.test(number) ? number : String(n);
    const fields = header
      .map((h, i) =>
        i !== taskColumn &&
        i !== numberColumn &&
        FIELD_HEADER.test(h) &&
        !PERSON_HEADER.test(h) &&
        (texts[i] ?? '') !== ''
          ? `${fieldLabel(h)}：${texts[i]}`
          : '',
      )
      .filter((f) => f !== '');
    // A task cell that carries its own number (1.推进…) keeps it.
    const numbered = /^\d{1,3}[.、．]/.test(task) ? task : `${printed}.${task}`;
    out.push(`${numbered.replace(/[。；;]$/, '')}。${fields.length > 0 ? `（${fields.join('；')}）` : ''}`);
  }
  return out;
}
