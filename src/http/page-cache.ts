import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import type { Store } from '../store/store.js';
import type { VersionCache } from '../store/version-cache.js';

/**
 * Own caching (static files), always live (health, an upload's check in progress), streamed and too big to keep (the full
 * history), or changing without a data version (sign-in, accounts, audit trail).
 */
const UNCACHED = [
  '/static/',
  '/healthz',
  '/uploads/progress/',
  '/api/actuals',
  '/api/openapi.json',
  '/login',
  '/account',
  '/admin/',
  // Drafts change with every edit, without a data version.
  '/documents',
  '/api/documents',
];

/** Headers of one answer only, never replayed to another request. */
const PER_REQUEST = new Set(['x-request-id', 'set-cookie', 'etag', 'x-data-version', 'cache-control']);

/** The request headers a rendering depends on (so a refresh renders the same variant). */
const VARY = ['HX-Request', 'HX-History-Restore-Request'] as const;

interface Cached {
  version: number;
  /** Bytes, not text: encoding a 200 KB page on every request would cost more than serving it. */
  body: Buffer;
  headers: [string, string][];
}

export interface PageCacheOptions {
  /** All kept answers together, in bytes. */
  maxBytes?: number;
  /** One answer larger than this is served but not kept (a by-region CSV at national scale is 305 MB). */
  maxEntryBytes?: number;
  /** Renders `url` again in the background (an internal request marked as a refresh). */
  refresh?: (url: string, headers: Record<string, string>) => Promise<void>;
  /** Whether this request is such a refresh (it always renders, never waits on itself). */
  isRefresh?: (c: Context) => boolean;
  /** How many recently asked pages are rendered again right after each commit. */
  warmAfterCommit?: number;
}

/** A session that changed something in the last this-many ms sees fresh pages only (its own change). */
const OWN_WRITE_MS = 30_000;

/**
 * Every GET page, fragment, download and JSON answer is a function of the URL, the htmx headers and
 * the data version. So each is rendered once per data version and kept, bounded in bytes (least
 * recently used first out), and a weak ETag lets browsers revalidate with a 304 until the next
 * commit. After a commit, readers keep getting the previous version's answer while ONE background
 * rendering makes the new one (the most asked pages are rendered right after the commit), so no
 * reader waits on a commit — except the session that made a change, which waits for its own.
 * The per-person parts (CSRF token, account menu) are holes filled after the cache
 * (src/http/personalise.tsx), so everyone shares one rendering.
 */
