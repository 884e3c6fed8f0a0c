import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, symlinkSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { LineLimits } from './line-limits.js';
import { IngestError } from './problems.js';

/**
 * How a file was written: UTF-8, UTF-8 with a byte-order mark, GB18030/GBK (Excel's CSV on Chinese
 * Windows), or UTF-16 with a byte-order mark (Excel's and WPS's "Unicode 文本", tab-separated: what
 * clerks save when a CSV's Chinese comes out garbled); or an Excel workbook, whose cells are read by
 * the workbook stage instead.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'xlsx';

type TextEncoding = Exclude<Encoding, 'xlsx'>;

export interface Decoded {
  encoding: Encoding;
  /** The UTF-8 text DuckDB reads: a link to the upload when it needs no rewriting, else the copy. */
  file: string;
  sha256: string;
  bytes: number;
  /** A doubt about the encoding, for the preview: text that reads as UTF-8 but looks like GBK. */
  warning?: string;
}

const BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
  { encoding: 'utf-16le', bom: [0xff, 0xfe] },
  { encoding: 'utf-16be', bom: [0xfe, 0xff] },
] as const;

/**
 * Detects the encoding of `input` and, unless DuckDB can read its bytes as they are (asIs), writes
 * it as plain UTF-8 (no BOM) to `output`, streaming, so a large file never sits whole in memory.
 * DuckDB's read_csv reads UTF-8 only here, so GB18030 is decoded in Node first. UTF-8 is tried
 * first because a GBK file is almost never valid UTF-8. (Workbooks are told apart before this, by
 * src/ingest/source.ts.)
 */
export async function decodeToUtf8(
  input: string,
  output: string,
): Promise<Decoded & { encoding: TextEncoding }> {
  const first = await readHead(input, 1024);
  const marked = UTF16_BOMS.find(({ bom }) => startsWith(first, bom));
  const utf16 = marked?.encoding ?? unmarkedUtf16(first);
  if (utf16) {
    const wide = await transcode(input, output, utf16, marked ? 2 : 0);
    if (wide.ok) return { encoding: utf16, file: output, sha256: wide.sha256, bytes: wide.bytes };
    throw new IngestError(
      'encoding',
      '文件开头标明是 Unicode（UTF-16）文本，但内容无法按 UTF-16 读取（可能已损坏或被截断）。请在 Excel 中重新另存为“CSV UTF-8”或“Unicode 文本”后上传。',
    );
  }
  const hasBom = startsWith(first, BOM);
  const same = hasBom ? null : await asIs(input);
  if (same && link(input, output)) {
    const warning = gbkLookalike(same.lookalike);
    const decoded = { encoding: 'utf-8' as const, file: output, sha256: same.sha256, bytes: same.bytes };
    return warning ? { ...decoded, warning } : decoded;
  }
  const utf8 = await transcode(input, output, 'utf-8', hasBom ? 3 : 0);
  if (utf8.ok) {
    const decoded = {
      encoding: hasBom ? ('utf-8-bom' as const) : ('utf-8' as const),
      file: output,
      sha256: utf8.sha256,
      bytes: utf8.bytes,
    };
    const warning = hasBom ? null : gbkLookalike(utf8.lookalike);
    return warning ? { ...decoded, warning } : decoded;
  }
  const gb = await transcode(input, output, 'gb18030', 0);
  if (gb.ok) return { encoding: 'gb18030', file: output, sha256: gb.sha256, bytes: gb.bytes };
  throw new IngestError(
    'encoding',
    '无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请在 Excel 中另存为“CSV UTF-8”后再上传。',
  );
}

/**
 * The upload as it is, when DuckDB can read its bytes directly: valid UTF-8 (no byte-order mark,
 * checked before), every line ended by \n or \r\n outside quotes and none empty (LineLimits.plain).
 * The copy transcode would write is then the same text, so a million-row file is read once here
 * (hash, line limits, validity) and not decoded, rewritten and written out again. Null as soon as a
 * chunk says otherwise: the copy is made then.
 */
async function asIs(
  input: string,
): Promise<{ sha256: string; bytes: number; lookalike: string | null } | null> {
  const limits = new LineLimits();
  const hash = createHash('sha256');
  // Decoded only for the lookalike test, which stops at the first Chinese text (the header, mostly).
  const decoder = new TextDecoder('utf-8');
  const lookalike = new Lookalike();
  let tail: Buffer = Buffer.alloc(0);
  let bytes = 0;
  for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (chunk.includes(0)) throw binary();
    limits.scan(chunk);
    // A character split between chunks is checked with the next one.
    const joined = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    const cut = completeLength(joined);
    if (!limits.plain || !isUtf8(joined.subarray(0, cut))) return null;
    tail = joined.subarray(cut);
    if (!lookalike.settled) lookalike.read(decoder.decode(chunk, { stream: true }));
  }
  limits.end();
  if (tail.length > 0 || !limits.plain) return null;
  return { sha256: hash.digest('hex'), bytes, lookalike: lookalike.text };
}

/**
 * `output` as a link to the upload: DuckDB reads a path as a pattern (a name with [1] or * in it
 * would name other files), so it is only ever given the work folder's own name. False where links
 * cannot be made: the copy is written then.
 */
