import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit.js';
import { childEnv } from '../helpers/child.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));
const db = path.join(dir, 'cli.duckdb');

function npmRun(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: childEnv({ TAIZHANG_DB: db, ...env }),
    encoding: 'utf8',
  });
}

describe('cli', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catalog prints only JSON on stdout, messages on stderr, and refuses what is no document', () => {
    const ok = npmRun('catalog', ['seeds/jilin-2021-new-urbanization-key-tasks.txt']);
    expect(ok.status).toBe(0);
    const catalog = JSON.parse(ok.stdout) as { parts: unknown[]; sections: unknown[]; tasks: unknown[] };
    expect([catalog.parts.length, catalog.sections.length, catalog.tasks.length]).toEqual([6, 22, 58]);
    expect(ok.stderr).toContain('58 项任务');
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(npmRun('catalog', [empty])).toMatchObject({ status: 1, stdout: '' });
    expect(npmRun('catalog', [])).toMatchObject({ status: 2, stdout: '' });
    expect(npmRun('catalog', [path.join(dir, 'missing.txt')]).status).toBe(2);
  });

  it('import commits (0), rejects (1) and explains usage (2), through the same pipeline', () => {
    const good = path.join(dir, '报表.csv');
    writeFileSync(good, iconv.encode('指标编码,统计期,数值\r\n2021-T10-1,2021-06,2.9万\r\n', 'gb18030'));
    const dry = npmRun('import', [good, '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      status: 'preview',
      encoding: 'gb18030',
      counts: { new: 1 },
    });
    const commit = npmRun('import', [good]);
    expect(commit.status).toBe(0);
    expect(commit.stdout).toContain('已提交');
    const again = npmRun('import', [good]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('重复文件');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, '指标编码,统计期,数值\n2021-T10-1,2021-06,很多\n');
    const rejected = npmRun('import', [bad]);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('第2行 “数值”列：无法识别数值“很多”');
    expect(npmRun('import', []).status).toBe(2);
    expect(npmRun('import', [good, '--bogus']).status).toBe(2);
  });
});

describe('cli: npm run user', () => {
  const userDir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-user-'));
  const env = { TAIZHANG_DB: path.join(userDir, 'users.duckdb') };
  afterAll(() => rmSync(userDir, { recursive: true, force: true }));

  it('adds, lists, resets, disables accounts and issues tokens, each in the audit trail', async () => {
    const added = npmRun(
      'user',
      ['add', '统计局小李', '--role', 'reporter', '--departments', '省住建厅,省统计局'],
      env,
    );
    expect(added.status, added.stderr).toBe(0);
    const password = /初始密码（只显示这一次）：(\S+)/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(npmRun('user', ['add', '统计局小李', '--role', 'viewer'], env)).toMatchObject({ status: 1 });
    expect(npmRun('user', ['add', 'x', '--role', 'boss'], env).status).toBe(2);
    expect(
      npmRun('user', ['add', 'y', '--role', 'reporter', '--departments', '不存在厅'], env).stderr,
    ).toContain('责任单位不存在');
    const list = npmRun('user', ['list'], env);
    expect(list.stdout).toContain('统计局小李\t填报员（省住房城乡建设厅、省统计局）');
    expect(npmRun('user', ['reset', '统计局小李', '--password', 'a-new-password-1'], env).status).toBe(0);
    const token = npmRun('user', ['token', '统计局小李', '月度', '导入'], env);
    expect(token.stdout).toMatch(/tz_[A-Za-z0-9_-]{43}/);
    expect(npmRun('user', ['disable', '统计局小李'], env).status).toBe(0);
    expect(npmRun('user', ['list'], env).stdout).toContain('已停用');
    expect(npmRun('user', ['disable', 'nobody'], env)).toMatchObject({ status: 1 });
    expect(npmRun('user', [], env).status).toBe(2);

    const { Store } = await import('../../src/store/store.js');
    const store = await Store.open(env.TAIZHANG_DB);
    try {
      const events = await listAudit(store, {
        actor: 'cli',
        action: null,
        from: null,
        to: null,
        limit: 10,
      });
      expect(events.map((e) => e.action).reverse()).toEqual([
        'user.create',
        'user.reset',
        'token.create',
        'user.disable',
      ]);
      expect(events.every((e) => e.session_ref === 'cli')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
