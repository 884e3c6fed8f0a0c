import { Hono } from 'hono';
import { z } from 'zod';
import { BriefingPage } from '../../views/briefing.js';
import { SnapshotPage, SnapshotsPage } from '../../views/snapshots.js';
import { briefingData } from '../accountability/pages.js';
import { monthEnd } from '../analytics/indicators.js';
import { actorOf } from '../auth/middleware.js';
import { CONTENT_TYPES, FORMATS } from '../export/formats.js';
import { freezeSnapshot, frozenFile, frozenSnapshotPage, listFrozen } from '../export/freeze.js';
import { fileResponse } from '../http/downloads.js';
import { month, positiveInt, valid } from '../http/validate.js';
import { requireDocument, requireView, withView } from '../http/view.js';
import type { RouteDeps } from './deps.js';

const idParam = z.object({ id: positiveInt('应为快照编号') });

/** Frozen monthly snapshots and the printable briefing. */
export function snapshotPages({ store, cache }: RouteDeps) {
  const app = new Hono();

  app.get('/snapshots', withView(store, { month: false }), async (c) => {
    const view = c.get('view');
    return c.html(
      <SnapshotsPage
        documents={view?.documents ?? []}
        document={view?.document}
        snapshots={await listFrozen(store)}
      />,
    );
  });

  app.post(
    '/snapshots',
    valid('form', z.object({ asof: month })),
    withView(store, { month: false }),
    async (c) => {
      const view = requireDocument(c);
      const id = await freezeSnapshot(store, view.tree, monthEnd(c.req.valid('form').asof), actorOf(c));
      return c.redirect(`/snapshots/${id}`, 303);
    },
  );

  app.get('/snapshots/:id{[0-9]+}', valid('param', idParam), withView(store, { month: false }), async (c) => {
    const view = requireDocument(c);
    const page = await frozenSnapshotPage(store, c.req.valid('param').id, view.documents);
    return c.html(<SnapshotPage documents={view.documents} {...page} />);
  });

  app.get(
    '/snapshots/:id{[0-9]+}/:format',
    valid('param', idParam.extend({ format: z.enum(FORMATS, { error: `应为 ${FORMATS.join('、')} 之一` }) })),
    async (c) => {
      const { id, format } = c.req.valid('param');
      const { snapshot, bytes } = await frozenFile(store, id, format);
      const name = `${snapshot.asof.slice(0, 7)}-月报快照-${snapshot.id}.${format}`;
      return fileResponse(c, bytes, CONTENT_TYPES[format], name, 'snapshot');
    },
  );

  app.get('/briefing', withView(store), async (c) => {
    const view = requireView(c);
    const briefing = await briefingData(store, cache, { ...view, filter: {} });
    return c.html(<BriefingPage document={view.document} documents={view.documents} {...briefing} />);
  });

  return app;
}
