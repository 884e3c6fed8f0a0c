/**
 * Temporary files (a decoded upload, a Parquet being written, a history export) live in one folder
 * per process, os.tmpdir()/taizhang-<pid>, so that what a crashed process left behind can be told
 * from what a running one is using, and removed at the next start.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'taizhang-';

function ownDir(): string {
  const dir = path.join(os.tmpdir(), `${PREFIX}${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A fresh path for a temporary file ending in `extension`. DuckDB's COPY takes its target spliced
 * into the statement, so the path is checked to hold no quote.
 */
export function tempPath(extension: string): string {
  const file = path.join(ownDir(), `${randomBytes(8).toString('hex')}${extension}`);
  if (file.includes("'")) throw new Error(`temporary folder ${os.tmpdir()} has a quote in its path`);
  return file;
}

/** A fresh empty folder for the temporary files of one piece of work (remove it when done). */
export function tempDir(): string {
  const dir = path.join(ownDir(), randomBytes(8).toString('hex'));
  mkdirSync(dir);
  return dir;
}

/** Removes the temporary folders of processes that are no longer running; returns how many. */
export function removeStaleTemp(): number {
  let removed = 0;
  for (const name of readdirSync(os.tmpdir())) {
    const pid = /^taizhang-(\d+)$/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
