import { describe, expect, it } from 'vitest';
import { type DocumentReadError, readDocumentText } from '../../src/catalog/extract/index.js';
import { compoundFile } from './render.js';

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
});
