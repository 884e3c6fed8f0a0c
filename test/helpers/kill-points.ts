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
import { spawn } from 'node:child_process';
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
  Store.prototype.write = function markedWrite<T>(this: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
    Store.prototype.write = write;
    const runs = new Map<string, number>();
    const after = (query: string) => {
      const n = (runs.get(query) ?? 0) + 1;
      runs.set(query, n);
      at(n === 1 ? query : `${query}#${n}`);
    };
    return write
      .bind(this)(async (tx: Tx) => {
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
      })
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

/**
 * Parent side: runs `node --import tsx <script> ...args` and kills it with SIGKILL the moment it
 * announces `point`. Rejects when the child ends without announcing it, or dies of anything else.
 */
export function killAt(script: string, args: string[], point: string): Promise<Killed> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: childEnv() });
  let output = '';
  let pending = '';
  const points: string[] = [];
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith(PREFIX)) continue;
      points.push(line.slice(PREFIX.length));
      if (!killed && line === `${PREFIX}${point}`) {
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
      if (killed && signal === 'SIGKILL') resolve({ output, points });
      else reject(new Error(`${script} ended (${signal ?? code}) without reaching ${point}:\n${output}`));
    });
  });
}
