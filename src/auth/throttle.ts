/**
 * Slows down password guessing. An attempt is counted the moment it arrives (reserve), before its
 * password is checked, so however many arrive at once only the allowed number are ever checked;
 * the rest are refused without touching scrypt. Counts are per account and address together (so
 * a stranger elsewhere cannot lock the owner out) and per address (a guesser trying many names);
 * each lockout doubles the next one's length. A successful sign-in clears its pair. Kept in
 * memory: a restart forgets it (the audit trail keeps every failure regardless).
 */
export const THROTTLE = {
  /** Failures allowed for one account from one address within the window … */
  perAccount: 5,
  /** … and from one address for any accounts. */
  perAddress: 20,
  windowMs: 15 * 60 * 1000,
  /** A lockout after a lockout lasts twice as long, up to this. */
  maxLockMs: 24 * 60 * 60 * 1000,
} as const;

interface Counter {
  /** When each counted attempt (pending or failed) was made. */
  times: number[];
  /** How many lockouts this key has had in a row (the next lasts windowMs × 2^lockouts). */
  lockouts: number;
  lockedUntil: number;
}

/** A counted attempt: call `succeeded()` once its password proved right; a failure needs nothing. */
export interface Reservation {
  succeeded(): void;
}

export class LoginThrottle {
  #counters = new Map<string, Counter>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts an attempt for `username` from `ip` before anything is checked. Returns the minutes
   * to wait when the attempt must be refused, or a reservation when it may be checked.
   */
  reserve(username: string, ip: string | null): { waitMinutes: number } | { reservation: Reservation } {
    const keys: [string, number][] = [[`p:${username}|${ip ?? ''}`, THROTTLE.perAccount]];
    if (ip) keys.push([`a:${ip}`, THROTTLE.perAddress]);
    const wait = Math.max(...keys.map(([key]) => this.#lockedFor(key)));
    if (wait > 0) return { waitMinutes: Math.ceil(wait / 60_000) };
    const at = this.now();
    const locked = keys.map(([key, limit]) => this.#count(key, limit, at));
    return {
      reservation: {
        succeeded: () => {
          // The pair is forgiven; at the address only this attempt is taken back (colleagues
          // behind one office address sign in all day, but one success must not reset a sweep).
          this.#counters.delete(keys[0]?.[0] ?? '');
          const address = keys[1]?.[0];
          const counter = address ? this.#counters.get(address) : undefined;
          if (!counter) return;
          counter.times = counter.times.filter((t) => t !== at);
          if (locked[1]) {
            counter.lockedUntil = 0;
            counter.lockouts -= 1;
          }
        },
      },
    };
  }

  /** Minutes until the pair or address may try again (0: now), without counting anything. */
  waitMinutes(username: string, ip: string | null): number {
    const wait = Math.max(this.#lockedFor(`p:${username}|${ip ?? ''}`), ip ? this.#lockedFor(`a:${ip}`) : 0);
    return Math.ceil(wait / 60_000);
  }

  #counter(key: string): Counter {
    const since = this.now() - THROTTLE.windowMs;
    const counter = this.#counters.get(key) ?? { times: [], lockouts: 0, lockedUntil: 0 };
    counter.times = counter.times.filter((t) => t > since);
    if (counter.times.length === 0 && counter.lockedUntil <= this.now() && counter.lockouts === 0) {
      this.#counters.delete(key);
    }
    return counter;
  }

  #lockedFor(key: string): number {
    return Math.max(0, this.#counter(key).lockedUntil - this.now());
  }

  /** Counts one attempt; returns whether it reached the limit and locked the key. */
  #count(key: string, limit: number, at: number): boolean {
    const counter = this.#counter(key);
    counter.times.push(at);
    const locks = counter.times.length >= limit;
    if (locks) {
      counter.lockedUntil = at + Math.min(THROTTLE.windowMs * 2 ** counter.lockouts, THROTTLE.maxLockMs);
      counter.lockouts += 1;
      counter.times = [];
    }
    this.#counters.set(key, counter);
    // Memory stays bounded however many addresses try: the oldest keys go first.
    if (this.#counters.size > 100_000) this.#counters.delete(this.#counters.keys().next().value as string);
    return locks;
  }
}

/**
 * At most `limit` password checks at a time, and at most `queue` waiting: scrypt takes 128 MiB and
 * a worker thread each, which DuckDB's queries share, so a flood of sign-ins must not starve them.
 */
export class PasswordChecks {
  #running = 0;
  #waiting: (() => void)[] = [];

  constructor(
    private readonly limit = 2,
    private readonly queue = 32,
  ) {}

  /** Runs `check` when a place is free; null (without running it) when too many already wait. */
  async run<T>(check: () => Promise<T>): Promise<T | null> {
    if (this.#running >= this.limit) {
      if (this.#waiting.length >= this.queue) return null;
      // The place is handed over by the check that finishes (see below), never raced for.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await check();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }
}
