import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/html.js';
import { seededApp } from '../helpers/store.js';

/** A multipart form like the upload page sends. */
function uploadForm(text: string, fields: Record<string, string> = {}, name = '填报.csv') {
  const form = new FormData();
  form.set('file', new File([text], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** The body as written, BOM kept (Response.text() would drop it). */
async function csvText(res: Response) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

describe('routes/uploads', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());
  const hx = { 'HX-Request': 'true' };

  it('shows the upload page with templates and an empty history that says what to do', async () => {
    const { $$, text } = await html(await ctx.app.request('/uploads'));
    expect($$('form.upload-form input[type=file]')).toHaveLength(1);
    expect($$('a[href="/templates/actuals.csv"]')).toHaveLength(1);
    expect(text).toContain('还没有上传记录');
  });

  it('previews an upload, commits it on confirmation, and lists it in the history', async () => {
    const first = await ctx.app.request('/uploads', {
      method: 'POST',
      body: uploadForm('指标编码,统计期,数值\n2021-T10-1,2021-06,2.9万\n2021-T10-2,2021-06,80000\n'),
      headers: hx,
    });
    expect(first.status).toBe(200);
    const preview = await html(first);
    expect(preview.text).not.toContain('<html');
    expect(preview.$$('.changes tbody tr')).toHaveLength(2);
    expect(preview.$$('.changes tbody tr')[0]?.textContent).toContain('2.9万');
    const token = preview.$$('form.confirm input[name=token]')[0]?.getAttribute('value');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    // Nothing is written before the confirmation.
    const before = (await (await ctx.app.request('/api/indicators/2021-T10-1/actuals')).json()) as {
      actuals: unknown[];
    };
    expect(before.actuals).toHaveLength(0);

    const commit = await ctx.app.request('/uploads/commit', {
      method: 'POST',
      body: new URLSearchParams({ token: token! }),
      headers: { ...hx, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(commit.status).toBe(200);
    const outcome = await html(commit);
    expect(outcome.text).toContain('新增 2 个');
    expect(outcome.$$('#upload-history-wrap[hx-swap-oob] tbody tr')).toHaveLength(1);

    const after = (await (await ctx.app.request('/api/indicators/2021-T10-1/actuals')).json()) as {
      actuals: { period: string; value: number; region: string; superseded_at: null }[];
    };
    expect(after.actuals).toMatchObject([
      { period: '2021-06-30', value: 29000, region: '全省', superseded_at: null },
    ]);

    // The same token cannot be committed twice.
    const again = await ctx.app.request('/uploads/commit', {
      method: 'POST',
      body: new URLSearchParams({ token: token! }),
      headers: { ...hx, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(again.status).toBe(410);
  });

  it('names the encoding of a UTF-16 file (Excel’s Unicode 文本) and of a workbook in the preview', async () => {
    const text = '指标编码\t统计期\t数值\r\n2021-T10-1\t2021-05\t1.5万\r\n';
    const form = new FormData();
    form.set(
      'file',
      new File([Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])], '台账.txt'),
    );
    const preview = await html(
      await ctx.app.request('/uploads', { method: 'POST', body: form, headers: hx }),
    );
    expect(preview.text).toContain('Unicode（UTF-16）');
    expect(preview.$$('.changes tbody tr')).toHaveLength(1);
  });

  it('records a rejected file in the history with a downloadable error report', async () => {
    const res = await ctx.app.request('/uploads', {
      method: 'POST',
      body: uploadForm('指标编码,统计期,数值\n2021-T99-1,2021-06,1\n', {}, '错误文件.csv'),
      headers: hx,
    });
    const preview = await html(res);
    expect(preview.$$('form.confirm')).toHaveLength(0);
    expect(preview.text).toContain('指标编码不存在');
    const link = preview.$$('a[href$="/problems.csv"]')[0]?.getAttribute('href');
    expect(link).toMatch(/^\/uploads\/\d+\/problems\.csv$/);
    const csv = await ctx.app.request(link!);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csvText(csv);
    expect(body.startsWith('\uFEFF行,列,类别')).toBe(true);
    expect(body).toContain('2021-T99-1');
    const list = await html(await ctx.app.request('/uploads'));
    expect(list.$$('#upload-history tbody tr .status-rejected').length).toBeGreaterThan(0);
  });

  it('refuses a bad option, a missing file and an over-size body with Chinese messages', async () => {
    const bad = await ctx.app.request('/uploads', {
      method: 'POST',
      body: uploadForm('x', { series: 'bogus' }),
      headers: hx,
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('数据类型“bogus”无效');
    const none = await ctx.app.request('/uploads', { method: 'POST', body: new FormData(), headers: hx });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('请选择要上传的 CSV 文件');
  });

  it('offers templates with every indicator code and name, as UTF-8 with BOM', async () => {
    const res = await ctx.app.request('/templates/actuals.csv');
    expect(res.status).toBe(200);
    const text = await csvText(res);
    expect(text.startsWith('\uFEFF指标编码,指标名称,统计期,数值')).toBe(true);
    // The month being reported is filled in: for a document of a year gone by, its December.
    expect(text).toContain('2021-T10-1,农民工向农技工转型培训,2021-12');
    const wide = await csvText(
      await ctx.app.request(`/templates/actuals-wide.csv?department=${encodeURIComponent('省交通厅')}`),
    );
    expect(wide.split('\r\n')[0]).toBe(
      '\uFEFF指标编码,指标名称,地区,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',
    );
    expect(wide).toContain('2021-T53-1');
    expect(wide).not.toContain('2021-T10-1');
    // 目标分解: each count indicator for each prefecture, 类型 = 目标, ready to fill and upload.
    const targets = await ctx.app.request('/templates/targets.csv');
    expect(targets.headers.get('content-disposition')).toContain(
      encodeURIComponent('2021年目标分解模板.csv'),
    );
    const rows = (await csvText(targets)).split('\r\n');
    expect(rows[0]).toBe('\uFEFF指标编码,指标名称,地区,类型,数值,单位,全省目标');
    expect(rows).toContain('2021-T53-1,完成客运班线改造,长春市,目标,,条,30');
    // The nine 市（州） and 长白山管委会, which Jilin's breakdowns list beside them.
    expect(rows.filter((r) => r.startsWith('2021-T53-1,'))).toHaveLength(10);
    expect(rows).toContain('2021-T53-1,完成客运班线改造,长白山管委会,目标,,条,30');
    expect(rows.some((r) => r.startsWith('2021-T1-1,'))).toBe(false);
  });

  it('names the month to report: the one before today within the document year', async () => {
    const { reportingMonth } = await import('../../src/ingest/template.js');
    expect(reportingMonth(2021, new Date('2021-07-15T00:00:00Z'))).toBe('2021-06');
    expect(reportingMonth(2021, new Date('2021-01-05T00:00:00Z'))).toBe('2021-01');
    expect(reportingMonth(2021, new Date('2020-11-05T00:00:00Z'))).toBe('2021-01');
    expect(reportingMonth(2021, new Date('2023-03-05T00:00:00Z'))).toBe('2021-12');
  });

  it('withdraws a committed upload; its values stay in the history but stop counting', async () => {
    const res = await ctx.app.request('/api/uploads?file_name=w.csv', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T53-1,2021-06,12\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { status: string; uploadId: number };
    expect(report.status).toBe('committed');
    const withdraw = await ctx.app.request(`/uploads/${report.uploadId}/withdraw`, {
      method: 'POST',
      body: new URLSearchParams({ reason: '重复报送', confirm: '1' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(withdraw.status).toBe(303);
    const page = await html(await ctx.app.request(`/uploads/${report.uploadId}`));
    expect(page.$$('.status-withdrawn')).toHaveLength(1);
    expect(page.document.querySelector('.withdraw-reason')?.textContent).toBe('撤回原因：重复报送');
    const history = (await (await ctx.app.request('/api/indicators/2021-T53-1/actuals')).json()) as {
      actuals: { value: number; superseded_at: string | null; withdrawn_at: string | null }[];
    };
    expect(history.actuals).toHaveLength(1);
    expect(history.actuals[0]?.superseded_at).not.toBeNull();
    const twice = await ctx.app.request(`/uploads/${report.uploadId}/withdraw`, {
      method: 'POST',
      body: new URLSearchParams({ reason: '再撤一次', confirm: '1' }),
    });
    expect(twice.status).toBe(409);
  });

  it('withdraws only when confirmed with a reason; a reporter only a batch of their own department', async () => {
    const res = await ctx.app.request('/api/uploads?file_name=r.csv', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T53-1,2021-07,13\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    const { uploadId } = (await res.json()) as { uploadId: number };
    const post = (client: { request: typeof ctx.app.request }, form: Record<string, string>) =>
      client.request(`/uploads/${uploadId}/withdraw`, { method: 'POST', body: new URLSearchParams(form) });
    const form = await html(await ctx.app.request(`/uploads/${uploadId}`));
    expect(form.document.querySelector('.withdraw-form input[name=reason]')?.hasAttribute('required')).toBe(
      true,
    );
    expect(form.document.querySelector('.withdraw-form input[name=confirm]')?.hasAttribute('required')).toBe(
      true,
    );
    expect((await post(ctx.app, { confirm: '1' })).status).toBe(422);
    expect((await post(ctx.app, { reason: '口径有误' })).status).toBe(422);
    const { indicators } = (await (await ctx.app.request('/api/indicators')).json()) as {
      indicators: { code: string; departments: string[] }[];
    };
    const ours = indicators.find((i) => i.code === '2021-T53-1')?.departments ?? [];
    const own = ours[0] ?? '';
    const elsewhere = indicators.flatMap((i) => i.departments).find((d) => !ours.includes(d)) ?? '';
    const other = await ctx.as('rep-other', 'reporter', [elsewhere]);
    const refused = await post(other, { reason: '口径有误', confirm: '1' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('不在您填报范围内');
    const mine = await ctx.as('rep-own', 'reporter', [own]);
    expect((await post(mine, { reason: '口径有误', confirm: '1' })).status).toBe(303);
  });

  it('answers the API with the JSON report: 422 for a rejected file, dry runs write nothing', async () => {
    const dry = await ctx.app.request('/api/uploads?dry_run=1', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T26-2,2021-06,4.3万\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      status: 'preview',
      counts: { new: 1 },
      changes: [{ value: 43000 }],
    });
    const bad = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T26-2,2021-06,很多\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      status: 'rejected',
      problems: [{ code: 'bad_number', line: 2, column: '数值' }],
    });
    const history = (await (await ctx.app.request('/api/indicators/2021-T26-2/actuals')).json()) as {
      actuals: unknown[];
    };
    expect(history.actuals).toHaveLength(0);
    const unknown = await ctx.app.request('/api/indicators/NOPE/actuals');
    expect(unknown.status).toBe(404);
  });

  it('enters a single value on the indicator page like a form: saved at once, the answer in place', async () => {
    const page = await html(await ctx.app.request('/indicators/2021-T56-1'));
    expect(page.$$('#entry form.entry-form')).toHaveLength(1);
    expect(page.text).toContain('尚未报送数据');
    const enter = (form: Record<string, string>) =>
      ctx.app.request('/indicators/2021-T56-1/values', {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { ...hx, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    const res = await enter({ period: '2021-06', value: '91.5%', region: '全省', note: '' });
    expect(res.status).toBe(200);
    const saved = await html(res);
    expect(saved.$$('.entry-outcome.notice-ok')[0]?.textContent).toContain(
      '已保存：全省 2021年6月 91.5%（新增）',
    );
    expect(saved.text).not.toContain('编码');
    const after = await html(await ctx.app.request('/indicators/2021-T56-1'));
    expect(after.$$('table.history tbody tr')).toHaveLength(1);
    const revised = await html(await enter({ period: '2021-06', value: '92%', region: '全省', note: '' }));
    expect(revised.$$('.entry-outcome')[0]?.textContent).toContain('（修订，原为 91.5%）');
    const same = await html(await enter({ period: '2021-06', value: '92%', region: '全省', note: '' }));
    expect(same.$$('.entry-outcome')[0]?.textContent).toBe('与已有数据相同，未做更改。');
    const wrong = await enter({ period: '2021-07', value: '九十', region: '全省' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('无法识别数值“九十”');
  });
});
