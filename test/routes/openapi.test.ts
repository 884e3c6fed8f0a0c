import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/store.js';

describe('routes: the API describes itself', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('lists every /api route in GET /api/openapi.json, readable without signing in', async () => {
    const res = await ctx.hono.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = new Set(
      ctx.hono.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(routes.size).toBeGreaterThan(3);
    expect([...routes].filter((r) => !described.has(r))).toEqual([]);
  });

  it('documents the shared query with its Chinese rules, and answers a bad one with the same words', async () => {
    const doc = (await (await ctx.hono.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const names = doc.paths['/indicators']?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['doc', 'asof', 'known', 'department', 'status', 'region']));
    const bad = await ctx.app.request('/api/indicators?asof=2021-13');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '统计月份“2021-13”无效，应写成 YYYY-MM，如 2021-10' });
  });

  it('takes several statuses at once', async () => {
    await ctx.app.request('/sample', { method: 'POST' });
    const both = (await (
      await ctx.app.request('/api/snapshot?asof=2021-10&format=json&status=滞后&status=严重滞后')
    ).json()) as {
      indicators: { status: string }[];
    };
    const comma = (await (
      await ctx.app.request('/api/snapshot?asof=2021-10&format=json&status=滞后,严重滞后')
    ).json()) as {
      indicators: { status: string }[];
    };
    expect(both.indicators.length).toBeGreaterThan(0);
    expect(new Set(both.indicators.map((i) => i.status))).toEqual(new Set(['滞后', '严重滞后']));
    expect(comma.indicators).toEqual(both.indicators);
  });
});
