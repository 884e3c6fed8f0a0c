import { IngestError } from './problems.js';

/** The most fields one line (the header included) may have: a bureau's table has tens, never thousands. */
export const MAX_FIELDS = 1000;
/** The most bytes of one record: a thousand cells of a wide sheet fit many times over. */
export const MAX_LINE_BYTES = 256 * 1024;

const number = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

const QUOTE = 0x22;
const COMMA = 0x2c;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** Where the next quote and \r of a chunk are, from a search that found them (-1: not yet searched). */
type Next = { quote: number; cr: number };

/** The index of `byte` in `bytes` from `from` on, or the length when there is none. */
function indexOrEnd(bytes: Buffer, byte: number, from: number): number {
  const found = bytes.indexOf(byte, from);
  return found < 0 ? bytes.length : found;
}

/**
 * Weighs every line of a CSV as its bytes stream past, before DuckDB or anything else reads it:
 * a line with more fields than MAX_FIELDS, or longer than MAX_LINE_BYTES, stops the file at once
 * with a message naming the line (a line of a million fields once kept the server busy for
 * twenty minutes). Works on the raw bytes of UTF-8 and GB18030 alike: in both, a byte below 0x40
 * is always the ASCII character itself, never half of a Chinese one. A line end inside quotes
 * belongs to the field, as DuckDB reads it; lines are counted as the decoder normalises them
 * (\r\n, \r and \n each end one).
 *
 * @example const limits = new LineLimits(); for (const chunk of chunks) limits.scan(chunk);
 */
export class LineLimits {
  #line = 1;
  #quoted = false;
  #commas = 0;
  #tabs = 0;
  #bytes = 0;
  #afterCr = false;
  #plain = true;

  /**
   * Whether every line so far ended in \n or \r\n outside quotes, and none was empty: then the
   * decoder's rewriting of line ends (src/ingest/decode.ts) would change nothing, and DuckDB can read
   * the bytes as they are. After end(), a \r that ends the file counts against it too.
   */
  get plain(): boolean {
    return this.#plain;
  }

  /** The file has no more bytes. */
  end(): void {
    if (this.#afterCr) this.#plain = false;
  }

  /** Throws IngestError for the first line over a limit. */
  scan(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const next: Next = { quote: -1, cr: -1 };
    let i = 0;
    while (i < bytes.length) {
      const after = this.#atLineStart() ? this.#shortLine(bytes, i, next) : -1;
      i = after >= 0 ? after : this.#untilLineEnd(bytes, i);
    }
  }

  /** Nothing of a line is pending: the last byte read ended one (\n, or \r\n whole). */
  #atLineStart(): boolean {
    return this.#bytes === 0 && this.#commas === 0 && this.#tabs === 0 && !this.#quoted && !this.#afterCr;
  }

  /**
   * The line starting at `i`, when it is whole in the chunk and plainly within the limits: shorter
   * than MAX_FIELDS bytes (so it cannot have that many fields), not empty, without a quote or a \r
   * but its end's. Found with the buffer's own search, a few times faster than a loop over its
   * bytes (0.2–0.3 s of a million-row file). Returns the index after it, or -1 when the line needs
   * the loop (#untilLineEnd).
   */
  #shortLine(bytes: Buffer, i: number, next: Next): number {
    const lf = bytes.indexOf(LF, i);
    if (lf < 0) return -1;
    const end = lf > i && bytes[lf - 1] === CR ? lf - 1 : lf;
    if (end === i || end - i >= MAX_FIELDS) return -1;
    if (next.quote < i) next.quote = indexOrEnd(bytes, QUOTE, i);
    if (next.quote < lf) return -1;
    if (next.cr < i) next.cr = indexOrEnd(bytes, CR, i);
    if (next.cr < end) return -1;
    this.#line++;
    return lf + 1;
  }

  /**
   * Reads from `from` byte by byte up to and including the next line end outside quotes (or to the
   * chunk's end), and returns the index after it.
   */
  #untilLineEnd(chunk: Uint8Array, from: number): number {
    let commas = this.#commas;
    let tabs = this.#tabs;
    let quoted = this.#quoted;
    let plain = this.#plain;
    const start = from;
    const save = () => {
      this.#plain = plain;
      this.#commas = commas;
      this.#tabs = tabs;
      this.#quoted = quoted;
    };
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (quoted) {
        // A line break inside quotes: the decoder would rewrite it (\r\n → \n) or pad it.
        if (b === LF || b === CR) plain = false;
        continue;
      } else if (b === COMMA) commas++;
      else if (b === TAB) tabs++;
      else if (b === LF || b === CR) {
        const crlf = b === LF && this.#afterCr && i === start;
        if (b === CR && this.#afterCr) plain = false; // \r\r: a line ended by \r alone
        this.#afterCr = b === CR;
        if (crlf) {
          save();
          return i + 1;
        }
        if (this.#bytes + i - start === 0) plain = false; // an empty line
        this.#check(commas, tabs, this.#bytes + i - start);
        this.#line++;
        this.#bytes = 0;
        commas = 0;
        tabs = 0;
        save();
        return i + 1;
      }
      if (this.#afterCr) plain = false; // \r then text: a line ended by \r alone
      this.#afterCr = false;
      if (commas >= MAX_FIELDS || tabs >= MAX_FIELDS) this.#check(commas, tabs, 0);
    }
    this.#bytes += chunk.length - start;
    this.#check(commas, tabs, this.#bytes);
    save();
    return chunk.length;
  }

  #check(commas: number, tabs: number, bytes: number): void {
    const line = this.#line;
    if (Math.max(commas, tabs) + 1 > MAX_FIELDS) {
      throw new IngestError(
        'too_many_fields',
        `第${line}行的字段超过 ${number(MAX_FIELDS)} 个（每行上限 ${number(MAX_FIELDS)} 列），文件未读取。` +
          '请检查该行是否多了分隔符，或删除表格右侧多余的列后再上传。',
      );
    }
    if (bytes > MAX_LINE_BYTES) {
      throw new IngestError(
        'line_too_long',
        `第${line}行超过 ${number(MAX_LINE_BYTES / 1024)} KB（每行上限），文件未读取。` +
          '请检查该行是否有未闭合的引号，或备注是否过长（备注不超过 500 个字）。',
      );
    }
  }
}
