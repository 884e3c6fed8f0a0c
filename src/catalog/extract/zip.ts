import { inflateRawSync } from 'node:zlib';
import { DocumentReadError } from './errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** At most this many entries, and this much unpacked text, in a Word file. */
const MAX_ENTRIES = 5_000;
const MAX_UNPACKED = 200 * 1024 * 1024;
const MAX_ENTRY = 64 * 1024 * 1024;

const bomb = () =>
  new DocumentReadError('zip-bomb', '这个 Word 文件解压后大得异常（可能是恶意构造的压缩包），没有读取。');
const corrupt = () =>
  new DocumentReadError('corrupt', '这个 Word 文件已损坏，无法打开。请用 Word 重新保存后再试。');

/** The entries listed in a zip's central directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) throw bomb();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw corrupt();
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, compressedSize, size, offset });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Checks a zip before anything unpacks it: a bounded number of entries, a bounded declared size,
 * and — since a declared size can lie — each XML entry really inflated with a ceiling on its output.
 */
export function checkZip(bytes: Uint8Array, entries: ZipEntry[]): void {
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > MAX_UNPACKED) throw bomb();
  let unpacked = 0;
  for (const entry of entries) {
    if (!/\.(xml|rels)$/.test(entry.name)) continue;
    const data = entryData(bytes, entry);
    unpacked += data.length;
    if (unpacked > MAX_UNPACKED) throw bomb();
  }
}

/** One entry's bytes, inflated with a ceiling. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw corrupt();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw corrupt();
  try {
    return inflateRawSync(raw, { maxOutputLength: MAX_ENTRY });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw bomb();
    throw corrupt();
  }
}
