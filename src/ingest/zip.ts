import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/** One file inside a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** The size the directory declares; an entry that inflates to more is refused. */
  size: number;
  localOffset: number;
}

/** Why a zip cannot be read: damaged, a kind this reader does not handle, or bigger than allowed. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'unsupported' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

/**
 * Reads the central directory at the end of a zip file: names and declared sizes of every entry,
 * without inflating anything. Enough to tell an .xlsx from other zip files and to weigh it before
 * any of it is read. Zip64 archives (over 4 GB or 65,535 entries) are refused: no workbook a clerk
 * uploads is one.
 */
export async function readZipEntries(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipError('corrupt', 'no end of central directory');
    const count = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('too_large', 'zip64');
    if (count > MAX_ENTRIES) throw new ZipError('too_large', 'too many entries');
    if (directoryOffset + directorySize > size) throw new ZipError('corrupt', 'directory outside the file');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL)
        throw new ZipError('corrupt', 'bad directory');
      const flags = directory.readUInt16LE(p + 8);
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      entries.push({
        name: directory.toString('utf8', p + 46, p + 46 + nameLength),
        method: directory.readUInt16LE(p + 10),
        encrypted: (flags & 1) === 1,
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        localOffset: directory.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/**
 * Streams one entry's inflated bytes, stopping with a ZipError as soon as it yields more than
 * `limit` bytes or more than it declared (a zip bomb is caught here, not after it filled memory).
 */
export async function* inflateEntry(file: string, entry: ZipEntry, limit: number): AsyncGenerator<Buffer> {
  if (entry.encrypted) throw new ZipError('unsupported', 'encrypted');
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError('unsupported', `compression method ${entry.method}`);
  const handle = await open(file, 'r');
  let start: number;
  try {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, entry.localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError('corrupt', 'bad local header');
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  const cap = Math.min(limit, entry.size);
  let seen = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > entry.size) throw new ZipError('corrupt', `${entry.name} inflates to more than it declares`);
      if (seen > cap) throw new ZipError('too_large', `${entry.name} over ${limit} bytes`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('corrupt', `cannot inflate ${entry.name}: ${(error as Error).message}`);
  } finally {
    raw.destroy();
    if (source !== raw) source.destroy();
  }
}
