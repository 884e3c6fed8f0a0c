import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import type { Actor, Role } from './roles.js';

/** A session ends after this long without a request … */
export const IDLE_LIMIT_MS = 2 * 60 * 60 * 1000;
/** … and, however active, this long after sign-in. */
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading pages does not queue behind writes. */
const TOUCH_EVERY_MS = 60 * 1000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The session's reference in the audit trail: not enough to use it, enough to tell sessions apart. */
export const sessionRef = (idHash: string) => `session:${idHash.slice(0, 12)}`;

/**
 * The CSRF token of a session: derived from the cookie's secret id, so it needs no storage and
 * cannot be computed from what the database holds (only the id's sha256 is stored there).
 */
export const csrfTokenFor = (sessionId: string) =>
  createHash('sha256').update(`csrf:${sessionId}`).digest('base64url');

interface SessionRow {
  id_hash: string;
  created_at: Date;
  last_seen_at: Date;
  now: Date;
  user_id: number;
  username: string;
  role: Role;
  departments: string[] | null;
}

/** Starts a session for a user who has just proved who they are; returns the cookie's secret id. */
export async function startSession(
  store: Store,
  user: { id: number; username: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const idHash = sha256(id);
  await store.write(async (tx) => {
    await tx.run('auth/insert_session', {
      id_hash: idHash,
      user_id: user.id,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { username: user.username, ref: sessionRef(idHash), ip: client.ip },
      { action: 'login' },
    );
  });
  return id;
}

/**
 * Sessions read in the last few seconds, per store, so that a page does not cost a database query
 * for its cookie. Safe because one process holds the database file: every change to sessions or
 * accounts happens here, and each one calls forgetSessions().
 */
const recent = new WeakMap<Store, Map<string, { row: SessionRow; readAt: number }>>();
/**
 * Reads of a session under way, per store: when the remembered row expires, the many requests of
 * one busy reader (50 at once in `npm run bench`) wait for one query instead of queueing 50.
 */
const reading = new WeakMap<Store, Map<string, Promise<SessionRow | undefined>>>();
const RECENT_MS = 10_000;
/** Bumped by every forget, so that a read that began before a sign-out is not remembered after it. */
let forgotten = 0;

/** Drops what resumeSession remembers: after any sign-out, password, role or account change. */
export function forgetSessions(store: Store): void {
  forgotten += 1;
  recent.delete(store);
  // A read begun before the change may answer the request that began it, but no later one.
  reading.delete(store);
}

/** The session's row and the database's time now (its clock reading advanced by the cache's age). */
async function readSession(
  store: Store,
  idHash: string,
): Promise<{ row: SessionRow; now: number } | undefined> {
  const cache = recent.get(store) ?? new Map<string, { row: SessionRow; readAt: number }>();
  recent.set(store, cache);
  const hit = cache.get(idHash);
  if (hit && Date.now() - hit.readAt < RECENT_MS) {
    return { row: hit.row, now: hit.row.now.getTime() + Date.now() - hit.readAt };
  }
  const flights = reading.get(store) ?? new Map<string, Promise<SessionRow | undefined>>();
  reading.set(store, flights);
  let flight = flights.get(idHash);
  if (!flight) {
    const before = forgotten;
    flight = store.one<SessionRow>('auth/session', { id_hash: idHash }).then((row) => {
      if (row && before === forgotten) {
        if (cache.size > 10_000) cache.clear();
        cache.set(idHash, { row, readAt: Date.now() });
      }
      return row;
    });
    flights.set(idHash, flight);
    const done = () => {
      if (flights.get(idHash) === flight) flights.delete(idHash);
    };
    flight.then(done, done);
  }
  const row = await flight;
  if (!row) return undefined;
  return { row, now: row.now.getTime() };
}

/** The actor behind a session cookie, or null when it is unknown, ended, expired or disabled. */
export async function resumeSession(store: Store, id: string, ip: string | null): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const idHash = sha256(id);
  const found = await readSession(store, idHash);
  if (!found) return null;
  const { row, now } = found;
  if (
    now - row.last_seen_at.getTime() > IDLE_LIMIT_MS ||
    now - row.created_at.getTime() > ABSOLUTE_LIMIT_MS
  ) {
    return null;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    // Not awaited: a page must not wait behind a long import for this bookkeeping.
    row.last_seen_at = new Date(now);
    store.write((tx) => tx.run('auth/touch_session', { id_hash: idHash })).catch(() => undefined);
  }
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    departments: row.departments,
    ref: sessionRef(idHash),
    ip,
  };
}

/** Ends one session (退出). */
export async function endSession(store: Store, id: string, actor: Actor): Promise<void> {
  await store.write(async (tx) => {
    await tx.run('auth/end_session', { id_hash: sha256(id) });
    await recordAudit(tx, actor, { action: 'logout' });
  });
  forgetSessions(store);
}

/** Ends every session of the actor's account (退出所有设备). */
export async function endAllSessions(store: Store, actor: Actor): Promise<void> {
  await store.write(async (tx) => {
    await tx.run('auth/end_user_sessions', { user_id: actor.userId });
    await recordAudit(tx, actor, { action: 'logout.all' });
  });
  forgetSessions(store);
}
