import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFileType } from '../../src/accountability/file-type.js';
import { docx, evidenceForm, pdf, zipOf } from '../helpers/accountability.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;
type Client = Awaited<ReturnType<Ctx['as']>>;

const MILESTONE = '2021-T18-1'; // 基本完成站房主体工程 — 省交通运输厅

async function xlsxBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('进度').addRow(['月份', '完成']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('accountability: evidence files (佐证材料)', () => {
  let ctx: Ctx;
  let clerk: Client;
  beforeAll(async () => {
    ctx = await seededApp({ TAIZHANG_EVIDENCE_LIMIT_MB: '1' });
    clerk = await ctx.as('clerk', 'reporter', ['省交通运输厅']);
  });
  afterAll(async () => ctx.cleanup());

  it('takes a reporter’s PDF for a milestone and serves it only as a download, byte for byte', async () => {
    const bytes = pdf('station works done');
    const res = await clerk.request(`/indicators/${MILESTONE}/evidence`, {
      method: 'POST',
      body: evidenceForm(bytes, '站房主体工程验收.pdf', { note: '验收纪要', period: '2021-09' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/indicators/${MILESTONE}#evidence`);
    const list = (await (await ctx.app.request(`/api/indicators/${MILESTONE}/evidence`)).json()) as {
      evidence: {
        id: number;
        file_type: string;
        bytes: number;
        sha256: string;
        period: string;
        note: string;
        uploaded_by: string;
        url: string;
      }[];
    };
    expect(list.evidence).toHaveLength(1);
    const [item] = list.evidence;
    expect(item).toMatchObject({
      file_type: 'pdf',
      bytes: bytes.length,
      period: '2021-09-30',
      note: '验收纪要',
      uploaded_by: 'clerk',
    });
    // Kept beside the database under its sha256.
    expect(existsSync(path.join(ctx.dir, 'evidence', item?.sha256 ?? ''))).toBe(true);
    const download = await ctx.app.request(item?.url ?? '');
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(download.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="evidence\.pdf"; filename\*=UTF-8''/,
    );
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(download.headers.get('Content-Security-Policy')).toContain('sandbox');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // Listed on the indicator page and the task page, and in the audit trail.
    const page = await html(await ctx.app.request(`/indicators/${MILESTONE}`));
    expect(page.document.querySelector(`#evidence a[href="/evidence/${item?.id}"]`)?.textContent).toBe(
      '站房主体工程验收.pdf',
    );
    const task = await html(await ctx.app.request('/tasks/18'));
    expect(task.document.querySelector(`.evidence-list a[href="/evidence/${item?.id}"]`)).not.toBeNull();
    expect(await (await ctx.app.request('/admin/audit.csv?action=evidence')).text()).toContain(
      '站房主体工程验收.pdf',
    );
  });

  it('checks the content, not the name: an executable named .pdf, HTML, legacy .doc and a plain zip are refused', async () => {
    const before = readdirSync(path.join(ctx.dir, 'evidence')).length;
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);
    const cases: [Buffer, string, string][] = [
      [exe, '验收报告.pdf', '可执行程序'],
      [Buffer.from('<html><script>alert(1)</script></html>'), '照片.png', '无法识别'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '旧文档.doc', '.doc/.xls'],
      [zipOf({ 'readme.txt': 'hello' }), '资料.docx', '压缩包'],
      [
        zipOf({
          '[Content_Types].xml':
            '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        }),
        'a.docx',
        '含宏',
      ],
    ];
    for (const [bytes, name, message] of cases) {
      const res = await clerk.request(`/api/indicators/${MILESTONE}/evidence`, {
        method: 'POST',
        body: evidenceForm(bytes, name, {}, 'application/pdf'),
      });
      expect(res.status, name).toBe(422);
      expect(((await res.json()) as { error: string }).error, name).toContain(message);
    }
    expect(readdirSync(path.join(ctx.dir, 'evidence'))).toHaveLength(before);
    const list = (await (await ctx.app.request(`/api/indicators/${MILESTONE}/evidence`)).json()) as {
      evidence: unknown[];
    };
    expect(list.evidence).toHaveLength(1);
  });

  it('accepts Word and Excel documents and images, typed by content, and names them by what they are', async () => {
    expect(detectFileType(docx('会议纪要'))).toBe('docx');
    expect(detectFileType(await xlsxBytes())).toBe('xlsx');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectFileType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    const res = await ctx.app.request(`/api/indicators/${MILESTONE}/evidence`, {
      method: 'POST',
      body: evidenceForm(await xlsxBytes(), '进度表.pdf'),
    });
    expect(res.status).toBe(201);
    const item = (await res.json()) as { file_type: string; file_name: string; url: string };
    expect(item).toMatchObject({ file_type: 'xlsx', file_name: '进度表.xlsx' });
    const download = await ctx.app.request(item.url);
    expect(download.headers.get('Content-Type')).toContain('spreadsheetml');
  });

  it('refuses a file over the limit (413), outside the reporter’s departments or from a viewer (403)', async () => {
    const big = Buffer.concat([pdf(), Buffer.alloc(1100 * 1024)]);
    const over = await clerk.request(`/api/indicators/${MILESTONE}/evidence`, {
      method: 'POST',
      body: evidenceForm(big, 'big.pdf'),
    });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: string }).error).toContain('1 MB');
    const elsewhere = await clerk.request('/api/indicators/2021-T26-2/evidence', {
      method: 'POST',
      body: evidenceForm(pdf(), 'a.pdf'),
    });
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { error: string }).error).toContain('不在您账号的填报范围内');
    const leader = await ctx.as('leader', 'viewer');
    expect(
      (
        await leader.request(`/api/indicators/${MILESTONE}/evidence`, {
          method: 'POST',
          body: evidenceForm(pdf(), 'a.pdf'),
        })
      ).status,
    ).toBe(403);
    expect((await ctx.app.request('/evidence/999')).status).toBe(404);
  });
});

describe('accountability: comments (批示、说明) and read-only tokens', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
  });
  afterAll(async () => ctx.cleanup());

  const comment = (client: { request: Client['request'] }, code: string, kind: string, body: string) =>
    client.request(`/indicators/${code}/comments`, {
      method: 'POST',
      body: new URLSearchParams({ kind, body }),
    });

  it('takes a leader’s 批示 and a clerk’s 说明, each by role, and shows them on the page and in the briefing', async () => {
    const leader = await ctx.as('leader', 'viewer');
    const clerk = await ctx.as('clerk', 'reporter', ['省住房城乡建设厅']);
    const briefing = await html(await ctx.app.request('/briefing?asof=2021-10'));
    const code = briefing.$$('#behind tbody tr')[0]?.getAttribute('data-code') as string;
    expect(code).toBeDefined();
    expect((await comment(leader, code, 'instruction', '请加快进度，月底前报整改措施。')).status).toBe(303);
    expect((await comment(leader, code, 'explanation', '领导不写说明')).status).toBe(403);
    expect((await comment(clerk, code, 'instruction', '填报员不写批示')).status).toBe(403);
    expect((await comment(clerk, '2021-T26-2', 'explanation', '3月后系统改造，10月补报。')).status).toBe(303);
    expect((await comment(clerk, '2021-T53-1', 'explanation', '不是本单位的')).status).toBe(403);
    expect((await comment(ctx.app, code, 'explanation', '')).status).toBe(422);
    const page = await html(await ctx.app.request(`/indicators/${code}`));
    const shown = page.$$('#comments .comment').map((li) => li.textContent ?? '');
    expect(shown[0]).toContain('批示请加快进度，月底前报整改措施。leader');
    const rent = await html(await ctx.app.request('/indicators/2021-T26-2'));
    expect(rent.document.querySelector('#comments .comment-explanation')?.textContent).toContain('clerk');
    const after = await html(await ctx.app.request('/briefing?asof=2021-10'));
    expect(after.document.querySelector('#behind .briefing-comments')?.textContent).toContain('请加快进度');
  });

  it('gives a viewer a read-only token: it pulls /api/duban and snapshots and writes nothing', async () => {
    const viewer = await ctx.as('office', 'viewer');
    const user = (await ctx.store.all<{ id: number; username: string }>('auth/users')).find(
      (u) => u.username === 'office',
    );
    const res = await ctx.app.request(`/admin/users/${user?.id}/tokens`, {
      method: 'POST',
      body: new URLSearchParams({ label: '上级督查室' }),
    });
    expect(res.status).toBe(200);
    const token = /tz_[A-Za-z0-9_-]{20,}/.exec(await res.text())?.[0];
    expect(token).toBeDefined();
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await ctx.hono.request('/api/duban?asof=2021-10', { headers: bearer })).status).toBe(200);
    expect(
      (await ctx.hono.request('/api/snapshot?asof=2021-10&format=csv', { headers: bearer })).status,
    ).toBe(200);
    const before = await ctx.store.one('meta/counts');
    const upload = await ctx.hono.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T10-1,2021-11,40000\n',
      headers: { ...bearer, 'Content-Type': 'text/csv' },
    });
    expect(upload.status).toBe(403);
    expect(
      (
        await ctx.hono.request('/indicators/2021-T10-1/comments', {
          method: 'POST',
          body: new URLSearchParams({ kind: 'instruction', body: 'x' }),
          headers: bearer,
        })
      ).status,
    ).toBe(403);
    expect((await ctx.hono.request('/api/indicators?pending=1', { headers: bearer })).status).toBe(403);
    expect(await ctx.store.one('meta/counts')).toEqual(before);
    expect(viewer.session.username).toBe('office');
  });
});
