import { getDocumentProxy } from 'unpdf';
import { normaliseRadicals } from './cjk.js';
import { DocumentReadError } from './errors.js';
import { rebuildTables } from './pdf-table.js';

/** More pages than any key-task document has: refused before reading them. */
export const MAX_PAGES = 1000;

/** A piece of text the PDF sets at one place: where it starts, how wide and high it is. */
export interface Run {
  str: string;
  x: number;
  /** The baseline's distance from the top of the page. */
  y: number;
  w: number;
  h: number;
}

export interface Line {
  page: number;
  text: string;
  /** The runs the line was made of, for reading a table back from where its glyphs stand. */
  runs: Run[];
  /** Text given whole (a table's): never joined with the lines around it. */
  fixed?: boolean;
  x: number;
  right: number;
  y: number;
  /** Font height. */
  h: number;
  /** The page's width. */
  width: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Text of a PDF's text layer, one paragraph a line: lines are rebuilt from the glyphs' positions,
 * running headers and page numbers dropped, and lines the page width broke joined again (a line
 * that reaches the right margin runs on, unless the next one is indented). A PDF with no text
 * layer (a scan) is refused with a message that says so.
 */
export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
  } catch (error) {
    if ((error as Error).name === 'PasswordException')
      throw new DocumentReadError('encrypted', '这个 PDF 文件设置了密码，无法读取。请提供未加密的文件。');
    throw new DocumentReadError('corrupt', '这个 PDF 文件已损坏，无法打开。');
  }
  try {
    if (pdf.numPages > MAX_PAGES)
      throw new DocumentReadError(
        'too-many-pages',
        `这个 PDF 有 ${pdf.numPages} 页，超过了 ${MAX_PAGES} 页的上限，不像是一份重点任务文件。`,
      );
    const pages: Line[][] = [];
    const heights: number[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const [, , width = 595, top = 842] = page.view;
      const lines = linesOf(content.items as TextItem[], p, top, width);
      pages.push(lines);
      for (const l of lines) heights.push(l.h);
      page.cleanup();
    }
    const bodyHeight = median(heights);
    // A scanner app stamps its name on every page as text: what counts is the text left without it.
    const kept = dropFurniture(pages, bodyHeight);
    const chars = kept.flat().reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
    if (chars < 20) {
      throw new DocumentReadError(
        'scanned-pdf',
        '这个 PDF 没有文字层（可能是扫描件或图片），无法读出文字。请提供 Word 文件、可复制文字的 PDF，或先做文字识别（OCR）。',
      );
    }
    const warnings: string[] = [];
    const blank = kept.map((l, i) => (l.length === 0 ? i + 1 : 0)).filter((n) => n > 0);
    if (blank.length > 0)
      warnings.push(`PDF 第 ${blank.join('、')} 页没有文字层（可能是扫描页），这些页的内容没有读到`);
    const text = joinLines(rebuildTables(kept).flat(), bodyHeight);
    return { text: normaliseRadicals(text), warnings };
  } finally {
    await pdf.destroy();
  }
}

/** Glyph runs to lines: runs on one baseline (within half a glyph) joined left to right. */
function linesOf(items: TextItem[], page: number, top: number, width: number): Line[] {
  const runs = items
    .filter((i) => i.str !== '')
    .map((i) => ({
      str: realSpaces(i.str, i.width, Math.abs(i.height || i.transform[3] || 0)),
      x: i.transform[4] ?? 0,
      y: top - (i.transform[5] ?? 0),
      w: i.width,
      h: Math.abs(i.height || i.transform[3] || 0),
    }));
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - run.y) < Math.max(2, Math.max(run.h, line.h) * 0.5)) {
      const gap = run.x - line.right;
      // Justified Chinese text spreads its glyphs: a gap is a space only between Latin letters or
      // digits, or where it is as wide as the gap between a table's columns.
      const latin = /[A-Za-z0-9]$/.test(line.text) && /^[A-Za-z0-9]/.test(run.str);
      const space = gap > Math.max(line.h, run.h) * 3 || (latin && gap > run.h * 0.2);
      // A space of its own is text when it is as wide as a character (a real gap in the line).
      const text = run.str.trim() === '' ? (run.w >= Math.max(run.h, line.h) * 0.8 ? ' ' : '') : run.str;
      line.text += space && !/\s$/.test(line.text) ? ` ${text}` : text;
      line.right = Math.max(line.right, run.x + run.w);
      if (run.str.trim() !== '') {
        line.h = Math.max(line.h, run.h);
        line.runs.push(run);
      }
    } else if (run.str.trim() !== '') {
      lines.push({
        page,
        text: run.str,
        runs: [run],
        x: run.x,
        right: run.x + run.w,
        y: run.y,
        h: run.h,
        width,
      });
    }
  }
  for (const l of lines) l.text = l.text.replace(/^[ \t]+|[ \t]+$/g, '').replace(/ {2,}/g, ' ');
  return lines.filter((l) => l.text !== '');
}

/**
 * Justified Chinese lines come out with spaces between characters that are only the stretch of
 * the line. A space is kept where it is as wide as a character (an ideographic space, a gap the
 * text has), judged from the run's width; spaces between Latin letters or digits always stay.
 */
