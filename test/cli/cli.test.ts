import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));
const db = path.join(dir, 'cli.duckdb');

function npmRun(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: { ...process.env, TAIZHANG_DB: db, ...env },
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
