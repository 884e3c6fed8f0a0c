import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportOptions } from './import.js';

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
  constructor(readonly dir: string) {
    mkdirSync(path.join(dir, 'pending'), { recursive: true });
    mkdirSync(path.join(dir, 'archive'), { recursive: true });
  }

  /** Streams a body to disk with what the import needs to know of it; returns the token that names it. */
  async save(body: ReadableStream<Uint8Array> | Uint8Array, meta: PendingMeta): Promise<string> {
    const token = randomBytes(16).toString('hex');
    const target = this.file(token);
    if (body instanceof Uint8Array) writeFileSync(target, body);
    else
      await pipeline(
        Readable.fromWeb(body as import('node:stream/web').ReadableStream),
        createWriteStream(target),
      );
    writeFileSync(`${target}.json`, JSON.stringify(meta));
    return token;
  }

  /** The pending file of a token, or undefined if there is none (committed, cancelled or never made). */
  find(token: string): (PendingMeta & { file: string }) | undefined {
    if (!/^[0-9a-f]{32}$/.test(token)) return undefined;
    const file = this.file(token);
    if (!existsSync(file)) return undefined;
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
