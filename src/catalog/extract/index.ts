import { normaliseRadicals } from './cjk.js';
import { decodeText } from './decode.js';
import { DocumentReadError } from './errors.js';

export { DocumentReadError, type DocumentReadProblem } from './errors.js';

/** The largest file read: a key-task document is far smaller, even as a PDF with images. */
export const MAX_BYTES = 20 * 1024 * 1024;

export type DocumentFormat = 'text' | 'docx' | 'pdf' | 'html';

export interface DocumentText {
  text: string;
  format: DocumentFormat;
  /** What the reader could not fully read, in Chinese; the text is still given. */
  warnings: string[];
}

/**
 * The text of a document file as one string, paragraphs on lines of their own, whatever it came
 * as: plain text (UTF-8, UTF-16 or GB18030), Word .docx, PDF (its text layer) or an HTML page
 * saved from a government site. The format is told from the bytes, never from a file name.
 *
 * @example
 * const { text, format } = await readDocumentText(new Uint8Array(readFileSync('要点.pdf')));
 * // format === 'pdf'; parseDocument(text) …
 * @throws DocumentReadError with a Chinese message: too large, empty, a scan without text, a zip
 * bomb, too many pages, an old .doc, a password to open or another kind of file.
 */
export async function readDocumentText(bytes: Uint8Array): Promise<DocumentText> {
  if (bytes.length > MAX_BYTES)
    throw new DocumentReadError(
      'too-large',
      `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过了 ${MAX_BYTES / 1024 / 1024} MB 的上限。`,
    );
  if (bytes.length === 0) throw new DocumentReadError('empty', '文件是空的。');
  const format = sniff(bytes);
  // The PDF and Word readers are large: loaded only for a file that needs them.
  if (format === 'pdf') return { format, ...(await (await import('./pdf.js')).pdfToText(bytes)) };
  if (format === 'docx') return { format, ...(await (await import('./docx.js')).docxToText(bytes)) };
  if (format === 'encrypted')
    throw new DocumentReadError(
      'encrypted',
      '文件设有打开密码，无法读取。请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码），另存为 .docx 再上传。',
    );
  if (format === 'doc')
    throw new DocumentReadError(
      'unsupported',
      '这是旧版 Word（.doc）或 WPS 文件，请在 Word 或 WPS 中另存为 .docx 后再试。',
    );
  if (format === 'rtf') throw new DocumentReadError('unsupported', '这是 RTF 文件，请另存为 .docx 后再试。');
  if (format === 'binary')
    throw new DocumentReadError(
      'binary',
      '无法识别这个文件（不是文本、Word、PDF 或网页），请提供 .txt、.docx、.pdf 或 .html 文件。',
    );
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  const { text, encoding } = decodeText(bytes, format === 'html' ? declared : undefined);
  const warnings = encoding === 'gb18030' ? ['文件是 GB18030/GBK 编码，已转换'] : [];
  if (format === 'html') {
    const { htmlToText } = await import('./html.js');
    return { format, text: normaliseRadicals(htmlToText(text, 'page')), warnings };
  }
  return { format: 'text', text: text.replace(/^\uFEFF/, ''), warnings };
}

type Sniffed = DocumentFormat | 'doc' | 'encrypted' | 'rtf' | 'binary';

/** The name of the stream that holds a password-protected .docx, as an OLE directory spells it. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * The format from the file's first bytes: %PDF-, a zip (PK), OLE (an old .doc, or a .docx with a
 * password to open, which Word stores in the old container as an EncryptedPackage stream),
 * {\rtf, markup, or text.
 */
function sniff(bytes: Uint8Array): Sniffed {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (start.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)
      ? 'encrypted'
      : 'doc';
  if (start.startsWith('{\\rtf')) return 'rtf';
  const trimmed = start
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (
    /^<(?:!doctype html|html|head|meta|body|\?xml[^>]*>\s*<html)/.test(trimmed) ||
    /<html[\s>]/.test(trimmed.slice(0, 512))
  )
    return 'html';
  if (looksBinary(bytes)) return 'binary';
  return 'text';
}

/** NUL bytes (outside UTF-16) or many control bytes: not text. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample)
    if (b === 0 || (b < 0x09 && b !== 0) || (b > 0x0d && b < 0x20 && b !== 0x1b)) control += 1;
  return control > Math.max(1, sample.length * 0.01);
}
