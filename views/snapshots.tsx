import type { DocumentRow } from '../src/catalog/read.js';
import { FORMATS } from '../src/export/formats.js';
import type { FrozenSnapshot, Manifest, Revision } from '../src/export/freeze.js';
import type { SnapshotRow } from '../src/export/snapshot.js';
import { formatInstant } from '../src/time.js';
import { FigureCells, FigureHeads } from './components/figure-cells.js';
import { formatBytes, formatMonth, formatNumber } from './format.js';
import { CsrfField } from './holes.js';
import { Layout } from './layout.js';

const FORMAT_NAMES: Record<string, string> = {
  xlsx: 'Excel',
  csv: 'CSV',
  json: 'JSON',
  parquet: 'Parquet',
  arrow: 'Arrow',
};

/** Frozen monthly snapshots (月报) and the form to freeze one. */
export function SnapshotsPage({
  documents,
  document,
  snapshots,
}: {
  documents: DocumentRow[];
  document?: DocumentRow | undefined;
  snapshots: FrozenSnapshot[];
}) {
  const year = document?.year ?? new Date().getFullYear();
  const lastYear = document?.last_year ?? year;
  return (
    <Layout title="月报快照" document={document} documents={documents} active="snapshots">
      <section class="hero hero-small">
        <h1>月报快照</h1>
        <p class="lede">
          冻结某月的指标快照后，它的各种格式文件都按冻结时的数据保存，此后数据如何修订，下载的文件都不会改变。
        </p>
      </section>
      <section class="panel no-print">
        <h2>冻结一个月份</h2>
        <form method="post" action="/snapshots" class="entry-form admin-only">
          <CsrfField />
          <label>
            统计月份
            <input type="month" name="asof" required min={`${year}-01`} max={`${lastYear}-12`} />
          </label>
          <button type="submit">冻结快照</button>
        </form>
      </section>
      <section class="panel">
        <h2>已冻结的快照</h2>
        {snapshots.length === 0 ? (
          <p class="empty">还没有冻结过快照。选择月份后点“冻结快照”。</p>
        ) : (
          <table class="table" id="snapshot-list">
            <thead>
              <tr>
                <th scope="col">月份</th>
                <th scope="col">冻结时间</th>
                <th scope="col">冻结人</th>
                <th scope="col" class="num">
                  数据版本
                </th>
                <th scope="col">下载</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr>
                  <td>
                    <a href={`/snapshots/${s.id}`}>{formatMonth(s.asof)}</a>
                  </td>
                  <td>{formatInstant(s.frozen_at)}</td>
                  <td>{s.frozen_by}</td>
                  <td class="num">{s.data_version}</td>
                  <td>
                    <Downloads id={s.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

function Downloads({ id }: { id: number }) {
  return (
    <span class="downloads-inline">
      {['xlsx', ...FORMATS.filter((f) => f !== 'xlsx')].map((format, i) => (
        <>
          {i > 0 && ' · '}
          <a href={`/snapshots/${id}/${format}`} download>
            {FORMAT_NAMES[format]}
          </a>
        </>
      ))}
    </span>
  );
}

/** One frozen snapshot: its manifest, its files, and what has been revised since. */
export function SnapshotPage({
  documents,
  snapshot,
  manifest,
  rows,
  revisions,
}: {
  documents: DocumentRow[];
  snapshot: FrozenSnapshot;
  manifest: Manifest;
  rows: SnapshotRow[];
  revisions: Revision[];
}) {
  return (
    <Layout title={`${formatMonth(snapshot.asof)}月报快照`} documents={documents} active="snapshots">
      <nav class="breadcrumb" aria-label="位置">
        <a href="/snapshots">月报快照</a>
      </nav>
      <section class="hero hero-small">
        <h1>{formatMonth(snapshot.asof)}月报快照</h1>
        <p class="lede">
          {snapshot.frozen_by} 于 {formatInstant(snapshot.frozen_at)} 冻结，数据版本 {snapshot.data_version}
          ，按当时已记录的数据生成。
        </p>
        <p>
          <Downloads id={snapshot.id} />
        </p>
      </section>
      <section class="panel">
        <h2>冻结后的修订{revisions.length > 0 ? `（${revisions.length} 个指标）` : ''}</h2>
        {revisions.length === 0 ? (
          <p class="empty">冻结以来，该月的数据没有修订。</p>
        ) : (
          <table class="table" id="revisions">
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col" class="num">
                  冻结时
                </th>
                <th scope="col" class="num">
                  现在
                </th>
                <th scope="col">状态变化</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td>
                    <a href={`/indicators/${encodeURIComponent(r.code)}?asof=${snapshot.asof.slice(0, 7)}`}>
                      <code>{r.code}</code> {r.name}
                    </a>
                  </td>
                  <td class="num">{r.before.actual === null ? '—' : formatNumber(r.before.actual)}</td>
                  <td class="num">{r.after.actual === null ? '—' : formatNumber(r.after.actual)}</td>
                  <td>
                    {r.before.status === r.after.status
                      ? r.after.status
                      : `${r.before.status} → ${r.after.status}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel">
        <h2>冻结时的指标（{rows.length} 个）</h2>
        {rows.length === 0 ? (
          <p class="empty">冻结时这份文件没有指标。</p>
        ) : (
          <div class="table-scroll">
            <table class="table compact" id="frozen-rows">
              <thead>
                <tr>
                  <th scope="col">任务</th>
                  <th scope="col">指标</th>
                  <FigureHeads />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td class="num">{r.task_seq ?? '目标'}</td>
                    <td>{r.name}</td>
                    <FigureCells figures={r} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="panel">
        <h2>清单（manifest）</h2>
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">格式</th>
              <th scope="col" class="num">
                大小
              </th>
              <th scope="col">sha256</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(manifest.files).map(([format, file]) => (
              <tr>
                <td>{FORMAT_NAMES[format] ?? format}</td>
                <td class="num">{formatBytes(file.bytes)}</td>
                <td>
                  <code>{file.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">
          参数：截至 {manifest.parameters.asof}，记录时间 {manifest.parameters.known}，地区{' '}
          {manifest.parameters.region}。
        </p>
      </section>
    </Layout>
  );
}
