import type { MiddlewareHandler } from 'hono';
import { AccountMenu } from '../../views/account-menu.js';
import { HOLES } from '../../views/holes.js';
import { csrfTokenFor } from '../auth/sessions.js';

/**
 * Fills the per-person holes of every HTML response (see views/holes.tsx): the CSRF token, the
 * role the stylesheet keys on, and the account menu. Pages with someone signed in are marked
 * no-store, so after signing out the back button cannot show them from the browser's cache.
 */
export function personalise(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const actor = c.get('actor');
    if (actor && c.get('sessionId')) c.res.headers.set('Cache-Control', 'no-store');
    if (!(c.res.headers.get('Content-Type') ?? '').startsWith('text/html')) return;
    const sessionId = c.get('sessionId');
    // Worked on bytes, not text: decoding and encoding a 200 KB page per request would cost more.
    const page = c.get('cachedBody') ?? Buffer.from(await c.res.arrayBuffer());
    const filled = fill(page, {
      // The account menu has a token hole of its own, so it is filled in first.
      [HOLES.account]: (await (<AccountMenu actor={actor} />)).toString(),
      [HOLES.csrf]: sessionId ? csrfTokenFor(sessionId) : '',
      [HOLES.role]: actor?.role ?? 'anonymous',
    });
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    const status = c.res.status;
    // Cleared first: assigning over a response would copy its headers (a stale length among them).
    c.res = undefined as unknown as Response;
    c.res = new Response(filled as unknown as ArrayBuffer, { status, headers });
  };
}

const MARK = Buffer.from('<!--tz:');

/** The page with every hole replaced; a value may itself contain holes (filled in the same pass). */
function fill(page: Buffer, values: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = page.indexOf(MARK); at !== -1; at = page.indexOf(MARK, from)) {
    const end = page.indexOf('-->', at);
    if (end === -1) break;
    const hole = page.toString('utf8', at, end + 3);
    const value = values[hole];
    parts.push(page.subarray(from, at));
    parts.push(
      value === undefined
        ? page.subarray(at, end + 3)
        : value.includes('<!--tz:')
          ? fill(Buffer.from(value), values)
          : Buffer.from(value),
    );
    from = end + 3;
  }
  parts.push(page.subarray(from));
  return Buffer.concat(parts);
}
