/**
 * Slows down password guessing: after too many failures within a window, further attempts for that
 * account, or from that address, are refused until the window has passed. Kept in memory: a
 * restart forgets it, which is acceptable for one server behind an intranet (the audit trail keeps
 * every failure regardless).
 */
export const THROTTLE = {
  /** Failures allowed per account within the window … */
  perAccount: 5,
  /** … and per client address (a guesser trying many names). */
  perAddress: 20,
  windowMs: 15 * 60 * 1000,
} as const;

export class LoginThrottle {
  #failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Minutes until the account or address may try again, or 0 when it may try now. */
  waitMinutes(username: string, ip: string | null): number {
    const wait = Math.max(
      this.#wait(`u:${username}`, THROTTLE.perAccount),
      ip ? this.#wait(`a:${ip}`, THROTTLE.perAddress) : 0,
    );
    return Math.ceil(wait / 60_000);
  }

  fail(username: string, ip: string | null): void {
    this.#push(`u:${username}`);
    if (ip) this.#push(`a:${ip}`);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  succeed(username: string): void {
    this.#failures.delete(`u:${username}`);
  }

  #recent(key: string): number[] {
    const since = this.now() - THROTTLE.windowMs;
    const times = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  #wait(key: string, limit: number): number {
    const times = this.#recent(key);
    if (times.length < limit) return 0;
    return (times[times.length - limit] ?? 0) + THROTTLE.windowMs - this.now();
  }

  #push(key: string): void {
    this.#failures.set(key, [...this.#recent(key), this.now()].slice(-THROTTLE.perAddress));
  }
}
