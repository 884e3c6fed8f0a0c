import { existsSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './store.js';

/**
 * Refuses to start on a disk with less than `minBytes` free where the database lives: a start
 * would otherwise serve pages and fail every upload, or not open at all. Says how much is left.
 */
export function assertFreeSpace(dbPath: string, minBytes: number): void {
  if (dbPath === ':memory:') return;
  let dir = path.dirname(dbPath);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  if (free >= minBytes) return;
  const mb = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`;
  throw new StoreError(
    `磁盘空间不足，台账未启动：数据库所在磁盘（${dir}）只剩 ${mb(free)}，至少需要 ${mb(minBytes)}。请清理磁盘或把 TAIZHANG_DB 指到空间充足的磁盘后再启动。`,
  );
}
