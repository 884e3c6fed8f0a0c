/**
 * kill -9 at a proven point of a write transaction, with no hook in the app and no timer.
 *
 * The child (a script under test/<area>/children/) calls markNextWrite(): its next store.write()
 * then says on stdout where it is — `kill-point: begin` once BEGIN has run, `kill-point: <query>`
 * after each statement (`<query>#2` for the second run of the same query), `kill-point: commit`
 * when the work is done and COMMIT is about to run, `kill-point: committed` once COMMIT has returned
 * — and at the point it was told to pause at, it stops its only thread for good. The parent
 * (killAt) kills it with SIGKILL as soon as it reads the point it waits for. Paused there, the
 * child is provably inside the transaction (or provably past its COMMIT) when it dies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import type { Row } from '../../src/store/rows.js';
import { type Params, Store, type Tx } from '../../src/store/store.js';
import { childEnv } from './child.js';

const PREFIX = 'kill-point: ';

/** Blocks this process's only JavaScript thread until it is killed. */
function halt(): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0);
}

/**
 * Child side: the next store.write() of this process announces its points, and halts at `pause`
 * (a point's name; anything else, or nothing, never halts).
 */
export function markNextWrite(pause?: string): void {
  const write = Store.prototype.write;
  const at = (point: string) => {
    // Written straight to the descriptor before going on: the parent may see it and kill at once.
    writeSync(1, `${PREFIX}${point}\n`);
    if (point === pause) halt();
  };
  Store.prototype.write = function markedWrite<T>(
    this: Store,
    work: (tx: Tx) => Promise<T>,
    ...rest: [Parameters<Store['write']>[1]?]
  ): Promise<T> {
    Store.prototype.write = write;
    const runs = new Map<string, number>();
    const after = (query: string) => {
      const n = (runs.get(query) ?? 0) + 1;
      runs.set(query, n);
      at(n === 1 ? query : `${query}#${n}`);
    };
    return write
      .bind(this)(
        async (tx: Tx) => {
          at('begin');
          const marked: Tx = {
            connection: tx.connection,
            all: async <R = Row>(query: string, params?: Params) => {
              const rows = await tx.all<R>(query, params);
              after(query);
              return rows;
            },
            run: async (query: string, params?: Params) => {
              const changed = await tx.run(query, params);
              after(query);
              return changed;
            },
          };
          const result = await work(marked);
          at('commit');
          return result;
        },
        ...rest,
      )
      .then((result) => {
        at('committed');
        return result;
      });
  };
}

export interface Killed {
  /** Everything the child wrote, stdout and stderr. */
  output: string;
  /** The points it announced, in order (it may announce one or two more before the kill lands). */
  points: string[];
}

/** Children still running, killed if this process exits first (a test that timed out, say). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Parent side: runs `node --import tsx <script> ...args <pause>` — the child halts at `pause` —
 * and kills it with SIGKILL the moment it announces `kill` (the same point, or an earlier one, so
 * the kill lands in whatever runs after it). Rejects when the child ends, or halts, without
 * announcing `kill`.
 */
export function killAt(
  script: string,
  args: string[],
  { kill, pause }: { kill: string; pause: string },
): Promise<Killed> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args, pause], { env: childEnv() });
  running.add(child);
  let output = '';
  let pending = '';
  const points: string[] = [];
  let killed = false;
  let missed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith(PREFIX) || killed) continue;
      const point = line.slice(PREFIX.length);
      points.push(point);
      if (point === kill || point === pause) {
        // Halted at `pause` without passing `kill`: it will never get there.
        missed = point !== kill;
        killed = true;
        child.kill('SIGKILL');
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      if (killed && !missed && signal === 'SIGKILL') resolve({ output, points });
      else reject(new Error(`${script} ended (${signal ?? code}) without reaching ${kill}:\n${output}`));
    });
  });
}