export function versionedPages(
  store: Store,
  versions: VersionCache,
  options: PageCacheOptions = {},
): MiddlewareHandler {
  const {
    maxBytes = 256 * 1024 * 1024,
    maxEntryBytes = 8 * 1024 * 1024,
    refresh,
    isRefresh = () => false,
  } = options;
  const kept = new LRUCache<string, Cached>({
    maxSize: maxBytes,
    maxEntrySize: maxEntryBytes,
    sizeCalculation: (entry) => entry.body.length + 512,
  });
  // One rendering per variant and version, however many readers ask at once.
  const rendering = new Map<string, Promise<Cached | undefined>>();
  const writers = new LRUCache<string, number>({ max: 10_000 });
  // The variants asked for most recently, with what a refresh needs to render them again.
  const asked = new LRUCache<string, { url: string; headers: Record<string, string> }>({
    max: options.warmAfterCommit ?? 24,
  });

  const refreshOnce = (variant: string, version: number): Promise<Cached | undefined> => {
    const flight = `${version}|${variant}`;
    let pending = rendering.get(flight);
    const target = asked.peek(variant);
    if (!pending && refresh && target) {
      pending = refresh(target.url, target.headers)
        .then(() => {
          const entry = kept.peek(variant);
          return entry?.version === version ? entry : undefined;
        })
        .catch(() => undefined)
        .finally(() => rendering.delete(flight));
      rendering.set(flight, pending);
    }
    return pending ?? Promise.resolve(undefined);
  };

  // Right after a commit, the pages readers ask for most are rendered again, one at a time.
  let warming: Promise<void> | undefined;
  store.onCommit(() => {
    if (!refresh || warming) return;
    warming = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const version = await versions.version().catch(() => undefined);
      if (version === undefined) return;
      for (const variant of [...asked.keys()]) await refreshOnce(variant, version);
    })().finally(() => {
      warming = undefined;
    });
  });

  return async (c, next) => {
    if (c.req.method !== 'GET') {
      await next();
      const ref = c.get('actor')?.ref;
      if (ref && c.res.status < 400) writers.set(ref, Date.now());
      return;
    }
    if (UNCACHED.some((prefix) => c.req.path.startsWith(prefix))) return next();
    // The by-region snapshot is streamed (hundreds of MB at national scale): reading it whole to
    // keep it would hold it all in memory and delay the first byte until the last.
    if (c.req.path === '/api/snapshot' && c.req.query('by') === 'region') return next();
    // A view counting values still waiting for approval (pending=1) is not for everyone, and the
    // background refresh reads as a viewer who may not see it: rendered each time, never kept.
    if ((c.req.queries('pending') ?? []).some((v) => v !== '' && v !== '0')) return next();
    const vary = Object.fromEntries(
      VARY.flatMap((h) => (c.req.header(h) ? [[h, c.req.header(h) as string]] : [])),
    );
    const variant = `${c.req.url}|${vary['HX-Request'] ?? ''}|${vary['HX-History-Restore-Request'] ?? ''}`;
    const key = createHash('sha1').update(variant).digest('base64url').slice(0, 16);
    const version = await versions.version();
    const refreshing = isRefresh(c);
    if (!refreshing) asked.set(variant, { url: c.req.url, headers: vary });
    const hit = kept.get(variant);
    let value: Cached | undefined = hit?.version === version ? hit : undefined;
    let rendered = false;
    const ownWrite = Date.now() - (writers.get(c.get('actor')?.ref ?? '') ?? 0) < OWN_WRITE_MS;
    if (!value && hit && !refreshing && !ownWrite && refresh) {
      // The previous version's answer, while the new one is rendered once in the background.
      void refreshOnce(variant, version);
      value = hit;
    }
    if (!value) {
      const flight = `${version}|${variant}`;
      let pending = refreshing ? undefined : rendering.get(flight);
      if (!pending) {
        rendered = true;
        pending = (async () => {
          await next();
          if (c.res.status !== 200) return undefined;
          const body = Buffer.from(await c.res.clone().arrayBuffer());
          const headers = [...c.res.headers.entries()].filter(
            ([name]) => !PER_REQUEST.has(name.toLowerCase()),
          );
          const entry: Cached = { version, body, headers };
          kept.set(variant, entry);
          return entry;
        })();
        if (!refreshing) {
          rendering.set(flight, pending);
          pending.finally(() => rendering.delete(flight)).catch(() => undefined);
        }
      }
      value = await pending;
    }
    // Per person too: the filled-in page differs, so must its validator.
    const etag = value ? `W/"v${value.version}-${key}-${c.get('actor')?.ref ?? 'anon'}"` : '';
    if (value && c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });
    if (!value) {
      // Not cacheable (an error page): answer what this request rendered, or render it now.
      if (!rendered) await next();
      return;
    }
    if (rendered) {
      c.res.headers.set('ETag', etag);
      c.res.headers.set('Cache-Control', 'no-cache');
      c.res.headers.set('X-Data-Version', String(value.version));
      return;
    }
    // The bytes, for personalise() to fill without reading them back out of the response (which
    // would make @hono/node-server turn its light response into a streamed one).
    c.set('cachedBody', value.body);
    // c.body keeps to @hono/node-server's fast path (a new Response would be streamed).
    return c.body(value.body as unknown as ArrayBuffer, 200, {
      ...Object.fromEntries(value.headers),
      ETag: etag,
      'Cache-Control': 'no-cache',
      'X-Data-Version': String(value.version),
    });
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    /** A cached page's bytes as served, before its per-person holes are filled. */
    cachedBody: Buffer;
  }
}
