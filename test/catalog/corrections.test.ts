import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, readCatalogFile } from '../../src/catalog/load.js';
import { listAudit } from '../../src/store/audit.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

const CATALOG = 'seeds/jilin-2021-new-urbanization-key-tasks.catalog.json';

type Indicator = { code: string; target: number; unit: string; deadline: string };

describe('catalog: an administrator corrects an indicator', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  const indicator = async (code: string) =>
    (
      (await (await ctx.app.request('/api/indicators')).json()) as { indicators: Indicator[] }
    ).indicators.find((i) => i.code === code);
  const correct = (code: string, fields: Record<string, string>) =>
    ctx.app.request(`/admin/indicators/${code}`, { method: 'POST', body: new URLSearchParams(fields) });

  it('records the old and new target with the reason, shows it, and keeps it over a catalogue reload', async () => {
    expect((await indicator('2021-T10-1'))?.target).toBe(36000);
    expect(
      (await correct('2021-T10-1', { target: '40000', unit: '人', deadline: '2021-12-31' })).status,
    ).toBe(422);
    const res = await correct('2021-T10-1', {
      target: '40,000',
      unit: '人',
      deadline: '2021-11-30',
      reason: '按更正通知',
    });
    expect(res.status).toBe(303);
    expect(await indicator('2021-T10-1')).toMatchObject({ target: 40000, deadline: '2021-11-30' });

    const page = await html(await ctx.app.request('/indicators/2021-T10-1'));
    const rows = page.$$('#correction-history tbody tr').map((tr) => tr.textContent);
    expect(rows).toHaveLength(2);
    expect(rows.join('|')).toContain('36000 → 40000');
    expect(rows.join('|')).toContain('按更正通知');
    const [event] = await listAudit(ctx.store, {
      actor: null,
      action: 'indicator',
      from: null,
      to: null,
      limit: 5,
    });
    expect(event?.actor).toBe('admin');
    expect(JSON.parse(event?.detail ?? '{}')).toMatchObject({
      old: { target: '36000' },
      new: { target: '40000' },
    });

    // A corrected catalogue file is loaded again: the correction still stands.
    const { catalog } = readCatalogFile(CATALOG);
    expect((await loadCatalog(ctx.store, catalog, 'a-changed-file')).changed).toBe(true);
    expect(await indicator('2021-T10-1')).toMatchObject({ target: 40000, deadline: '2021-11-30' });
  });

  it('retires an indicator: uploads for it are refused, its history stays, and it can be restored', async () => {
    const upload = (value: number) =>
      ctx.app.request('/api/uploads', {
        method: 'POST',
        body: `指标编码,统计期,数值\n2021-T26-2,2021-06,${value}\n`,
        headers: { 'Content-Type': 'text/csv' },
      });
    expect((await upload(40000)).status).toBe(200);
    expect((await correct('2021-T26-2', { retired: '1', reason: '任务调整' })).status).toBe(303);
    const refused = (await (await upload(41000)).json()) as { problems: { code: string }[] };
    expect(refused.problems.map((p) => p.code)).toContain('retired_indicator');
    const history = (await (await ctx.app.request('/api/indicators/2021-T26-2/actuals')).json()) as {
      actuals: unknown[];
    };
    expect(history.actuals).toHaveLength(1);
    expect((await correct('2021-T26-2', { reason: '恢复' })).status).toBe(303);
    expect((await upload(42000)).status).toBe(200);
  });

  it('refuses what is not a correction, in Chinese', async () => {
    for (const [fields, message] of [
      [{ target: '-5', reason: 'x' }, '应为正数'],
      [{ deadline: '2035-01-31', reason: 'x' }, '2021年 至 2031年'],
      [{ deadline: '2021-02-30', reason: 'x' }, 'YYYY-MM-DD'],
      [{ unit: '<b>', reason: 'x' }, '单位'],
    ] as const) {
      const res = await correct('2021-T10-2', fields);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect((await correct('2099-T1-1', { target: '1', reason: 'x' })).status).toBe(422);
    const viewer = await ctx.as('leader', 'viewer');
    expect(
      (
        await viewer.request('/admin/indicators/2021-T10-2', {
          method: 'POST',
          body: new URLSearchParams({ target: '1', reason: 'x' }),
        })
      ).status,
    ).toBe(403);
  });
});
