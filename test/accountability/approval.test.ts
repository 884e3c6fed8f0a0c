import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { clientFor } from '../helpers/accounts.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;
type Client = Awaited<ReturnType<Ctx['as']>>;

const csv = (body: string) => ({ method: 'POST', body, headers: { 'Content-Type': 'text/csv' } });
const json = (body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json' },
});

/** The province's actual of one indicator as the API shows it (official unless the query says otherwise). */
async function actual(client: { request: Client['request'] }, code: string, query = '') {
  const res = await client.request(`/api/indicators?asof=2021-10${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { indicators: { code: string; actual: number | null }[] };
  return body.indicators.find((i) => i.code === code)?.actual ?? null;
}

describe('accountability: approval (TAIZHANG_APPROVAL=required)', () => {
  let ctx: Ctx;
  let clerk: Client;
  let leader: Client;
  let approved: number;
  let approvedAt: string;
  beforeAll(async () => {
    ctx = await seededApp({ TAIZHANG_APPROVAL: 'required' });
    clerk = await ctx.as('clerk', 'reporter', ['省交通运输厅']);
    leader = await ctx.as('leader', 'viewer');
    // An earlier official value, from an administrator: needs no approval.
    const official = await ctx.app.request(
      '/api/uploads?file_name=admin.csv',
      csv('指标编码,统计期,数值\n2021-T53-1,2021-09,9\n'),
    );
    expect(await official.json()).not.toHaveProperty('approval');
  });
  afterAll(async () => ctx.cleanup());

  it('does not count a reporter’s upload until it is approved; the pending view and the history show it', async () => {
    const res = await clerk.request(
      '/api/uploads?file_name=bus.csv',
      csv('指标编码,统计期,数值\n2021-T53-1,2021-10,12\n'),
    );
    expect(res.status).toBe(200);
    const report = (await res.json()) as { status: string; uploadId: number; approval: string };
    expect(report).toMatchObject({ status: 'committed', approval: 'pending' });
    approved = report.uploadId;
    // Official figures: the September value still counts.
    expect(await actual(ctx.app, '2021-T53-1')).toBe(9);
    const snapshot = (await (await ctx.app.request('/api/snapshot?asof=2021-10&format=json')).json()) as {
      indicators: { code: string; actual: number | null }[];
    };
    expect(snapshot.indicators.find((i) => i.code === '2021-T53-1')?.actual).toBe(9);
    // 含待审核数据, for its reporter and the administrators only.
    expect(await actual(clerk, '2021-T53-1', '&pending=1')).toBe(12);
    expect(await actual(ctx.app, '2021-T53-1', '&pending=1')).toBe(12);
    expect((await leader.request('/api/indicators?asof=2021-10&pending=1')).status).toBe(403);
    expect((await leader.request('/?pending=1')).status).toBe(403);
    const overview = await html(await clerk.request('/?asof=2021-10&pending=1'));
    expect(overview.document.querySelector('.notice-pending')?.textContent).toContain('含待审核数据');
    const indicator = await html(await ctx.app.request('/indicators/2021-T53-1?asof=2021-10'));
    expect(indicator.document.querySelector('a[href$="pending=1"]')?.textContent).toBe('含待审核数据');
    const history = (await (await ctx.app.request('/api/indicators/2021-T53-1/actuals')).json()) as {
      actuals: {
        period: string;
        needs_approval: boolean;
        review: string | null;
        superseded_at: string | null;
      }[];
    };
    expect(history.actuals.find((a) => a.period === '2021-10-31')).toMatchObject({
      needs_approval: true,
      review: null,
      superseded_at: null,
    });
    const page = await html(await clerk.request(`/uploads/${approved}`));
    expect(page.document.querySelector('#review')?.textContent).toContain('待审核');
  });

  it('never lets a reporter or a viewer approve', async () => {
    for (const client of [clerk, leader]) {
      expect((await client.request(`/api/uploads/${approved}/approve`, { method: 'POST' })).status).toBe(403);
      expect((await client.request(`/uploads/${approved}/approve`, { method: 'POST' })).status).toBe(403);
      expect((await client.request(`/api/uploads/${approved}/reject`, json({ reason: 'x' }))).status).toBe(
        403,
      );
    }
    expect(await actual(ctx.app, '2021-T53-1')).toBe(9);
  });

  it('counts it from its approval on, and not before, as known at a time (bitemporal)', async () => {
    const res = await ctx.app.request(`/api/uploads/${approved}/approve`, { method: 'POST' });
    expect(res.status).toBe(200);
    const decision = (await res.json()) as { decision: string; decided_at: string; decided_by: string };
    expect(decision).toMatchObject({ decision: 'approved', decided_by: 'admin' });
    approvedAt = decision.decided_at;
    expect(await actual(ctx.app, '2021-T53-1')).toBe(12);
    const before = new Date(new Date(approvedAt).getTime() - 1).toISOString();
    expect(await actual(ctx.app, '2021-T53-1', `&known=${encodeURIComponent(before)}`)).toBe(9);
    // (DuckDB keeps microseconds, the JSON milliseconds: a millisecond later is surely after.)
    const after = new Date(new Date(approvedAt).getTime() + 1).toISOString();
    expect(await actual(ctx.app, '2021-T53-1', `&known=${encodeURIComponent(after)}`)).toBe(12);
    // Decided once.
    expect((await ctx.app.request(`/api/uploads/${approved}/approve`, { method: 'POST' })).status).toBe(409);
    const history = (await (await ctx.app.request('/api/indicators/2021-T53-1/actuals')).json()) as {
      actuals: { period: string; review: string | null; reviewed_by: string | null; counts_from: string }[];
    };
    expect(history.actuals.find((a) => a.period === '2021-10-31')).toMatchObject({
      review: 'approved',
      reviewed_by: 'admin',
    });
    const counted = history.actuals.find((a) => a.period === '2021-10-31')?.counts_from ?? '';
    expect(Math.abs(new Date(counted).getTime() - new Date(approvedAt).getTime())).toBeLessThan(2);
  });

  it('never counts a rejected upload, and shows the reason to the reporter', async () => {
    const res = await clerk.request(
      '/api/uploads?file_name=bad.csv',
      csv('指标编码,统计期,数值\n2021-T53-1,2021-10,30\n'),
    );
    const { uploadId } = (await res.json()) as { uploadId: number };
    expect((await ctx.app.request(`/api/uploads/${uploadId}/reject`, json({ reason: '' }))).status).toBe(422);
    const rejected = await ctx.app.request(
      `/api/uploads/${uploadId}/reject`,
      json({ reason: '10月数与统计局快报不符' }),
    );
    expect(rejected.status).toBe(200);
    expect(await actual(ctx.app, '2021-T53-1')).toBe(12);
    expect(await actual(ctx.app, '2021-T53-1', '&pending=1')).toBe(12);
    expect((await ctx.app.request(`/api/uploads/${uploadId}/approve`, { method: 'POST' })).status).toBe(409);
    const page = await html(await clerk.request(`/uploads/${uploadId}`));
    expect(page.document.querySelector('.review-reason')?.textContent).toContain(
      '驳回原因：10月数与统计局快报不符',
    );
    const list = await html(await clerk.request('/uploads'));
    expect(list.document.querySelector(`#reviews li[data-upload="${uploadId}"]`)?.textContent).toContain(
      '10月数与统计局快报不符',
    );
    // The same file may be sent again once rejected (a waiting or counting one would be a duplicate).
    const again = await clerk.request(
      '/api/uploads?file_name=bad-again.csv',
      csv('指标编码,统计期,数值\n2021-T53-1,2021-10,30\n'),
    );
    const resent = (await again.json()) as { status: string; uploadId: number };
    expect(resent.status).toBe('committed');
    const twice = await clerk.request('/api/uploads', csv('指标编码,统计期,数值\n2021-T53-1,2021-10,30\n'));
    expect(((await twice.json()) as { status: string }).status).toBe('duplicate');
    await ctx.app.request(`/api/uploads/${resent.uploadId}/reject`, json({ reason: '仍不符' }));
    // In the history it stopped (as a withdrawal does) when it was rejected.
    const history = (await (await ctx.app.request('/api/indicators/2021-T53-1/actuals')).json()) as {
      actuals: {
        upload_id: number;
        review: string | null;
        superseded_at: string | null;
        counts_from: string | null;
      }[];
    };
    const row = history.actuals.find((a) => a.upload_id === uploadId);
    expect(row).toMatchObject({ review: 'rejected', counts_from: null });
    expect(row?.superseded_at).not.toBeNull();
    const audit = await (await ctx.app.request('/admin/audit.csv?action=upload')).text();
    expect(audit).toContain('审核通过');
    expect(audit).toContain('审核驳回');
  });

  it('keeps an upload that needed approval waiting when the setting is turned off later', async () => {
    const res = await clerk.request(
      '/api/uploads?file_name=nov.csv',
      csv('指标编码,统计期,数值\n2021-T53-1,2021-10,14\n'),
    );
    const { uploadId } = (await res.json()) as { uploadId: number };
    const off = clientFor(
      createApp({ store: ctx.store, config: loadConfig({ TAIZHANG_DB: ctx.file }) }),
      ctx.admin,
    );
    expect(await actual(off, '2021-T53-1')).toBe(12);
    // And a frozen snapshot records which uploads had been approved, and which were waiting.
    const frozen = await off.request('/snapshots', {
      method: 'POST',
      body: new URLSearchParams({ asof: '2021-10' }),
    });
    expect(frozen.status).toBe(303);
    const id = frozen.headers.get('Location')?.split('/').pop();
    const snapshots = await ctx.store.all<{ id: number; manifest: string }>('snapshots/list');
    const manifest = JSON.parse(snapshots.find((s) => String(s.id) === id)?.manifest ?? '{}');
    expect(manifest.approval.approved.map((a: { upload: number }) => a.upload)).toEqual([approved]);
    expect(manifest.approval.pending).toEqual([uploadId]);
    expect(manifest.approval.rejected).toHaveLength(2);
  });

  it('shows a waiting upload in the pending view at once, never a kept older rendering of it', async () => {
    // Neither has written anything, so the page cache would serve them a kept answer if it had one.
    const boss = await ctx.as('boss', 'admin');
    const second = await ctx.as('second', 'reporter', ['省交通运输厅']);
    expect(await actual(boss, '2021-T53-1', '&pending=1')).toBe(14);
    const res = await second.request(
      '/api/uploads?file_name=dec.csv',
      csv('指标编码,统计期,数值\n2021-T53-1,2021-10,16\n'),
    );
    expect(res.status).toBe(200);
    expect(await actual(boss, '2021-T53-1', '&pending=1')).toBe(16);
    expect(await actual(boss, '2021-T53-1')).toBe(12);
  });

  it('shows a reporter the waiting values of their own departments only', async () => {
    const other = await ctx.as('other', 'reporter', ['省住房城乡建设厅']);
    // The bus lines are 省交通运输厅's: another department's reporter sees the official figure.
    expect(await actual(other, '2021-T53-1', '&pending=1')).toBe(12);
    expect(await actual(clerk, '2021-T53-1', '&pending=1')).toBe(16);
    expect((await other.request('/indicators/2021-T53-1?asof=2021-10&pending=1')).status).toBe(200);
    const duban = (await (await other.request('/api/duban?asof=2021-10&pending=1')).json()) as {
      rows: { code: string; actual: number | null }[];
    };
    const bus = duban.rows.find((r) => r.code === '2021-T53-1');
    if (bus) expect(bus.actual).toBe(12);
  });
});
