import { raw } from 'hono/html';

/**
 * Pages are rendered once per data version and shared by everyone (src/routes/page-cache.ts); the
 * few per-person parts are left as marked holes that src/auth/personalise.ts fills for each
 * response. Markers start with "<", which escaped data can never produce, so only these raw
 * fragments contain them.
 */
export const HOLES = {
  csrf: '<!--tz:csrf-->',
  role: '<!--tz:role-->',
  account: '<!--tz:account-->',
} as const;

/** The session's CSRF token in a plain form, for browsers without JavaScript. */
export const CsrfField = () => raw(`<input type="hidden" name="_csrf" value="${HOLES.csrf}">`);

/** The token for htmx (app.js copies it into the X-CSRF-Token header of every request). */
export const CsrfMeta = () => raw(`<meta name="csrf-token" content="${HOLES.csrf}">`);

/** <body data-role="…">: the stylesheet hides controls the reader's role cannot use. */
export const bodyOpen = () => raw(`<body data-role="${HOLES.role}">`);
export const bodyClose = () => raw('</body>');

export const AccountSlot = () => raw(HOLES.account);
