import mammoth from 'mammoth';
import { DocumentReadError } from './errors.js';
import { htmlToText } from './html.js';
import { checkZip, zipEntries } from './zip.js';

/**
 * Text of a Word (.docx) file, one paragraph a line, tables as rows. The zip is checked before
 * mammoth unpacks it (entry count, real unpacked size), so a zip bomb is refused unread.
 */
export async function docxToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    const kind = entries.some((e) => e.name.startsWith('xl/'))
      ? '这是 Excel 文件'
      : entries.some((e) => e.name.startsWith('ppt/'))
        ? '这是 PowerPoint 文件'
        : entries.some((e) => /^OFD\.xml$/i.test(e.name))
          ? '这是 OFD 版式文件'
          : '这是一个压缩包';
    throw new DocumentReadError(
      'unsupported',
      `${kind}，不是 Word 文档。请提供 .docx、PDF、网页或文本文件。`,
    );
  }
  checkZip(bytes, entries);
  try {
    const result = await mammoth.convertToHtml({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    const warnings = result.messages.some((m) => m.type === 'error') ? ['Word 文件中有部分内容未能读取'] : [];
    return { text: htmlToText(result.value, 'fragment'), warnings };
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError('corrupt', '这个 Word 文件已损坏，无法打开。请用 Word 重新保存后再试。');
  }
}
