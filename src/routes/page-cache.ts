import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { VersionCache } from '../analytics/cache.js';

/**
 * Own caching (static files), always live (health), streamed and too big to keep (the full
 * history), or changing without a data version (sign-in, accounts, audit trail).
 */
const UNCACHED = ['/static/', '/healthz', '/api/actuals', '/login', '/account', '/admin/'];

interface Cached {
  /** Bytes, not text: encoding a 200 KB page on every request would cost more than serving it. */
  body: Buffer;
  headers: [string, string][];
}

/**
 * Every GET page, fragment, download and JSON answer is a function of the URL, the htmx header and
 * the data version. So each is rendered once per data version and kept (charts included: about
 * 1.5 ms of blocked event loop each), and a weak ETag lets browsers and display screens
 * revalidate with a 304 until the next commit or withdrawal. The per-person parts (CSRF token,
 * account menu) are holes filled after the cache, so everyone shares one rendering.
 */
export function versionedPages(cache: VersionCache): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || UNCACHED.some((prefix) => c.req.path.startsWith(prefix))) return next();
    const variant = `${c.req.url}|${c.req.header('HX-Request') ?? ''}|${c.req.header('HX-History-Restore-Request') ?? ''}`;
    const key = createHash('sha1').update(variant).digest('base64url').slice(0, 16);
    let rendered = false;
    const { value, version } = await cache.get<Cached | null>(`page:${variant}`, async () => {
      rendered = true;
      await next();
      if (c.res.status !== 200) return null;
      const body = Buffer.from(await c.res.clone().arrayBuffer());
      return { body, headers: [...c.res.headers.entries()] };
    });
    // Per person too: the filled-in page differs (src/auth/personalise.tsx), so must its validator.
    const etag = `W/"v${version}-${key}-${c.get('actor')?.ref ?? 'anon'}"`;
    if (value && c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });
    if (!value) {
      // Not cacheable (an error page): answer what this request rendered, or render it now.
      if (!rendered) await next();
      return;
    }
    if (rendered) {
      c.res.headers.set('ETag', etag);
      c.res.headers.set('Cache-Control', 'no-cache');
      c.res.headers.set('X-Data-Version', String(version));
      return;
    }
    // c.body keeps to @hono/node-server's fast path (a new Response would be streamed).
    return c.body(value.body as unknown as ArrayBuffer, 200, {
      ...Object.fromEntries(value.headers),
      ETag: etag,
      'Cache-Control': 'no-cache',
      'X-Data-Version': String(version),
    });
  };
}
