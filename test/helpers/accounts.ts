import type { Hono } from 'hono';
import type { Role } from '../../src/auth/roles.js';
import { csrfTokenFor, startSession } from '../../src/auth/sessions.js';
import { createUser, findUser } from '../../src/auth/users.js';
import type { Store } from '../../src/store/store.js';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface Session {
  username: string;
  /** The session cookie's secret id. */
  id: string;
  cookie: string;
  csrf: string;
}

/** An account of `role` (made if missing) and a fresh session for it, as a sign-in would make. */
export async function signIn(
  store: Store,
  username: string,
  role: Role,
  departments: string[] | null = null,
): Promise<Session> {
  const existing = await findUser(store, username);
  const id = existing
    ? existing.id
    : (
        await createUser(
          store,
          { username: null, ref: null, ip: null },
          {
            username,
            role,
            departments,
            password: TEST_PASSWORD,
          },
        )
      ).id;
  const sessionId = await startSession(store, { id, username }, { ip: '127.0.0.1', userAgent: 'test' });
  return { username, id: sessionId, cookie: `tz_session=${sessionId}`, csrf: csrfTokenFor(sessionId) };
}

/** What a browser page of this site sends: the cookie, its origin, and (for htmx) the token. */
export function sessionHeaders(session: Session, origin = 'http://localhost'): Record<string, string> {
  return { Cookie: session.cookie, Origin: origin, 'X-CSRF-Token': session.csrf };
}

/** `app.request` as a signed-in browser page sends it; the caller's headers win. */
export function clientFor(app: Hono, session: Session) {
  return {
    session,
    request: (input: string, init: RequestInit = {}) =>
      app.request(input, {
        ...init,
        headers: { ...sessionHeaders(session), ...Object.fromEntries(new Headers(init.headers).entries()) },
      }),
  };
}
