/**
 * What an evidence file really is, from its first bytes (its name and the browser's claim are not
 * trusted): PDF, PNG, JPEG, GIF, WebP, and Word or Excel documents (.docx, .xlsx: a zip whose
 * [Content_Types].xml names the main part). Everything else is refused — executables, scripts,
 * HTML, SVG (which can carry script), macro-enabled Office files, and the legacy .doc/.xls
 * (OLE2 compound files, which cannot be told apart from other compound files by their header and
 * may carry macros: save them as .docx/.xlsx or PDF).
 */
import { inflateRawSync } from 'node:zlib';
import { InvalidError } from '../errors.js';

export type FileType = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx';

export const FILE_TYPES: Record<FileType, { contentType: string; extension: string; label: string }> = {
  pdf: { contentType: 'application/pdf', extension: '.pdf', label: 'PDF' },
  png: { contentType: 'image/png', extension: '.png', label: 'PNG 图片' },
  jpeg: { contentType: 'image/jpeg', extension: '.jpg', label: 'JPEG 图片' },
  gif: { contentType: 'image/gif', extension: '.gif', label: 'GIF 图片' },
  webp: { contentType: 'image/webp', extension: '.webp', label: 'WebP 图片' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
    label: 'Word 文档',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: '.xlsx',
    label: 'Excel 表格',
  },
};

export const ACCEPTED = 'PDF、图片（PNG、JPEG、GIF、WebP）、Word（.docx）或 Excel（.xlsx）';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type of a file by its content; InvalidError (in Chinese) for anything not accepted. */
export function detectFileType(bytes: Uint8Array): FileType {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new InvalidError(
      '不接受旧版 Word/Excel 文件（.doc/.xls）：请另存为 .docx、.xlsx 或 PDF 后再上传。',
    );
  }
  if (startsWith(bytes, ascii('MZ')) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) {
    throw new InvalidError(`这是一个可执行程序，不能作为佐证材料。请上传 ${ACCEPTED}。`);
  }
  throw new InvalidError(`无法识别的文件内容（按文件内容判断，而非扩展名）。请上传 ${ACCEPTED}。`);
}

/** A zip that is a Word or Excel document, by the main part its [Content_Types].xml declares. */
function officeType(bytes: Uint8Array): FileType {
  const types = zipEntry(bytes, '[Content_Types].xml');
  const refuse = () => {
    throw new InvalidError(`这是一个压缩包，不是 Word（.docx）或 Excel（.xlsx）文档。请上传 ${ACCEPTED}。`);
  };
  if (!types) return refuse();
  const text = types.toString('utf8');
  if (/macroEnabled/i.test(text)) {
    throw new InvalidError('不接受含宏的 Office 文件（.docm/.xlsm）：请另存为 .docx 或 .xlsx 后再上传。');
  }
  if (text.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'))
    return 'docx';
  if (text.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'))
    return 'xlsx';
  return refuse();
}

/**
 * One entry of a zip file by name, read through the central directory (not the local headers
 * alone, which a crafted file can make disagree); null when absent or unreadable. Only what the
 * type check needs: stored or deflated entries, no zip64, at most 1 MB inflated.
 */
export function zipEntry(bytes: Uint8Array, name: string): Buffer | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let at = buf.length - 22; at >= floor; at--) {
    if (buf.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count && at + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const entryName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (data.length !== compressed || size > 1024 * 1024) return null;
      try {
        if (method === 0) return Buffer.from(data);
        if (method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 });
      } catch {
        return null;
      }
      return null;
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}
