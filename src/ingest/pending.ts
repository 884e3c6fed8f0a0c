import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StoreError } from '../store/store.js';
import type { ImportOptions } from './import.js';

/** How long a previewed file waits for its confirmation. */
export const PENDING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** What was chosen with the file, so the commit checks it exactly as the preview did. */
export interface PendingMeta {
  fileName: string;
  options: Pick<ImportOptions, 'region' | 'series' | 'basis'>;
  /** Who uploaded it: only they may commit it. */
  owner: string;
  /** A whole file, or one value from an indicator's page (so the audit trail tells them apart). */
  action: 'upload' | 'value';
}

/**
 * Uploaded files between preview and commit. Each waits under a random token (so one clerk cannot
 * commit another's pending file by guessing), and is archived under its upload id once committed.
 */
export class PendingUploads {
  readonly #sweep: NodeJS.Timeout;

  /**
   * A preview waits at most `maxAgeMs` for its confirmation. Whatever waits when the server starts
   * is removed (a crash or a restart leaves no preview that anyone still holds open).
   */
  constructor(
    readonly dir: string,
    private readonly maxAgeMs = PENDING_MAX_AGE_MS,
  ) {
    rmSync(path.join(dir, 'pending'), { recursive: true, force: true });
    mkdirSync(path.join(dir, 'pending'), { recursive: true });
    mkdirSync(path.join(dir, 'archive'), { recursive: true });
    this.#sweep = setInterval(() => this.removeExpired(), 60 * 60 * 1000);
    this.#sweep.unref();
  }

  /**
   * Streams a body to disk with what the import needs to know of it; returns the token that names
   * it. A disk that fills up leaves no partial file and says so (503).
   */
  async save(body: ReadableStream<Uint8Array> | Uint8Array, meta: PendingMeta): Promise<string> {
    const token = randomBytes(16).toString('hex');
    const target = this.file(token);
    try {
      if (body instanceof Uint8Array) writeFileSync(target, body);
      else
        await pipeline(
          Readable.fromWeb(body as import('node:stream/web').ReadableStream),
          createWriteStream(target),
        );
      writeFileSync(`${target}.json`, JSON.stringify(meta));
    } catch (error) {
      this.remove(token);
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
        throw new StoreError('磁盘空间不足，文件没有保存，已有数据不受影响。请清理服务器磁盘后重试。');
      }
      throw error;
    }
    return token;
  }

  /** Removes previews older than the limit; returns how many. */
  removeExpired(now = Date.now()): number {
    let removed = 0;
    const dir = path.join(this.dir, 'pending');
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      const age = now - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now);
      if (age > this.maxAgeMs) {
        rmSync(file, { force: true });
        removed += name.endsWith('.csv') ? 1 : 0;
      }
    }
    return removed;
  }

  /** The pending file of a token, or undefined if there is none (committed, cancelled or never made). */
  find(token: string): (PendingMeta & { file: string }) | undefined {
    if (!/^[0-9a-f]{32}$/.test(token)) return undefined;
    const file = this.file(token);
    if (!existsSync(file)) return undefined;
    if (Date.now() - statSync(file).mtimeMs > this.maxAgeMs) {
      this.remove(token);
      return undefined;
    }
    return { ...(JSON.parse(readFileSync(`${file}.json`, 'utf8')) as PendingMeta), file };
  }

  /** Keeps the file as uploaded, for audit, named by its upload id. */
  archive(token: string, uploadId: number): void {
    const file = this.file(token);
    renameSync(file, path.join(this.dir, 'archive', `${uploadId}.csv`));
    rmSync(`${file}.json`, { force: true });
  }

  remove(token: string): void {
    if (!/^[0-9a-f]{32}$/.test(token)) return;
    rmSync(this.file(token), { force: true });
    rmSync(`${this.file(token)}.json`, { force: true });
  }

  /** Where a token's file waits. */
  file(token: string): string {
    return path.join(this.dir, 'pending', `${token}.csv`);
  }
}
