import type { MiddlewareHandler } from 'hono';
import { AccountMenu } from '../../views/account-menu.js';
import { HOLES } from '../../views/holes.js';
import { csrfTokenFor } from './sessions.js';

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
    const html = await c.res.text();
    const sessionId = c.get('sessionId');
    // The account menu first: its sign-out form has a token hole of its own.
    const filled = html
      .replace(HOLES.account, String(await (<AccountMenu actor={actor} />)))
      .replaceAll(HOLES.csrf, sessionId ? csrfTokenFor(sessionId) : '')
      .replaceAll(HOLES.role, actor?.role ?? 'anonymous');
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    const status = c.res.status;
    // Cleared first: assigning over a response would copy its headers (a stale length among them).
    c.res = undefined as unknown as Response;
    c.res = new Response(filled, { status, headers });
  };
}
