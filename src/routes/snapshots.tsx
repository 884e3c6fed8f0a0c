import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { BriefingPage } from '../../views/briefing.js';
import { SnapshotPage, SnapshotsPage } from '../../views/snapshots.js';
import type { VersionCache } from '../analytics/cache.js';
import { monthEnd } from '../analytics/indicators.js';
import { buildOverview } from '../analytics/overview.js';
import { actorOf } from '../auth/middleware.js';
import { readDocumentTree } from '../catalog/read.js';
import { CONTENT_TYPES, FORMATS, type Format } from '../export/formats.js';
import {
  freezeSnapshot,
  frozenFile,
  getFrozen,
  listFrozen,
  type Manifest,
  revisionsSince,
} from '../export/freeze.js';
import type { Store } from '../store/store.js';
import { parseAsOf } from './as-of.js';
import { documentFor } from './context.js';

/** Frozen monthly snapshots and the printable briefing. */
export function snapshotPages(store: Store, cache: VersionCache) {
  const app = new Hono();

  const requireDocument = async (c: Parameters<typeof documentFor>[0]) => {
    const ctx = await documentFor(c, store);
    if (!ctx) throw new HTTPException(404, { message: '尚未载入重点任务文件' });
    return ctx;
  };

  app.get('/snapshots', async (c) => {
    const ctx = await documentFor(c, store);
    return c.html(
      <SnapshotsPage
        documents={ctx?.documents ?? []}
        document={ctx?.document}
        snapshots={await listFrozen(store)}
      />,
    );
  });

  app.post('/snapshots', async (c) => {
    const ctx = await requireDocument(c);
    const asof = String((await c.req.parseBody()).asof ?? '');
    let period: string;
    try {
      period = monthEnd(asof);
    } catch {
      throw new HTTPException(422, { message: `统计月份“${asof}”无效，应写成 YYYY-MM，如 2021-10` });
    }
    const tree = await readDocumentTree(store, ctx.document);
    const id = await freezeSnapshot(store, cache, tree, period, actorOf(c));
    return c.redirect(`/snapshots/${id}`, 303);
  });

  app.get('/snapshots/:id{[0-9]+}', async (c) => {
    const snapshot = await getFrozen(store, Number(c.req.param('id')));
    if (!snapshot) throw new HTTPException(404, { message: `没有编号为 ${c.req.param('id')} 的快照` });
    const ctx = await requireDocument(c);
    const tree = await readDocumentTree(
      store,
      ctx.documents.find((d) => d.id === snapshot.document_id) ?? ctx.document,
    );
    return c.html(
      <SnapshotPage
        documents={ctx.documents}
        snapshot={snapshot}
        manifest={JSON.parse(snapshot.manifest) as Manifest}
        revisions={await revisionsSince(store, tree, snapshot)}
      />,
    );
  });

  app.get('/snapshots/:id{[0-9]+}/:format', async (c) => {
    const format = c.req.param('format') as Format;
    if (!FORMATS.includes(format)) throw new HTTPException(404, { message: `没有“${format}”格式` });
    const snapshot = await getFrozen(store, Number(c.req.param('id')));
    const bytes = snapshot && (await frozenFile(store, snapshot.id, format));
    if (!snapshot || !bytes)
      throw new HTTPException(404, { message: `没有编号为 ${c.req.param('id')} 的快照` });
    c.header('Content-Type', CONTENT_TYPES[format]);
    const name = `${snapshot.asof.slice(0, 7)}-月报快照-${snapshot.id}.${format}`;
    c.header(
      'Content-Disposition',
      `attachment; filename="snapshot.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    return c.body(bytes as unknown as ArrayBuffer);
  });

  app.get('/briefing', async (c) => {
    const ctx = await requireDocument(c);
    const asOf = await parseAsOf(store, ctx.document, c.req.query('asof'), c.req.query('known'));
    const tree = await readDocumentTree(store, ctx.document);
    const key = JSON.stringify(['briefing', ctx.document.id, asOf.period, c.req.query('known') ?? '']);
    const { value: data } = await cache.get(key, () => buildOverview(store, tree, asOf, {}));
    return c.html(<BriefingPage document={ctx.document} documents={ctx.documents} data={data} />);
  });

  return app;
}