function realSpaces(str: string, width: number, h: number): string {
  const spaces = (str.match(/ /g) ?? []).length;
  if (spaces === 0 || h === 0) return str;
  let glyphs = 0;
  for (const ch of str) if (ch !== ' ') glyphs += new RegExp(CJK).test(ch) ? h : 0.55 * h;
  const each = (width - glyphs) / spaces;
  if (each >= 0.8 * h) return str.replace(/ {2,}/g, ' ');
  return str.replace(/ +/g, (run, at: number) =>
    /[A-Za-z0-9]/.test(str[at - 1] ?? '') && /[A-Za-z0-9]/.test(str[at + run.length] ?? '') ? ' ' : '',
  );
}

const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\\u2e80-\\u2fdf“”‘’]';

/** The mark a phone scanner app prints on each page it makes: 由 扫描全能王 扫描创建, CamScanner. */
const SCANNER_MARK =
  /^(?:由\s*)?(?:扫描全能王|全能扫描王|夸克扫描王|CamScanner)(?:\s*扫描创建)?$|^Scanned (?:with|by) CamScanner$/i;

const PAGE_NUMBER =
  /^(?:[-—–－·\s]*\d{1,4}[-—–－·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|[-—–－]\s*[ivxlcIVXLC]+\s*[-—–－]|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/**
 * Drops page numbers, scanner apps' marks and running headers or footers: a line above the page's
 * first body line or below its last that is set smaller than the body, or that comes back (digits
 * aside) at the same height on most pages that have text. A short line of body text can end one
 * page and another at any height (责） closing a wrapped department paren): it is kept, and so is
 * a line that ends a sentence or closes a paren it did not open, which no running header does.
 */
function dropFurniture(pages: Line[][], bodyHeight: number): Line[][] {
  const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s/g, '');
  const places = new Map<string, Line[]>();
  for (const lines of pages)
    for (const l of lines) {
      const same = places.get(key(l));
      if (same) same.push(l);
      else places.set(key(l), [l]);
    }
  const most = Math.max(2, pages.filter((lines) => lines.length > 0).length / 2);
  const repeated = (l: Line) => {
    if (fragment(l.text)) return false;
    const near = (places.get(key(l)) ?? []).filter((o) => Math.abs(o.y - l.y) < Math.max(3, l.h));
    return new Set(near.map((o) => o.page)).size >= most;
  };
  return pages.map((lines) => {
    const body = lines.filter((l) => l.h >= bodyHeight * 0.85);
    const firstY = body[0]?.y ?? 0;
    const lastY = body[body.length - 1]?.y ?? Number.POSITIVE_INFINITY;
    return lines.filter((l, i) => {
      if (SCANNER_MARK.test(l.text)) return false;
      const edge = i < 2 || i >= lines.length - 2 || l.y < firstY || l.y > lastY;
      if (!edge) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      const small = l.h < bodyHeight * 0.85 && (l.y < firstY || l.y > lastY);
      return !(repeated(l) || small);
    });
  });
}

/** The end of a sentence or of a paren opened on an earlier line: body text, not furniture. */
function fragment(text: string): boolean {
  if (/[。；，、：！？;,:!?]$/.test(text)) return true;
  const opened = (text.match(/[（(]/g) ?? []).length;
  return (text.match(/[）)]/g) ?? []).length > opened;
}

/**
 * Lines to paragraphs. A line runs on into the next when it reaches the right margin (within a
 * glyph, or two when the next line opens with a character that a line may not end before, as
 * 户。 carried down with its full stop) and the next line is not indented (unless it is the
 * centred second line of a heading), is set in the same size and follows without a gap.
 */
function joinLines(lines: Line[], bodyHeight: number): string {
  const body = lines.filter((l) => Math.abs(l.h - bodyHeight) < bodyHeight * 0.2);
  const left = percentile(
    body.map((l) => l.x),
    0.1,
  );
  const widest = Math.max(0, ...body.map((l) => l.right));
  // Margins are most often the same on both sides; a document whose lines never wrap shows its
  // right margin only that way.
  const mirrored = (body[0]?.width ?? widest) - left;
  const right = widest > mirrored - 3 * bodyHeight ? widest : mirrored;
  const out: string[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.fixed || previous?.fixed) {
      out.push(line.text);
      previous = line;
      continue;
    }
    const short = previous ? right - previous.right : Number.POSITIVE_INFINITY;
    const carried = /^.[，。、；：？！）》”’,.;:?!)]/.test(line.text);
    const full =
      previous !== undefined && (short <= 1.2 * previous.h || (carried && short <= 2.5 * previous.h));
    const indented = line.x > left + 0.8 * line.h;
    const centred =
      line.x > left + 2.5 * line.h && Math.abs((line.x + line.right) / 2 - (left + right) / 2) < line.h;
    const sameSize = previous !== undefined && Math.abs(previous.h - line.h) < 0.15 * line.h;
    const close =
      previous !== undefined && (line.page !== previous.page || line.y - previous.y < 2.2 * line.h);
    const previousStartsLeft =
      previous !== undefined &&
      (previous.x < left + 3 * previous.h ||
        Math.abs((previous.x + previous.right) / 2 - (left + right) / 2) < previous.h);
    if (previous && full && (!indented || centred) && sameSize && close && previousStartsLeft)
      out[out.length - 1] += line.text;
    else out.push(line.text);
    previous = line;
  }
  return out.join('\n');
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
