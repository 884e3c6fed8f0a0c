import type { Store } from './store.js';
import { StoreError } from './store.js';

interface Findings {
  orphan_values: number;
  orphan_uploads: number[] | null;
  short_uploads: number[] | null;
  orphan_withdrawals: number;
}

/**
 * Refuses to serve a database whose commits are not whole (a damaged write-ahead log replayed in
 * part): values without their committed upload, an upload missing values it counted, a withdrawal
 * of nothing. Says what is wrong and how to restore, never silently.
 */
export async function assertConsistent(store: Store): Promise<void> {
  const found = await store.one<Findings>('meta/consistency');
  if (!found) return;
  const problems: string[] = [];
  if (found.orphan_values > 0) {
    problems.push(
      `${found.orphan_values} 个数值没有对应的已提交上传记录（批次 ${(found.orphan_uploads ?? []).slice(0, 10).join('、')}）`,
    );
  }
  if (found.short_uploads?.length) {
    problems.push(`上传批次 ${found.short_uploads.slice(0, 10).join('、')} 的数值与其记录的条数不符`);
  }
  if (found.orphan_withdrawals > 0) problems.push(`${found.orphan_withdrawals} 条撤回记录指向不存在的上传`);
  if (problems.length === 0) return;
  throw new StoreError(
    `数据库 ${store.path} 不完整，台账拒绝启动：${problems.join('；')}。这通常是数据库文件在写入中途损坏（如断电后日志文件不全）。` +
      '请停止服务，保留此文件以便排查，用 npm run restore -- <备份目录> 把最近一次备份恢复到一个新的数据库文件（TAIZHANG_DB 指定），核对后再启动。',
  );
}
