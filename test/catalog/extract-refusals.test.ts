import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DocumentReadError, readDocumentText } from '../../src/catalog/extract/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { compoundFile } from './render.js';

// Chromium printing: more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const refusal = async (bytes: Uint8Array) =>
  readDocumentText(bytes).catch((e: unknown) => e as DocumentReadError);

describe('catalog/extract: files it cannot read say why', () => {
  it('tells a .docx with a password to open from an old .doc', async () => {
    // What Word writes for 用密码进行加密: the OOXML package encrypted inside an OLE container.
    const info = Buffer.concat([
      Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
      Buffer.from(
        '<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
      ),
    ]);
    const locked = compoundFile([
      { name: 'EncryptionInfo', data: info },
      { name: 'EncryptedPackage', data: new Uint8Array(6000).fill(0x5a) },
    ]);
    expect(await refusal(locked)).toMatchObject({
      problem: 'encrypted',
      message: expect.stringMatching(/打开密码.*在 Word 中取消密码.*另存为 \.docx 再上传/),
    });
    const doc = compoundFile([{ name: 'WordDocument', data: new Uint8Array(5000) }]);
    expect(await refusal(doc)).toMatchObject({
      problem: 'unsupported',
      message: expect.stringContaining('旧版 Word（.doc）'),
    });
  });

  describe('a scan', () => {
    let browser: Browser;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ browser, close } = await launchBrowser());
    });
    afterAll(async () => close?.());

    it("refuses a scan whose pages carry only a scanner app's mark as text, as a scan", async () => {
      const picture =
        '<svg width="600" height="700"><rect x="40" y="40" width="500" height="20" fill="#333"/><rect x="40" y="80" width="480" height="20" fill="#333"/></svg>';
      const mark = '<div style="font-size:9pt;color:#888;text-align:center">由 扫描全能王 扫描创建</div>';
      const page = await browser.newPage();
      try {
        await page.setContent(
          `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:'Noto Sans CJK SC'">${picture}${mark}<div style="break-before:page"></div>${picture}${mark}</body></html>`,
        );
        const scan = new Uint8Array(await page.pdf({ format: 'A4' }));
        expect(await refusal(scan)).toMatchObject({
          problem: 'scanned-pdf',
          message: expect.stringContaining('没有文字层'),
        });
      } finally {
        await page.close();
      }
    });
  });
});
