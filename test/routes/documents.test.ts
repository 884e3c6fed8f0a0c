import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDocx } from '../catalog/render.js';
import { CITY_2023 } from '../helpers/documents.js';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

const fileForm = (bytes: Uint8Array | string, name: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};

const formBody = (fields: Record<string, string>) => new URLSearchParams(fields);

interface Catalogue {
  document: { id: string; title: string; year: number };
  tasks: {
    seq: number;
    departments: string[];
    indicators: { code: string; name: string; value: number | null; unit: string | null }[];
  }[];
  doubts: { kind: string; seq: number | null }[];
}

describe('routes/documents', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp({ TAIZHANG_UPLOAD_LIMIT_MB: '1' });
  });
  afterAll(async () => ctx.cleanup());
  const hx = { 'HX-Request': 'true' };
  const get = async (id: string) =>
    (await (await ctx.app.request(`/api/documents/${id}`)).json()) as Catalogue;

  it('turns an uploaded .docx into a draft that no public page or API shows', async () => {
    const res = await ctx.app.request('/api/documents', {
      method: 'POST',
      body: fileForm(await toDocx(CITY_2023), 'city-2023.docx'),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      id: string;
      state: string;
      counts: Record<string, number>;
      doubts: Catalogue['doubts'];
    };
    expect(body).toMatchObject({
      id: 'city-2023',
      state: 'draft',
      counts: { parts: 2, tasks: 4, indicators: 5, doubts: 1 },
    });
    expect(body.doubts[0]).toMatchObject({ kind: 'department', seq: 2 });

    const overview = await ctx.app.request('/');
    expect(await overview.text()).not.toContain('某市2023年城市更新重点任务');
    expect((await ctx.app.request('/?doc=city-2023')).status).toBe(404);
    const api = (await (await ctx.app.request('/api/indicators')).json()) as {
      indicators: { code: string }[];
    };
    expect(api.indicators.some((i) => i.code.startsWith('2023-'))).toBe(false);
    expect((await ctx.app.request('/api/indicators/2023-T1-1/actuals')).status).toBe(404);
  });

  it('shows the doubts first, then each task with its targets marked in its text', async () => {
    const { $, $$ } = await html(await ctx.app.request('/documents/city-2023'));
    expect($('#doubts')?.textContent).toContain('第2项任务没有找到责任单位');
    const doubts = $('#doubts');
    const firstTask = $('#task-1');
    expect(doubts && firstTask && doubts.compareDocumentPosition(firstTask) & 4).toBeTruthy();
    expect($$('#task-1 mark.target-source').map((m) => m.textContent)).toEqual(['1200个', '3000个']);
    expect($('#task-2 input[name=departments]')?.getAttribute('class')).toBe('missing');
    expect($$('#task-1 form.indicator-form input[name=name]').map((i) => i.getAttribute('value'))).toContain(
      '改造老旧小区',
    );
    expect($$('#department-names option').length).toBeGreaterThan(10);
  });

  it('corrects a target and a department in place, keeping codes, and records who changed what', async () => {
    const target = await ctx.app.request('/documents/city-2023/indicators/2023-T1-1', {
      method: 'POST',
      headers: hx,
      body: formBody({
        name: '改造城镇老旧小区',
        value: '1,250',
        unit: '个',
        comparator: '>=',
        deadline: '2023-12-31',
        kind: 'count',
        source: '1200个',
      }),
    });
    expect(target.status).toBe(200);
    const fragment = await html(target);
    expect(fragment.$('article#task-1')).toBeTruthy();
    expect(fragment.text).not.toContain('<html');
    expect(fragment.$('#task-1 input[name=value]')?.getAttribute('value')).toBe('1250');

    const department = await ctx.app.request('/documents/city-2023/tasks/2', {
      method: 'POST',
      headers: hx,
      body: formBody({ departments: '市园林局、省发改委', mode: 'lead', lead: '' }),
    });
    expect(department.status).toBe(200);

    const catalogue = await get('city-2023');
    const [t1, t2] = catalogue.tasks;
    expect(t1?.indicators.map((i) => [i.code, i.name, i.value])).toEqual([
      ['2023-T1-1', '改造城镇老旧小区', 1250],
      ['2023-T1-2', '新建停车位', 3000],
    ]);
    // The alias table's full name for a short form.
    expect(t2?.departments).toEqual(['市园林局', '省发展改革委']);

    const page = await html(await ctx.app.request('/documents/city-2023'));
    const history = page.$('#edit-history')?.textContent ?? '';
    expect(history).toContain('1200 → 1250');
    expect(history).toContain('（空） → 市园林局、省发展改革委');
    expect(history).toContain('admin');
    expect(page.$('#doubts .doubt.settled')).toBeTruthy();
  });

  it('adds a target with a new code and removes one, never reusing a code', async () => {
    const add = await ctx.app.request('/documents/city-2023/tasks/1/indicators', {
      method: 'POST',
      headers: hx,
      body: formBody({
        name: '新建停车位（地下）',
        value: '0.1万',
        unit: '个',
        comparator: '>=',
        deadline: '2023-12-31',
        kind: 'count',
        source: '新建停车位3000个',
      }),
    });
    expect(add.status).toBe(200);
    await ctx.app.request('/documents/city-2023/indicators/2023-T1-3/remove', {
      method: 'POST',
      headers: hx,
    });
    await ctx.app.request('/documents/city-2023/tasks/1/indicators', {
      method: 'POST',
      headers: hx,
      body: formBody({
        name: '小区整治',
        value: '',
        unit: '',
        comparator: '=',
        deadline: '2023-10-31',
        kind: 'milestone',
      }),
    });
    const codes = (await get('city-2023')).tasks[0]?.indicators.map((i) => [i.code, i.value]);
    // 2023-T1-3 was only ever in the draft, never published: the next free number is taken again.
    expect(codes).toEqual([
      ['2023-T1-1', 1250],
      ['2023-T1-2', 3000],
      ['2023-T1-3', null],
    ]);
  });

  it('answers a form that cannot be accepted with a Chinese message in #flash', async () => {
    const res = await ctx.app.request('/documents/city-2023/indicators/2023-T1-1', {
      method: 'POST',
      headers: hx,
      body: formBody({
        name: '改造',
        value: '许多',
        unit: '个',
        comparator: '>=',
        deadline: '2023-12-31',
        kind: 'count',
      }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('HX-Retarget')).toBe('#flash');
    expect(await res.text()).toContain('数值“许多”无效，应为数字');
  });

  it('refuses impossible input with a clear error, never a 500', async () => {
    const fields = {
      name: '改造',
      value: '1',
      unit: '个',
      comparator: '>=',
      deadline: '2023-12-31',
      kind: 'count',
    };
    const cases: [string, Record<string, string>, number][] = [
      ['/documents/city-2023/indicators/2023-T1-1', { ...fields, deadline: '2023-02-30' }, 422],
      ['/documents/city-2023/indicators/2023-T1-1', { ...fields, kind: 'many' }, 422],
      ['/documents/city-2023/indicators/2023-T1-1', { ...fields, value: '' }, 422],
      ['/documents/city-2023/indicators/2023-T1-1', { ...fields, name: 'x'.repeat(200) }, 422],
      ['/documents/city-2023/indicators/2099-T1-1', fields, 404],
      ['/documents/no-such/indicators/2023-T1-1', fields, 404],
      ['/documents/city-2023/tasks/99', { departments: '市住建局', mode: 'sole' }, 404],
      ['/documents/city-2023/tasks/1', { departments: '、 ,', mode: 'sole' }, 422],
      ['/documents/../etc/publish', {}, 404],
    ];
    for (const [url, body, status] of cases) {
      const res = await ctx.app.request(url, { method: 'POST', headers: hx, body: formBody(body) });
      expect(res.status, `${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(status);
    }
    expect(ctx.errors).toEqual([]);
  });

  it('publishes the draft: the overview and API show it by default, the earlier edition by doc=', async () => {
    const res = await ctx.app.request('/api/documents/city-2023/publish', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'published', counts: { tasks: 4 } });
    const overview = await ctx.app.request('/');
    expect(await overview.text()).toContain('某市2023年城市更新重点任务');
    const api = (await (await ctx.app.request('/api/indicators')).json()) as {
      indicators: { code: string; name: string; target: number; departments: string[] }[];
    };
    expect(api.indicators.find((i) => i.code === '2023-T1-1')).toMatchObject({
      name: '改造城镇老旧小区',
      target: 1250,
    });
    expect(api.indicators.find((i) => i.code === '2023-T2-1')?.departments).toEqual([
      '市园林局',
      '省发展改革委',
    ]);
    const jilin = await ctx.app.request('/?doc=jilin-2021-new-urbanization-key-tasks');
    expect(jilin.status).toBe(200);
    expect((await ctx.app.request('/api/documents/city-2023/publish', { method: 'POST' })).status).toBe(409);
  });

  it('keeps every unchanged code and the reviewed names when the document is uploaded again', async () => {
    const changed = CITY_2023.replace('新增学位8000个', '新增学位9000个');
    const res = await ctx.app.request('/api/documents', {
      method: 'POST',
      body: fileForm(changed, 'city-2023.txt'),
    });
    expect(res.status).toBe(200);
    const catalogue = await get('city-2023');
    expect(catalogue.tasks[0]?.indicators[0]).toMatchObject({ code: '2023-T1-1', name: '改造城镇老旧小区' });
    expect(catalogue.tasks[2]?.indicators[0]?.code).toBe('2023-T3-1');
    // The changed target is new: it gets a code of its own, the old one is retired on publication.
    expect(catalogue.tasks[3]?.indicators.map((i) => [i.code, i.value])).toEqual([['2023-T4-2', 9000]]);
    // Still the published edition until this draft is published.
    const api = (await (await ctx.app.request('/api/indicators')).json()) as {
      indicators: { code: string }[];
    };
    expect(api.indicators.map((i) => i.code)).toContain('2023-T4-1');
  });

  it('downloads the catalogue JSON and takes it back by PUT, refusing one for another document', async () => {
    const download = await ctx.app.request('/documents/city-2023/catalog.json');
    expect(download.headers.get('Content-Disposition')).toContain('city-2023.catalog.json');
    const catalogue = (await download.json()) as Catalogue;
    const first = catalogue.tasks[0]?.indicators[0];
    if (first) first.name = '老旧小区改造';
    const put = await ctx.app.request('/api/documents/city-2023', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(catalogue),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await put.json()).toEqual({ id: 'city-2023', state: 'draft', changes: 1 });
    expect((await get('city-2023')).tasks[0]?.indicators[0]?.name).toBe('老旧小区改造');

    const wrong = await ctx.app.request('/api/documents/other-doc', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(catalogue),
    });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: string }).error).toContain('不一致');

    // The same JSON through the page's upload form: a draft again, nothing parsed.
    const upload = await ctx.app.request('/documents', {
      method: 'POST',
      body: fileForm(JSON.stringify(catalogue), 'city-2023.catalog.json'),
    });
    expect(upload.status).toBe(303);
    expect(upload.headers.get('Location')).toBe('/documents/city-2023');
  });

  it('gives a second document of the same year codes of its own', async () => {
    const text = readFileSync('seeds/jilin-2021-new-urbanization-key-tasks.txt');
    const res = await ctx.app.request('/api/documents?id=jilin-copy', {
      method: 'POST',
      body: fileForm(new Uint8Array(text), 'copy.txt'),
    });
    expect(res.status).toBe(200);
    const codes = (await get('jilin-copy')).tasks.flatMap((t) => t.indicators.map((i) => i.code));
    expect(codes[0]).toMatch(/^2021B-T1-/);
    // Uploaded again, it keeps its codes; a third document of 2021 avoids the draft's prefix too.
    await ctx.app.request('/api/documents?id=jilin-copy', {
      method: 'POST',
      body: fileForm(new Uint8Array(text), 'copy.txt'),
    });
    expect((await get('jilin-copy')).tasks.flatMap((t) => t.indicators.map((i) => i.code))).toEqual(codes);
    await ctx.app.request('/api/documents?id=jilin-third', {
      method: 'POST',
      body: fileForm(new Uint8Array(text), 'third.txt'),
    });
    expect((await get('jilin-third')).tasks[0]?.indicators[0]?.code).toMatch(/^2021C-T1-/);
    expect((await ctx.app.request('/api/indicators/2021-T10-1/actuals')).status).toBe(200);
  });

  it('refuses unreadable files in Chinese, on the page and in the API', async () => {
    const binary = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(600).fill(0),
    ]);
    const api = await ctx.app.request('/api/documents', {
      method: 'POST',
      body: fileForm(binary, 'old.doc'),
    });
    expect(api.status).toBe(422);
    expect(((await api.json()) as { error: string }).error).toMatch(/^无法读取“old\.doc”：.*\.doc/);

    const page = await ctx.app.request('/documents', {
      method: 'POST',
      headers: hx,
      body: fileForm('这不是重点任务文件，只是一段话。', 'note.txt'),
    });
    expect(page.status).toBe(422);
    expect(page.headers.get('HX-Retarget')).toBe('#flash');
    expect(await page.text()).toContain('没有找到编号的任务');

    const big = await ctx.app.request('/api/documents', {
      method: 'POST',
      body: fileForm(new Uint8Array(2 * 1024 * 1024), 'big.pdf'),
      headers: { 'Content-Length': String(2 * 1024 * 1024 + 300) },
    });
    expect(big.status).toBe(413);
  });

  it('reviews the indicators of a goal paragraph beside the tasks', async () => {
    const text = readFileSync('test/catalog/fixtures/documents/action-plan.txt');
    const res = await ctx.app.request('/api/documents', {
      method: 'POST',
      body: fileForm(new Uint8Array(text), 'action-plan.txt'),
    });
    expect(res.status).toBe(200);
    const page = await html(await ctx.app.request('/documents/action-plan'));
    expect(page.$('#goal-2')?.textContent).toContain('工作目标');
    expect(page.$$('#goal-2 mark.target-source').length).toBeGreaterThan(0);
    // city-2023 took the 2023 codes first: this document's are its own.
    const code = page.$('#goal-2 .indicator-code')?.textContent ?? '';
    expect(code).toBe('2023B-G2-1');
    const edit = await ctx.app.request(`/documents/action-plan/indicators/${code}`, {
      method: 'POST',
      headers: hx,
      body: formBody({
        name: '农村卫生厕所普及率',
        value: '70',
        unit: '%',
        comparator: '>=',
        deadline: '2025-12-31',
        kind: 'coverage',
      }),
    });
    expect(edit.status).toBe(200);
    const fragment = await html(edit);
    expect(fragment.$('article#goal-2 input[name=name]')?.getAttribute('value')).toBe('农村卫生厕所普及率');
  });

  it('refuses to publish a draft with a task that has no department, saying which', async () => {
    const up = await ctx.app.request('/api/documents?id=city-2023-b', {
      method: 'POST',
      body: fileForm(CITY_2023, 'city.txt'),
    });
    expect(up.status).toBe(200);
    const res = await ctx.app.request('/documents/city-2023-b/publish', { method: 'POST', headers: hx });
    expect(res.status).toBe(422);
    expect(res.headers.get('HX-Retarget')).toBe('#flash');
    expect(await res.text()).toContain('第 2 项任务还没有责任单位');
    expect((await ctx.app.request('/?doc=city-2023-b')).status).toBe(404);
  });

  it('is for administrators only', async () => {
    const reporter = await ctx.as('reporter1', 'reporter');
    expect((await reporter.request('/documents')).status).toBe(403);
    expect((await reporter.request('/api/documents/city-2023')).status).toBe(403);
    expect((await ctx.hono.request('/documents/city-2023')).status).not.toBe(200);
  });

  it('lists the seeded document as published beside the uploaded ones', async () => {
    const { $$ } = await html(await ctx.app.request('/documents'));
    const rows = $$('#documents tbody tr').map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(6);
    expect(
      rows.some((r) => r.includes('jilin-2021-new-urbanization-key-tasks') && r.includes('已发布')),
    ).toBe(true);
    expect(rows.some((r) => r.includes('city-2023') && r.includes('草稿'))).toBe(true);
  });
});