function link(input: string, output: string): boolean {
  try {
    symlinkSync(path.resolve(input), output);
    return true;
  } catch {
    return false;
  }
}

/** How much of `bytes` ends on a whole UTF-8 character: all of it, or up to a last one cut short. */
function completeLength(bytes: Buffer): number {
  let i = bytes.length - 1;
  // Back over continuation bytes (10xxxxxx) to the last character's first byte, at most three.
  while (i > 0 && i > bytes.length - 4 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i--;
  const lead = bytes[i] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i >= 0 && i + length > bytes.length ? i : bytes.length;
}

/**
 * Text of two-byte UTF-8 characters only (Latin, Greek …) and none of the three-byte (Chinese):
 * GBK bytes that happen to be valid UTF-8, as 全省 is. The first such run, for the warning.
 */
class Lookalike {
  #chinese = false;
  #first: string | null = null;

  /** Once Chinese text is seen, nothing later changes the answer. */
  get settled(): boolean {
    return this.#chinese;
  }

  read(decoded: string): void {
    if (this.#chinese) return;
    this.#chinese = /[\u0800-\uffff]/.test(decoded);
    this.#first ??= /[\u0080-\u07ff]+/.exec(decoded)?.[0] ?? null;
  }

  get text(): string | null {
    return this.#chinese ? null : this.#first;
  }
}

const binary = () => new IngestError('binary', '文件中含有二进制内容，不是文本格式的 CSV 文件。');

async function transcode(
  input: string,
  output: string,
  label: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be',
  skip: number,
): Promise<{ ok: boolean; sha256: string; bytes: number; lookalike: string | null }> {
  const decoder = new TextDecoder(label, { fatal: true });
  const wide = label.startsWith('utf-16');
  const limits = new LineLimits();
  const lookalike = new Lookalike();
  const hash = createHash('sha256');
  const out = createWriteStream(output);
  let bytes = 0;
  let ok = true;
  // Line ends become \n, whatever mix of \r\n, \r and \n a file has; a \r at the end of a chunk
  // waits for the next one, in case its \n starts that chunk. An empty line becomes a single space:
  // DuckDB drops empty lines without counting them, which would shift every later line number.
  let carry = '';
  let lineStart = true;
  const lines = (text: string) => {
    const joined = carry + text;
    carry = joined.endsWith('\r') ? '\r' : '';
    const body = (carry ? joined.slice(0, -1) : joined).replace(/\r\n?/g, '\n');
    if (body === '') return body;
    const spaced = (lineStart && body.startsWith('\n') ? ' ' : '') + body.replace(/\n(?=\n)/g, '\n ');
    lineStart = spaced.endsWith('\n');
    return spaced;
  };
  try {
    for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const body = bytes < skip ? chunk.subarray(skip - bytes) : chunk;
      bytes += chunk.length;
      const decoded = decoder.decode(body, { stream: true });
      // UTF-16 has a zero byte in every ASCII character and its own bytes for the line ends: its
      // text is weighed as the UTF-8 it becomes. In the others, a zero byte is never text.
      const text8 = wide ? Buffer.from(decoded, 'utf8') : body;
      if (text8.includes(0)) throw binary();
      limits.scan(text8);
      lookalike.read(decoded);
      const text = lines(decoded);
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.write(lines(decoder.decode()) + (carry ? '\n' : ''));
  } catch (error) {
    if (error instanceof IngestError) {
      out.destroy();
      throw error;
    }
    ok = false; // not this encoding
  }
  out.end();
  await finished(out);
  return { ok, sha256: hash.digest('hex'), bytes, lookalike: lookalike.text };
}

/** The warning for UTF-8 text that reads as Chinese in GBK (ȫʡ is 全省), or null. */
function gbkLookalike(text: string | null): string | null {
  if (!text) return null;
  const gbk = new TextDecoder('gb18030').decode(Buffer.from(text, 'utf8'));
  if (!/^[\u3000-\u9fff\uff00-\uffef]+$/.test(gbk)) return null;
  return (
    `文件按 UTF-8 编码读取，但其中的“${text.slice(0, 20)}”按 GBK 编码读是“${gbk.slice(0, 20)}”。` +
    '如果预览中的文字是乱码，请在 Excel 中另存为“CSV UTF-8”后重新上传。'
  );
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { start: 0, end: n - 1 }) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * UTF-16 without a byte-order mark (a script's or an old tool's export): ASCII text in it has a zero
 * byte beside every character, on the odd bytes (little-endian) or the even ones (big-endian), and
 * ten times fewer on the other side. Null for anything else (a binary file has zeros on both).
 */
function unmarkedUtf16(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros += 1;
    if (head[i + 1] === 0) oddZeros += 1;
  }
  // Few on the other side: 一 (U+4E00) is 00 4E in little-endian.
  if (oddZeros > pairs * 0.3 && evenZeros * 10 < oddZeros) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros * 10 < evenZeros) return 'utf-16be';
  return null;
}

function startsWith(buffer: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => buffer[i] === byte);
}
