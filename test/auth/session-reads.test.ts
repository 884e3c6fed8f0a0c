import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forgetSessions, resumeSession } from '../../src/auth/sessions.js';
import { type Session, signIn } from '../helpers/accounts.js';
import { type TempStore, tempStore } from '../helpers/store.js';

describe('auth: reading sessions', () => {
  let temp: TempStore;
  let session: Session;
  beforeAll(async () => {
    temp = await tempStore();
    await temp.store.prepareSchema();
    session = await signIn(temp.store, 'busy-reader', 'viewer');
  });
  afterAll(async () => temp.cleanup());

  it('answers many requests of one session, arriving at once, from one database read', async () => {
    forgetSessions(temp.store);
    const reads = vi.spyOn(temp.store, 'one');
    try {
      const actors = await Promise.all(
        Array.from({ length: 50 }, () => resumeSession(temp.store, session.id, '127.0.0.1')),
      );
      expect(actors.every((actor) => actor?.username === 'busy-reader' && actor.role === 'viewer')).toBe(
        true,
      );
      expect(reads.mock.calls.filter(([query]) => query === 'auth/session')).toHaveLength(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('does not let a request that began after a sign-out or account change join a read begun before it', async () => {
    forgetSessions(temp.store);
    const reads = vi.spyOn(temp.store, 'one');
    try {
      const before = resumeSession(temp.store, session.id, null);
      forgetSessions(temp.store);
      const after = resumeSession(temp.store, session.id, null);
      await Promise.all([before, after]);
      expect(reads.mock.calls.filter(([query]) => query === 'auth/session')).toHaveLength(2);
    } finally {
      reads.mockRestore();
    }
  });
});
