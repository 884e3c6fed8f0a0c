import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { evidenceForm, pdf } from '../helpers/accountability.js';
import { clientFor } from '../helpers/accounts.js';
import { childEnv } from '../helpers/child.js';
import { seededApp } from '../helpers/store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-backup-'));

/** Every row of every table, in a stable order: what "the same database" means here. */
async function dump(store: Store): Promise<Record<string, string>> {
  const tables = await store.all<{ name: string }>('meta/table_counts');
  const out: Record<string, string> = {};
  for (const { name } of tables) out[name] = JSON.stringify(await store.tableRows(name));
  return out;
}

function run(script: 'backup' | 'restore', target: string, db: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', script, target], {
    env: childEnv({ TAIZHANG_DB: db }),
    encoding: 'utf8',
  });
}

describe('store: backup and restore', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a populated database: every table, every value, sequences, macros and evidence files', async () => {
    const ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
    await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值,备注\n2021-T10-1,2021-10,30000,修订\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    await ctx.app.request('/snapshots', {
      method: 'POST',
      body: new URLSearchParams({ asof: '2021-09' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const evidence = pdf('backed up');
    const filed = await ctx.app.request('/api/indicators/2021-T18-1/evidence', {
      method: 'POST',
      body: evidenceForm(evidence, '验收.pdf'),
    });
    expect(filed.status).toBe(201);
    const { url, sha256 } = (await filed.json()) as { url: string; sha256: string };
    const before = await dump(ctx.store);
    const snapshotBefore = Buffer.from(
      await (await ctx.app.request('/api/snapshot?asof=2021-10&format=csv')).arrayBuffer(),
    );
    const historyBefore = await (await ctx.app.request('/api/indicators/2021-T10-1/actuals')).text();
    const source = ctx.file;
    await ctx.store.close();

    const backupDir = path.join(dir, 'b1');
    const made = run('backup', backupDir, source);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/已备份到.*佐证材料 1 个/);
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.evidence).toEqual({ [sha256]: evidence.length });
    expect(manifest.files[`evidence/${sha256}`]).toBe(sha256);

    const target = path.join(dir, 'restored.duckdb');
    const restored = run('restore', backupDir, target);
    expect(restored.status, restored.stderr).toBe(0);

    const store = await Store.open(target);
    try {
      expect(await dump(store)).toEqual(before);
      const { createApp } = await import('../../src/app.js');
      const { loadConfig } = await import('../../src/config.js');
      // Accounts and sessions come back too: the administrator's session still works.
      const app = clientFor(createApp({ store, config: loadConfig({ TAIZHANG_DB: target }) }), ctx.admin);
      const snapshotAfter = Buffer.from(
        await (await app.request('/api/snapshot?asof=2021-10&format=csv')).arrayBuffer(),
      );
      expect(snapshotAfter.equals(snapshotBefore)).toBe(true);
      expect(await (await app.request('/api/indicators/2021-T10-1/actuals')).text()).toBe(historyBefore);
      // The evidence file is back beside the restored database, byte for byte.
      const download = await app.request(url);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(evidence)).toBe(true);
      // The upload sequence goes on after the restored ids.
      const next = await app.request('/api/uploads', {
        method: 'POST',
        body: '指标编码,统计期,数值\n2021-T53-1,2021-11,40\n',
        headers: { 'Content-Type': 'text/csv' },
      });
      expect(((await next.json()) as { uploadId: number }).uploadId).toBeGreaterThan(2);
    } finally {
      await store.close();
      await ctx.cleanup();
    }
  });

  it('refuses a damaged backup, a non-empty target and a used folder, in Chinese', async () => {
    const db = path.join(dir, 'small.duckdb');
    const store = await Store.open(db);
    await store.close();
    const folder = path.join(dir, 'b2');
    expect(run('backup', folder, db).status).toBe(0);
    expect(run('backup', folder, db).stderr).toContain('不是空的');
    expect(run('restore', folder, db).stderr).toContain('目标数据库不是空的');
    writeFileSync(path.join(folder, 'schema.sql'), '-- tampered\n');
    expect(run('restore', folder, path.join(dir, 'fresh.duckdb')).stderr).toContain('已损坏');
    expect(run('restore', path.join(dir, 'nowhere'), path.join(dir, 'fresh2.duckdb')).stderr).toContain(
      '不是台账的备份目录',
    );
  });
});
