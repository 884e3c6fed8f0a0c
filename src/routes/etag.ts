import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { VersionCache } from '../analytics/cache.js';

/**
 * Pages and JSON are functions of the URL, the htmx header and the data version: a weak ETag from
 * those lets a browser or a display screen revalidate with a 304 until the next commit.
 */
export function versionETag(cache: VersionCache): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.path.startsWith('/static/') || c.req.path === '/healthz')
      return next();
    const version = await cache.version();
    const key = createHash('sha1')
      .update(`${c.req.url}|${c.req.header('HX-Request') ?? ''}`)
      .digest('base64url')
      .slice(0, 16);
    const etag = `W/"v${version}-${key}"`;
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });
    await next();
    if (c.res.status === 200) {
      c.res.headers.set('ETag', etag);
      c.res.headers.set('Cache-Control', 'no-cache');
    }
  };
}
