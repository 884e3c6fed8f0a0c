import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import type { VersionCache } from '../store/version-cache.js';

/**
 * Own caching (static files), always live (health), streamed and too big to keep (the full
 * history), or changing without a data version (sign-in, accounts, audit trail).
 */
const UNCACHED = [
  '/static/',
  '/healthz',
  '/api/actuals',
  '/api/openapi.json',
  '/login',
  '/account',
  '/admin/',
];

/** Headers of one answer only, never replayed to another request. */
const PER_REQUEST = new Set(['x-request-id', 'set-cookie', 'etag', 'x-data-version', 'cache-control']);

interface Cached {
  version: number;
  /** Bytes, not text: encoding a 200 KB page on every request would cost more than serving it. */
  body: Buffer;
  headers: [string, string][];
}

export interface PageCacheLimits {
  /** All kept answers together, in bytes. */
  maxBytes: number;
  /** One answer larger than this is served but not kept (a by-region CSV at national scale is 305 MB). */
  maxEntryBytes: number;
}

export const PAGE_CACHE_LIMITS: PageCacheLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxEntryBytes: 8 * 1024 * 1024,
};

/**
 * Every GET page, fragment, download and JSON answer is a function of the URL, the htmx headers and
 * the data version. So each is rendered once per data version and kept, bounded in bytes (least
 * recently used first out), and a weak ETag lets browsers and display screens revalidate with a 304
 * until the next commit or withdrawal. The per-person parts (CSRF token, account menu) are holes
 * filled after the cache (src/http/personalise.tsx), so everyone shares one rendering.
 */
export function versionedPages(versions: VersionCache, limits = PAGE_CACHE_LIMITS): MiddlewareHandler {
  const kept = new LRUCache<string, Cached>({
    maxSize: limits.maxBytes,
    maxEntrySize: limits.maxEntryBytes,
    sizeCalculation: (entry) => entry.body.length + 512,
  });
  // One rendering per variant and version, however many readers ask at once.
  const rendering = new Map<string, Promise<Cached | null>>();

  return async (c, next) => {
    if (c.req.method !== 'GET' || UNCACHED.some((prefix) => c.req.path.startsWith(prefix))) return next();
    const variant = `${c.req.url}|${c.req.header('HX-Request') ?? ''}|${c.req.header('HX-History-Restore-Request') ?? ''}`;
    const key = createHash('sha1').update(variant).digest('base64url').slice(0, 16);
    const version = await versions.version();
    const etag = `W/"v${version}-${key}-${c.get('actor')?.ref ?? 'anon'}"`;
    const hit = kept.get(variant);
    let value = hit?.version === version ? hit : undefined;
    let rendered = false;
    if (!value) {
      const flight = `${version}|${variant}`;
      let pending = rendering.get(flight);
      if (!pending) {
        rendered = true;
        pending = (async () => {
          await next();
          if (c.res.status !== 200) return null;
          const body = Buffer.from(await c.res.clone().arrayBuffer());
          const headers = [...c.res.headers.entries()].filter(
            ([name]) => !PER_REQUEST.has(name.toLowerCase()),
          );
          const entry: Cached = { version, body, headers };
          kept.set(variant, entry);
          return entry;
        })().finally(() => rendering.delete(flight));
        rendering.set(flight, pending);
      }
      value = (await pending) ?? undefined;
    }
    // Per person too: the filled-in page differs, so must its validator.
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
