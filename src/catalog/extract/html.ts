import { parseHTML } from 'linkedom';
import { formatNumber } from './numbering.js';
import { type Cell, headerRowOf, tableText } from './table.js';

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
  // A Word file's numbered paragraphs come with their numbers written in already (docx.ts).
  if (kind === 'fragment') return linesOf(body, false);
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
  const text = linesOf(article, true);
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

/**
 * Text with one line per block element; a 分工 table becomes numbered tasks with labelled fields.
 * With `lists`, the numbers a browser draws for an <ol>'s items (1. 2. …, 一、 二、 … by its
 * list-style-type) are written in front of them: they are the document's task numbers.
 */
function linesOf(root: El, lists = true): string {
  const out: string[] = [];
  let line = '';
  // The number of the list item whose text comes next.
  let marker = '';
  const flush = () => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t !== '') out.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/[\r\n]+/g, ' ');
      if (marker !== '' && text.trim() !== '') {
        line += marker;
        marker = '';
      }
      line += text;
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
    if (el.tagName === 'OL' && lists) {
      flush();
      const style = listStyle(el);
      let n = Number(el.getAttribute('start') ?? 1) || 1;
      for (const child of Array.from(el.childNodes)) {
        const item = child as unknown as El;
        if (child.nodeType === 1 && item.tagName === 'LI') {
          n = Number(item.getAttribute('value') ?? n) || n;
          // An item that carries its own number (typed, with the list's drawn off) keeps it.
          const own = /^\s*(?:\d{1,3}[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(
            item.textContent ?? '',
          );
          marker = own ? '' : listMarker(n, style);
          n += 1;
        }
        walk(child);
        marker = '';
      }
      flush();
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

/** An <ol>'s numbering style: its list-style-type, or its type attribute, decimal by default. */
function listStyle(ol: El): string {
  const css = /list-style(?:-type)?\s*:\s*([\w-]+)/i.exec(ol.getAttribute('style') ?? '')?.[1];
  if (css) return css.toLowerCase();
  return (
    { a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman' }[
      ol.getAttribute('type') ?? ''
    ] ?? 'decimal'
  );
}

/** The number a browser draws for item `n` of a list in `style`, as text; none for letters or none. */
function listMarker(n: number, style: string): string {
  if (style === 'decimal') return `${n}.`;
  if (/^(?:cjk-ideographic|simp-chinese-informal|trad-chinese-informal|cjk-decimal)$/.test(style))
    return `${formatNumber(n, 'chineseCounting')}、`;
  return '';
}

/** A table's own rows as a grid of cell texts, merged cells (rowspan, colspan) filled in. */
function grid(table: El): Cell[][] {
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

/** A table's lines: its grid in the shared text form (a 分工 table as numbered tasks). */
function tableLines(table: El): string[] {
  return tableText(grid(table));
}
