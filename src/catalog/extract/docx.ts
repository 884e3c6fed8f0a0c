import mammoth from 'mammoth';
import { DocumentReadError } from './errors.js';
import { htmlToText } from './html.js';
import { numberedMarkers } from './numbering.js';
import { checkZip, zipEntries } from './zip.js';

/** Marks the place of a numbered paragraph's number in mammoth's output, until it is known. */
const PLACE = '\u2063';

/**
 * Text of a Word (.docx) file, one paragraph a line, tables as rows, and the numbers Word draws
 * for automatically numbered paragraphs (一、 （一） 1.) written back in front of them. The zip is
 * checked before mammoth unpacks it (entry count, real unpacked size), so a zip bomb is refused
 * unread.
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
    let numbered = 0;
    // mammoth's document tree, in document order: a numbered paragraph gets a placeholder first.
    interface Node {
      type?: string;
      numbering?: { isOrdered?: boolean } | null;
      children?: Node[];
    }
    const mark = (node: Node): Node => {
      const children = node.children?.map(mark);
      if (node.type === 'paragraph' && node.numbering?.isOrdered) {
        const place = { type: 'text', value: `${PLACE}${numbered++}${PLACE}` };
        return { ...node, children: [{ type: 'run', children: [place] } as Node, ...(children ?? [])] };
      }
      return children ? { ...node, children } : node;
    };
    const transformDocument = (document: unknown) => mark(document as Node);
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { transformDocument },
    );
    const warnings = result.messages.some((m) => m.type === 'error') ? ['Word 文件中有部分内容未能读取'] : [];
    let markers = numbered > 0 ? numberedMarkers(bytes, entries) : [];
    if (numbered > 0 && markers?.length !== numbered) {
      warnings.push('Word 自动编号未能读出，请核对任务编号');
      markers = undefined;
    }
    const html = result.value.replace(
      new RegExp(`${PLACE}(\\d+)${PLACE}`, 'g'),
      (_, k: string) => markers?.[Number(k)] ?? '',
    );
    return { text: htmlToText(html, 'fragment'), warnings };
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError('corrupt', '这个 Word 文件已损坏，无法打开。请用 Word 重新保存后再试。');
  }
}
