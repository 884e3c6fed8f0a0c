import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

describe('routes/pages', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());
  const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

  it('shows the whole document on the overview: 6 parts, 22 sections, 58 tasks with departments', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const { $$, document, text } = await html(res);
    expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect($$('.part-title')).toHaveLength(6);
    expect($$('.section-title')).toHaveLength(22);
    expect($$('article.task')).toHaveLength(58);
    for (const task of $$('article.task'))
      expect(task.querySelectorAll('.departments .chip').length).toBeGreaterThan(0);
    expect(document.querySelector('h1')?.textContent).toContain('吉林省2021年新型城镇化建设');
    expect($$('.part-title')[0]?.textContent).toBe('一、促进农业转移人口有序有效融入城市');
    expect($$('.section-title')[12]?.textContent).toBe('（十三）建设低碳绿色城市');
  });

  it('writes targets the way offices write them', async () => {
    const { document } = await html(await get('/'));
    const targets = (seq: number) =>
      [...document.querySelectorAll(`#task-${seq} .indicator-target`)].map((e) => e.textContent);
    expect(targets(10)).toEqual(['3.6万人以上', '12万人次以上']);
    expect(targets(26)).toEqual(['1.58万套', '8.6万户', '1,000套']);
    expect(targets(40)[0]).toBe('1,623个');
    expect(targets(53)).toEqual(['30条以上']);
    expect(targets(56)).toEqual(['90%以上']);
    expect(targets(1)).toEqual(['节点任务']);
  });

  it('filters by department through htmx, answering with the task list fragment only', async () => {
    const res = await get(`/?department=${encodeURIComponent('省交通运输厅')}`, { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    const { $$, text } = await html(res);
    expect(text).not.toContain('<html');
    expect($$('#task-tree')).toHaveLength(1);
    expect($$('article.task').map((e) => Number(e.getAttribute('data-task')))).toEqual([16, 18, 21, 53]);
  });

  it('accepts the short form of a department name people type', async () => {
    const { $$ } = await html(await get(`/?department=${encodeURIComponent('省交通厅')}`));
    expect($$('article.task')).toHaveLength(4);
    expect($$('.filters select[name=department] option[selected]')[0]?.getAttribute('value')).toBe(
      '省交通运输厅',
    );
  });

  it('filters tasks with a quantitative target apart from milestone tasks', async () => {
    const numeric = await html(await get('/?kind=numeric'));
    const milestone = await html(await get('/?kind=milestone'));
    // Task 23 has both a numeric target (80个小镇) and a milestone, so it is in both lists.
    expect(numeric.$$('article.task').length + milestone.$$('article.task').length).toBe(59);
    expect(numeric.$$('article.task').map((e) => e.getAttribute('data-task'))).toContain('10');
  });

  it('answers a bad filter with a Chinese message, not a stack trace', async () => {
    const res = await get('/?kind=bogus');
    expect(res.status).toBe(400);
    const { text } = await html(res);
    expect(text).toContain('任务类型“bogus”无效');
    expect(text).not.toMatch(/at \w+ \(/);
  });

  it('shows a task with its place in the document, departments and indicator table', async () => {
    const res = await get('/tasks/10');
    expect(res.status).toBe(200);
    const { $$, text } = await html(res);
    expect($$('.breadcrumb a').map((a) => a.textContent)).toEqual([
      '一、促进农业转移人口有序有效融入城市',
      '（三）提升农业转移人口技能素质',
    ]);
    expect($$('.departments .chip').map((a) => a.textContent)).toEqual(['省人力资源社会保障厅']);
    const rows = $$('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.querySelector('.num')?.textContent).toBe('3.6万人以上');
    expect(text).toContain('2021-T10-1');
    expect($$('.pager a').map((a) => a.getAttribute('href'))).toEqual(['/tasks/9', '/tasks/11']);
    // Before any report every indicator of the task says so, in the status column.
    expect(rows.map((r) => r.querySelector('.badge')?.textContent)).toEqual(['未报送', '未报送']);
  });

  it('answers an unknown task or page with 404 in Chinese', async () => {
    for (const path of ['/tasks/59', '/tasks/abc', '/tasks/-1', '/nowhere', '/departments/不存在的厅']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain('页面不存在');
    }
  });

  it('lists all 27 departments, each linking to its page', async () => {
    const { $$ } = await html(await get('/departments'));
    const links = $$('.department-grid a');
    expect(links).toHaveLength(27);
    expect(links[0]?.getAttribute('href')).toBe(`/departments/${encodeURIComponent('省公安厅')}`);
  });

  it('shows a department by its full or short name with its tasks', async () => {
    for (const name of ['省发展改革委', '省发改委']) {
      const res = await get(`/departments/${encodeURIComponent(name)}`);
      expect(res.status).toBe(200);
      const { document, $$ } = await html(res);
      expect(document.querySelector('h1')?.textContent).toBe('省发展改革委');
      expect($$('article.task').map((e) => e.getAttribute('data-task'))).toContain('13');
    }
  });

  it('serves htmx and the stylesheet itself, with ETag revalidation', async () => {
    const js = await get('/static/htmx.min.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('htmx');
    const etag = js.headers.get('etag')!;
    expect((await get('/static/htmx.min.js', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('/static/app.css')).status).toBe(200);
    const { text } = await html(await get('/'));
    expect(text).toContain('src="/static/htmx.min.js"');
    expect(text).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});

// Its own database: the pages above are read before any value is reported.
describe('pages with reported values', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());
  const get = (path: string) => ctx.app.request(path);

  it("gives the task page and the departments list each indicator's status as of the month", async () => {
    const csv = '指标编码,统计期,数值\n2021-T10-1,2021-10,30000\n';
    const up = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(up.status).toBe(200);
    const task = await html(await get('/tasks/10?asof=2021-10'));
    const first = task.$$('tbody tr')[0];
    expect(first?.textContent).toContain('3万人');
    expect(first?.textContent).toContain('83.3%');
    expect(first?.querySelector('.badge')?.textContent).toBe('正常');
    const list = await html(await get('/departments?asof=2021-10'));
    const hr = list.$$('.department-grid li').find((li) => li.textContent?.includes('省人力资源社会保障厅'));
    expect(hr?.querySelector('.department-status')?.textContent).toContain('正常 1');
    expect(list.document.querySelector('.lede')?.textContent).toContain('截至2021年10月');
  });
});
