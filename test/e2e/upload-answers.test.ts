import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionHeaders, signIn } from '../helpers/accounts.js';
import { browserSuite, OUTPUT_DIR } from '../helpers/browser.js';
import { writeFixture } from '../helpers/ingest.js';

/** Every answer to an upload reaches the page where the clerk is looking (#flash or the result). */
describe('e2e/upload-answers', () => {
  const suite = browserSuite(undefined, { TAIZHANG_UPLOAD_LIMIT_MB: '1' });

  const open = async (session = suite.server.admin) => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } }, session);
    await page.goto(`${suite.server.url}/uploads`);
    await page.waitForFunction(() => 'htmx' in window);
    return page;
  };
  const send = async (page: Awaited<ReturnType<typeof open>>, file: string) => {
    await page.setInputFiles('input[type=file]', file);
    await page.click('form.upload-form button[type=submit]');
    return page;
  };
  const upload = async (file: string) => send(await open(), file);
  const small = () =>
    writeFixture(suite.server.dir, '6月.csv', '指标编码,统计期,数值\n2021-T26-2,2021-06,1\n');

  it('shows the message for an empty file', async () => {
    const page = await upload(writeFixture(suite.server.dir, '空.csv', ''));
    const message = page.locator('#flash .error-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('文件不能为空');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'upload-empty.png') });
    await page.close();
  });

  it('shows the 413 the server sends, before reading the body, for a file over the limit', async () => {
    const big = writeFixture(
      suite.server.dir,
      '大.csv',
      `指标编码,统计期,数值\n${'2021-T26-2,2021-06,1\n'.repeat(100_000)}`,
    );
    const page = await upload(big);
    const message = page.locator('#flash .error-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('文件超过 1 MB 的上限');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'upload-too-large.png') });
    await page.close();
  });

  it('says so when the session ended while the page was open, with a link to sign in and come back', async () => {
    const clerk = await signIn(suite.server.store, 'clerk', 'reporter');
    const page = await open(clerk);
    const out = await fetch(`${suite.server.url}/logout`, {
      method: 'POST',
      headers: sessionHeaders(clerk, suite.server.url),
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    await send(page, small());
    const message = page.locator('#flash .error-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('登录已过期');
    expect(await page.locator('#flash .error-action a').getAttribute('href')).toBe('/login?next=%2Fuploads');
    expect(page.url()).toBe(`${suite.server.url}/uploads`);
    await page.close();
  });

  it('shows the refusal of a form whose CSRF token is wrong', async () => {
    const page = await open();
    await page.evaluate(() =>
      document.querySelector('meta[name="csrf-token"]')?.setAttribute('content', 'wrong'),
    );
    await send(page, small());
    const message = page.locator('#flash .error-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('#flash .error-box').getAttribute('data-status')).toBe('403');
    await page.close();
  });

  it('shows an unexpected server error with its reference, which the log names too', async () => {
    const page = await open();
    // The pending folder made unwritable (a file in its place): saving the upload fails unexpectedly.
    const pendingDir = path.join(suite.server.dir, 'uploads', 'pending');
    rmSync(pendingDir, { recursive: true, force: true });
    writeFileSync(pendingDir, '');
    try {
      await send(page, small());
      const reference = page.locator('#flash .error-ref');
      await reference.waitFor();
      expect(await page.locator('#flash .error-box').getAttribute('data-status')).toBe('500');
      const ref = /错误编号：([0-9a-f]{8})/.exec((await reference.textContent()) ?? '')?.[1];
      expect(ref).toBeDefined();
      expect(suite.server.errors.some((e) => JSON.stringify(e).includes(ref ?? '?'))).toBe(true);
    } finally {
      rmSync(pendingDir, { force: true });
      mkdirSync(pendingDir, { recursive: true });
      await page.close();
    }
  });
});
