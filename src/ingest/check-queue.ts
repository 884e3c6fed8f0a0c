/**
 * One upload is checked at a time: reading and checking a file takes DuckDB's threads and memory
 * for seconds, and two at once would slow every reader. Others wait their turn in order; each can
 * be asked where it stands (its place in the queue, then its stage and percentage), which the
 * upload page polls while the server works.
 */

/** Where a check stands: waiting (position 1 = next), or at a stage with a rough percentage. */
export interface CheckProgress {
  stage: 'waiting' | 'reading' | 'checking' | 'comparing' | 'writing' | 'done';
  percent: number;
  /** Uploads ahead of this one (the one being checked included) while waiting; 0 once it runs. */
  ahead: number;
}

/** Reports a stage as the work reaches it. */
export type ReportStage = (stage: CheckProgress['stage'], percent: number) => void;

const KEEP_DONE = 100;

export class CheckQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting: symbol[] = [];
  #byKey = new Map<string, { ticket: symbol; stage: CheckProgress['stage']; percent: number }>();
  #done: string[] = [];
  #running = 0;

  /**
   * Runs `work` once every check queued before it has finished. `key` (a random id the page chose)
   * makes its progress readable by progress(key) meanwhile and for a while after.
   */
  run<T>(
    key: string | undefined,
    work: (report: ReportStage) => Promise<T>,
    onStage?: ReportStage,
  ): Promise<T> {
    const ticket = Symbol('check');
    this.#waiting.push(ticket);
    const entry = { ticket, stage: 'waiting' as CheckProgress['stage'], percent: 0 };
    if (key) this.#byKey.set(key, entry);
    const report: ReportStage = (stage, percent) => {
      entry.stage = stage;
      entry.percent = Math.max(0, Math.min(100, Math.round(percent)));
      onStage?.(stage, entry.percent);
    };
    const next = this.#tail.then(async () => {
      this.#waiting.splice(this.#waiting.indexOf(ticket), 1);
      this.#running += 1;
      report('reading', 0);
      try {
        return await work(report);
      } finally {
        this.#running -= 1;
        report('done', 100);
        if (key) this.#forgetLater(key);
      }
    });
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /** Where the check with this key stands, or undefined for a key never seen (or long finished). */
  progress(key: string): CheckProgress | undefined {
    const entry = this.#byKey.get(key);
    if (!entry) return undefined;
    const place = this.#waiting.indexOf(entry.ticket);
    return { stage: entry.stage, percent: entry.percent, ahead: place < 0 ? 0 : place + this.#running };
  }

  /** How many checks are waiting or running. */
  get length(): number {
    return this.#waiting.length + this.#running;
  }

  #forgetLater(key: string): void {
    this.#done.push(key);
    while (this.#done.length > KEEP_DONE) {
      const old = this.#done.shift();
      if (old) this.#byKey.delete(old);
    }
  }
}

const queues = new WeakMap<object, CheckQueue>();

/** The queue of one database (one store): every door's imports wait in the same line. */
export function checkQueueOf(store: object): CheckQueue {
  let queue = queues.get(store);
  if (!queue) {
    queue = new CheckQueue();
    queues.set(store, queue);
  }
  return queue;
}
