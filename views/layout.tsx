import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { DocumentRow } from '../src/catalog/read.js';
import { AccountSlot, bodyClose, bodyOpen, CsrfMeta } from './holes.js';

export interface LayoutProps {
  title: string;
  /** The document the page is about; its title shows in the header. */
  document?: DocumentRow | undefined;
  documents?: DocumentRow[];
  /** Which top-level link is current. */
  active?:
    | 'overview'
    | 'editions'
    | 'departments'
    | 'regions'
    | 'uploads'
    | 'snapshots'
    | 'briefing'
    | 'duban'
    | 'reporting'
    | 'admin'
    | 'audit'
    | 'documents'
    | undefined;
  children?: Child;
}

/**
 * htmx without inline styles or eval (the Content-Security-Policy allows neither), and with error
 * answers swapped too: a 4xx or 5xx carries a Chinese message that must reach the page, never be
 * dropped (the server retargets it to #flash, or a form answers with its own fragment).
 */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '[45]..', swap: true, error: true },
    { code: '...', swap: false },
  ],
});

/** The page shell: header with the document, navigation, and the app's own script and styles (no CDN). */
export function Layout({ title, document, documents = [], active, children }: LayoutProps) {
  const query = document && documents[0]?.id !== document.id ? `?doc=${encodeURIComponent(document.id)}` : '';
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · 台账`}</title>
          <CsrfMeta />
          {/* No inline styles or eval: the Content-Security-Policy allows only the app's own files. */}
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/htmx.min.js" defer></script>
          <script src="/static/app.js" defer></script>
        </head>
        {bodyOpen()}
        <header class="masthead">
          <div class="masthead-inner">
            <a class="brand" href={`/${query}`}>
              <span class="brand-mark">台账</span>
              <span class="brand-name">重点任务落实台账</span>
            </a>
            {document && <span class="masthead-doc">{document.title}</span>}
            <nav class="mainnav" aria-label="主导航">
              <a href={`/${query}`} aria-current={active === 'overview' ? 'page' : undefined}>
                总览
              </a>
              <a href={`/departments${query}`} aria-current={active === 'departments' ? 'page' : undefined}>
                责任单位
              </a>
              {documents.length > 1 && (
                <a href={`/editions${query}`} aria-current={active === 'editions' ? 'page' : undefined}>
                  历年对比
                </a>
              )}
              <a href="/regions" aria-current={active === 'regions' ? 'page' : undefined}>
                地区
              </a>
              <a href={`/duban${query}`} aria-current={active === 'duban' ? 'page' : undefined}>
                督办
              </a>
              <a href={`/reporting${query}`} aria-current={active === 'reporting' ? 'page' : undefined}>
                催报
              </a>
              <a href="/uploads" aria-current={active === 'uploads' ? 'page' : undefined}>
                数据填报
              </a>
              <a href="/snapshots" aria-current={active === 'snapshots' ? 'page' : undefined}>
                月报快照
              </a>
              <a href="/briefing" aria-current={active === 'briefing' ? 'page' : undefined}>
                简报
              </a>
              <a
                href="/documents"
                class="admin-only"
                aria-current={active === 'documents' ? 'page' : undefined}
              >
                文件
              </a>
              <a
                href="/admin/users"
                class="admin-only"
                aria-current={active === 'admin' ? 'page' : undefined}
              >
                账号
              </a>
              <a
                href="/admin/audit"
                class="admin-only"
                aria-current={active === 'audit' ? 'page' : undefined}
              >
                审计
              </a>
            </nav>
            <AccountSlot />
            {documents.length > 1 && <DocumentSwitcher documents={documents} current={document} />}
          </div>
        </header>
        <main id="main">{children}</main>
        {/* Where an error answering htmx lands (src/http/errors.tsx), wherever the reader is on the page. */}
        <div id="flash" class="flash" role="alert" aria-live="assertive" />
        <footer class="footer">台账 · 数据以各责任单位报送为准</footer>
        {bodyClose()}
      </html>
    </>
  );
}

function DocumentSwitcher({
  documents,
  current,
}: {
  documents: DocumentRow[];
  current?: DocumentRow | undefined;
}) {
  return (
    <form class="docswitch" method="get" action="/">
      <label>
        <span class="visually-hidden">选择文件</span>
        <select name="doc">
          {documents.map((d) => (
            <option value={d.id} selected={d.id === current?.id}>
              {d.year}年 · {d.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">切换</button>
    </form>
  );
}
