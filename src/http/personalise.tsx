import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { AccountMenu } from '../../views/account-menu.js';
import { HOLES } from '../../views/holes.js';
import type { Actor } from '../auth/roles.js';
import { csrfTokenFor } from '../auth/sessions.js';

/**
 * Fills the per-person holes of every HTML response (see views/holes.tsx): the CSRF token, the
 * role the stylesheet keys on, and the account menu. Pages with someone signed in are marked
 * no-store, so after signing out the back button cannot show them from the browser's cache.
 */
export function personalise(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // The app's own files have no holes and are the same for everyone.
    if (c.req.path.startsWith('/static/')) return;
    const actor = c.get('actor');
    if (actor && c.get('sessionId')) c.res.headers.set('Cache-Control', 'no-store');
    if (!(c.res.headers.get('Content-Type') ?? '').startsWith('text/html')) return;
    const sessionId = c.get('sessionId');
    // Worked on bytes, not text: decoding and encoding a 200 KB page per request would cost more.
    const cached = c.get('cachedBody');
    const pieces = cached ? piecesOfCached(cached) : cutAtHoles(Buffer.from(await c.res.arrayBuffer()));
    const filled = fillPieces(pieces, {
      // The account menu has a token hole of its own, so it is filled in first.
      [HOLES.account]: await accountMenu(actor),
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

/**
 * The account menu depends on the name, role and departments only: rendered once per such reader,
 * not per response (Hono's JSX renders inside an AsyncLocalStorage context, 3% of a page view).
 */
const menus = new LRUCache<string, string>({ max: 1000 });

async function accountMenu(actor: Actor | null): Promise<string> {
  const key = actor ? JSON.stringify([actor.username, actor.role, actor.departments]) : '';
  let menu = menus.get(key);
  if (menu === undefined) {
    menu = (await (<AccountMenu actor={actor} />)).toString();
    menus.set(key, menu);
  }
  return menu;
}

const MARK = Buffer.from('<!--tz:');

/** A page cut at its holes: its text as bytes, each hole as its marker's text. */
type Pieces = (Buffer | string)[];

/**
 * Each cached page cut once, not searched through on every request: besides the search, cutting a
 * 200 KB page per response made enough garbage that a page view cost a full collection every
 * hundred requests (31 mark-compacts in 3,000 requests, against none now; `node --trace-gc`).
 */
const cutPages = new WeakMap<Buffer, Pieces>();

function piecesOfCached(page: Buffer): Pieces {
  let pieces = cutPages.get(page);
  if (!pieces) {
    pieces = cutAtHoles(page);
    cutPages.set(page, pieces);
  }
  return pieces;
}

/** The page with every hole replaced; a value may itself contain holes (filled in the same pass). */
function fillPieces(pieces: Pieces, values: Record<string, string>): Buffer {
  return Buffer.concat(
    pieces.map((piece) => {
      if (typeof piece !== 'string') return piece;
      const value = values[piece] ?? piece;
      // A value's own holes (the account menu's token) are cut afresh: it is not a cached page.
      return value.includes('<!--tz:') && value !== piece
        ? fillPieces(cutAtHoles(Buffer.from(value)), values)
        : Buffer.from(value);
    }),
  );
}

function cutAtHoles(page: Buffer): Pieces {
  const pieces: Pieces = [];
  let from = 0;
  for (let at = page.indexOf(MARK); at !== -1; at = page.indexOf(MARK, from)) {
    const end = page.indexOf('-->', at);
    if (end === -1) break;
    pieces.push(page.subarray(from, at), page.toString('utf8', at, end + 3));
    from = end + 3;
  }
  pieces.push(page.subarray(from));
  return pieces;
}
