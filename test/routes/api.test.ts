import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/store.js';

describe('routes/api and health', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('GET /healthz says ok with the data version', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', dataVersion: 1 });
  });

  it('GET /api/indicators returns every indicator with its target and departments', async () => {
    const res = await ctx.app.request('/api/indicators');
    expect(res.status).toBe(200);
    const { indicators } = (await res.json()) as { indicators: Record<string, unknown>[] };
    const tasks = new Set(indicators.map((i) => i.task_seq));
    expect(tasks.size).toBe(58);
    expect(indicators.find((i) => i.code === '2021-T10-1')).toMatchObject({
      name: '农民工向农技工转型培训',
      target: 36000,
      unit: '人',
      comparator: '>=',
      deadline: '2021-12-31',
      kind: 'count',
      departments: ['省人力资源社会保障厅'],
    });
    expect(indicators.find((i) => i.code === '2021-T56-1')).toMatchObject({
      target: 90,
      unit: '%',
      kind: 'level',
    });
  });

  it('answers an unknown API path with JSON, not HTML', async () => {
    const res = await ctx.app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toHaveProperty('error');
  });
});
