import { raw } from 'hono/html';
import type { IndicatorRow } from '../src/analytics/dashboard.js';
import type { PreviousEdition } from '../src/analytics/editions.js';
import type { DocumentRow } from '../src/catalog/read.js';
import { editionBars } from './charts/indicator.js';
import { FigureCells, FigureHeads } from './components/figure-cells.js';
import { formatMonth, formatPercent, formatQuantity } from './format.js';
import { Layout } from './layout.js';

/** One year of an indicator's family: the edition's year, its target and what was achieved. */
interface EditionYear {
  year: number;
  code: string;
  target: number | null;
  unit: string | null;
  actual: number | null;
  completion: number | null;
  status: string;
  /** For the shown edition: the month its figures are as of; earlier editions are at year end. */
  asOf?: string;
  /** For an earlier edition: why the later one is linked to it. */
  link?: PreviousEdition['link'];
}

const LINK_LABELS: Record<PreviousEdition['link'], string> = {
  name: '同名',
  similar: '名称相近',
  confirmed: '管理员确认',
  chosen: '管理员指定',
};

/**
 * The indicator page's 历年对比: every edition's target and actual, newest first, each earlier year
 * with why it is the same indicator; administrators find where to confirm or correct the link.
 */
export function EditionsTable({
  years,
  documentId,
  code,
}: {
  years: EditionYear[];
  documentId: string;
  code: string;
}) {
  const review = (
    <a class="admin-only small no-print" href={`/documents/${documentId}#link-${code}`}>
      确认或更正上年对应指标
    </a>
  );
  if (years.length < 2)
    return (
      <section class="panel" id="editions-panel">
        <h2>历年对比 {review}</h2>
        <p class="empty">这个指标在更早年度的文件中没有对应指标，暂无历年对比与同比。</p>
      </section>
    );
  const unit = years[0]?.unit ?? null;
  // Bars of different units would mislead: the chart keeps the years counted in this year's unit.
  const comparable = years.filter((y) => (y.unit ?? '') === (unit ?? ''));
  const drawn = comparable.some((y) => y.actual !== null || y.target !== null);
  const current = years.find((y) => y.asOf);
  return (
    <section class="panel" id="editions-panel">
      <h2>历年对比 {review}</h2>
      <div class="editions-grid">
        {drawn && (
          <figure class="chart editions-chart">
            {raw(editionBars(comparable, { title: '同比：各年度目标与完成', unit }))}
            <figcaption>
              柱：各年度年末累计完成
              {current?.asOf ? `（*${current.year}年为截至${formatMonth(current.asOf)}）` : ''}
              ；红线：当年目标。
              {comparable.length < years.length &&
                ` 单位不同的年度（${years
                  .filter((y) => !comparable.includes(y))
                  .map((y) => `${y.year}年`)
                  .join('、')}）只列在表中。`}
            </figcaption>
          </figure>
        )}
        <div class="table-scroll">
          <table class="table" id="editions">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">指标编码</th>
                <FigureHeads actualLabel="完成" />
                <th scope="col">对应依据</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <td class="nowrap">
                    {y.year}年<div class="hint">{y.asOf ? `截至${formatMonth(y.asOf)}` : '年末'}</div>
                  </td>
                  <td class="nowrap">
                    <a href={`/indicators/${encodeURIComponent(y.code)}`}>
                      <code>{y.code}</code>
                    </a>
                  </td>
                  <FigureCells figures={y} />
                  <td>{y.link ? LINK_LABELS[y.link] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** Builds the 历年对比 rows from this edition's state and the previous editions. */
export function editionYears(
  document: DocumentRow,
  state: IndicatorRow | undefined,
  asOf: string,
  chain: PreviousEdition[],
): EditionYear[] {
  const current: EditionYear[] = state
    ? [
        {
          year: document.year,
          code: state.code,
          target: state.target,
          unit: state.unit,
          actual: state.actual,
          completion: state.completion,
          status: state.status,
          asOf,
        },
      ]
    : [];
  return [...current, ...chain];
}

/** /editions: the indicators of the shown edition that continue one of the previous edition. */
export function EditionsPage({
  document,
  documents,
  rows,
  previous,
  asOf,
}: {
  document: DocumentRow;
  documents: DocumentRow[];
  rows: IndicatorRow[];
  previous: Map<string, PreviousEdition>;
  asOf: string;
}) {
  const linked = rows.filter((r) => previous.has(r.code));
  const before = linked[0] ? previous.get(linked[0].code) : undefined;
  return (
    <Layout title="历年对比" document={document} documents={documents} active="editions">
      <section class="hero hero-small">
        <h1>历年对比</h1>
        <p class="lede">
          {document.year}
          年文件的指标与上一版文件中的同一指标（名称与单位相同，或名称相近、单位与类型相同且责任单位相同）对照：今年截至
          {formatMonth(asOf)}，上一版为年末数。
        </p>
      </section>
      {linked.length === 0 ? (
        <p class="empty">
          {documents.length < 2
            ? '目前只有一份文件。载入另一年度的文件后，这里会对照各年的目标与完成情况。'
            : '这份文件的指标在更早的文件中没有对应的指标。'}
        </p>
      ) : (
        <section class="panel">
          <h2>
            {document.year}年 与 {before?.year}年（{linked.length} 个指标）
          </h2>
          <div class="table-scroll">
            <table class="table" id="families">
              <thead>
                <tr>
                  <th scope="col">指标</th>
                  <th scope="col" class="num">
                    {before?.year}年目标
                  </th>
                  <th scope="col" class="num">
                    {before?.year}年完成
                  </th>
                  <th scope="col" class="num">
                    完成率
                  </th>
                  <FigureHeads targetLabel={`${document.year}年目标`} />
                </tr>
              </thead>
              <tbody>
                {linked.map((r) => {
                  const p = previous.get(r.code) as PreviousEdition;
                  return (
                    <tr>
                      <td>
                        <a href={`/indicators/${encodeURIComponent(r.code)}`}>{r.name}</a>
                      </td>
                      <td class="num">{formatQuantity(p.target, p.unit) || '—'}</td>
                      <td class="num">{formatQuantity(p.actual, p.unit) || '—'}</td>
                      <td class="num">{formatPercent(p.completion)}</td>
                      <FigureCells figures={r} />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Layout>
  );
}
