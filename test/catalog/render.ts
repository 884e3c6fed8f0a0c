/**
 * The fixture texts as the files people actually receive: Word documents (made with the docx
 * package), PDFs printed by Chromium (lines wrapped by the page width, a running header and page
 * numbers on every page), and web pages saved from a government site (navigation, share bar,
 * related links, footer around the article).
 */
import { deflateRawSync } from 'node:zlib';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A .docx with one Word paragraph per line of the text; the first line is the centred title. */
export async function toDocx(text: string): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: lines(text).map(
          (line, i) =>
            new Paragraph({
              alignment: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
              indent: i === 0 ? undefined : { firstLine: 640 },
              children: [new TextRun({ text: line, font: '仿宋', size: 32, bold: i === 0 })],
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A PDF printed by Chromium on A4: paragraphs indented by two characters and wrapped by the page
 * width, a running header and "— N —" page numbers on every page.
 */
export async function toPdf(browser: Browser, text: string, fontSize = 16): Promise<Uint8Array> {
  const body = lines(text)
    // A space of the text prints as an ideographic space, which a PDF keeps as wide as a character.
    .map((line, i) =>
      i === 0 && line.length <= 40
        ? `<h1>${escapeHtml(line)}</h1>`
        : `<p>${escapeHtml(line).replace(/ /g, '\u3000')}</p>`,
    )
    .join('\n');
  return printHtml(
    browser,
    `<!doctype html><html><head><meta charset="utf-8"><style>
      body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: ${fontSize}pt; line-height: 1.6; margin: 0; }
      h1 { font-size: ${fontSize + 6}pt; text-align: center; margin: 0 0 1em; }
      p { text-indent: 2em; margin: 0; text-align: justify; }
    </style></head><body>${body}</body></html>`,
  );
}

/**
 * A page of HTML printed by Chromium on A4 as toPdf prints a text: a running header and "— N —"
 * page numbers on every page. For layouts a text cannot give (a table, columns, a set page break).
 */
export async function printHtml(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate:
        '<div style="font-size:9pt;width:100%;text-align:center;font-family:\'Noto Sans CJK SC\'">某市人民政府办公室文件</div>',
      footerTemplate:
        '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
      margin: { top: '2.5cm', bottom: '2.5cm', left: '2.6cm', right: '2.6cm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** A PDF of a page that is only a picture (a scan): no text layer. */
export async function scannedPdf(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      '<!doctype html><html><body><svg width="600" height="800"><rect x="40" y="40" width="500" height="20" fill="#333"/><rect x="40" y="80" width="480" height="20" fill="#333"/><circle cx="300" cy="400" r="120" fill="#900"/></svg></body></html>',
    );
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await page.close();
  }
}

/**
 * A page as saved from a government site: the title in an <h1>, the rest of the text as the
 * article's paragraphs, inside navigation, breadcrumbs, a metadata line, a share bar, related
 * links and a footer. `encoding` gb18030 writes it as many such sites still do (meta charset gb2312).
 */
export function toWebPage(text: string, encoding: 'utf-8' | 'gb18030' = 'utf-8'): Uint8Array {
  const [title = '', ...rest] = lines(text);
  const charset = encoding === 'utf-8' ? 'utf-8' : 'gb2312';
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${escapeHtml(title)}_政策文件_某市人民政府门户网站</title>
<script>var _hmt = _hmt || []; (function(){ /* 统计代码 */ })();</script>
<style>.nav li{display:inline}</style></head>
<body>
<div class="top-bar"><a href="/">无障碍</a> <a href="/">长者模式</a> <a href="/">登录</a></div>
<div class="header"><img src="logo.png" alt="某市人民政府"><div class="search"><input name="q"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/bs">办事服务</a></li><li><a href="/hd">互动交流</a></li><li><a href="/zc">政策文件</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 政策文件</div>
<div class="main">
  <div class="article">
    <h1 class="title">${escapeHtml(title)}</h1>
    <div class="info">发布时间：2023-05-06 10:30 来源：市政府办公室 字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a> 浏览次数：1024</div>
    <div class="TRS_Editor" id="zoom">
${rest.map((line) => `      <p style="text-indent:2em">${escapeHtml(line)}</p>`).join('\n')}
    </div>
    <div class="bdshare">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <div class="print-close"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
  <div class="related"><h3>相关文章</h3><ul><li><a href="/1">关于印发某市2022年重点工作任务的通知（2022年各部门负责）</a></li><li><a href="/2">某市“十四五”规划纲要</a></li></ul></div>
</div>
<div class="footer"><p>主办：某市人民政府办公室 承办：某市政务服务和数字化建设管理局</p><p>网站标识码：2201000001 吉ICP备05001234号</p></div>
</body></html>`;
  return encoding === 'utf-8'
    ? new TextEncoder().encode(html)
    : new Uint8Array(iconv.encode(html, 'gb18030'));
}

interface ZipFile {
  name: string;
  data: Uint8Array;
  /** Lie about the unpacked size in the headers. */
  declaredSize?: number;
}

/** A zip archive written by hand (deflate), for files a Word writer would never make. */
export function zip(files: ZipFile[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const packed = deflateRawSync(file.data);
    const size = file.declaredSize ?? file.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/** A small, valid PDF whose page tree claims `pages` pages (all the same empty page). */
export function manyPagesPdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, () => '3 0 R').join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A .docx holding a title, a paragraph and a table (the first row its header); "=text" spans a whole row. */
export async function toDocxTable(title: string, intro: string, rows: string[][]): Promise<Uint8Array> {
  const { Table, TableCell, TableRow, WidthType } = await import('docx');
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (text: string, columnSpan?: number) =>
    new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children:
            row.length === 1 && row[0]?.startsWith('=')
              ? [cell(row[0].slice(1), width)]
              : row.map((text) => cell(text)),
        }),
    ),
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, text: title }),
          new Paragraph(intro),
          table,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A .docx whose numbering is Word's own (a multi-level list: 一、 / （一） / 1、), not typed: the
 * markers at the start of the text's lines are taken off and each such line becomes a paragraph of
 * the list at its level, so that only Word's numbering says where the parts, sections and tasks are.
 */
export async function toDocxNumbered(text: string): Promise<Uint8Array> {
  const { LevelFormat } = await import('docx');
  const levels: [RegExp, number][] = [
    [/^[一二三四五六七八九十]+、/, 0],
    [/^（[一二三四五六七八九十]+）/, 1],
    [/^\d+、/, 2],
  ];
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3、' },
          ],
        },
      ],
    },
    sections: [
      {
        children: lines(text).map((line) => {
          const found = levels.find(([pattern]) => pattern.test(line));
          if (!found) return new Paragraph({ children: [new TextRun(line)] });
          return new Paragraph({
            numbering: { reference: 'outline', level: found[1] },
            children: [new TextRun(line.replace(found[0], ''))],
          });
        }),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * An OLE compound file (version 3, 512-byte sectors) holding `streams` at its root, written by
 * hand: the container of an old .doc, and of a .docx with a password to open (EncryptionInfo and
 * EncryptedPackage streams). Each stream is padded to 4 KB so that it lives in ordinary sectors
 * (no mini stream to write); at most 60 KB in all.
 */
export function compoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    data.set(s.data);
    return { name: s.name, data, size: Math.max(4096, s.data.length) };
  });
  // Sector 0 is the FAT, sectors 1… the directory (4 entries a sector), then each stream's sectors.
  const dirSectors = Math.ceil((padded.length + 1) / 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let k = 1; k <= dirSectors; k++) fat.writeUInt32LE(k === dirSectors ? END : k + 1, k * 4);
  let next = 1 + dirSectors;
  const starts = padded.map((s) => {
    const start = next;
    const count = s.data.length / SECTOR;
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? END : next + k + 1, (next + k) * 4);
    next += count;
    return start;
  });
  if (next > SECTOR / 4) throw new Error('compoundFile: more than one FAT sector of streams');
  const entry = (name: string, type: number, child: number, right: number, start: number, size: number) => {
    const e = Buffer.alloc(128);
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(e, 0);
    e.writeUInt16LE(utf16.length, 64);
    e.writeUInt8(type, 66);
    e.writeUInt8(1, 67); // black
    e.writeUInt32LE(FREE, 68);
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  // The root's children as a chain of right siblings, in the order the format compares names.
  const order = padded
    .map((s, i) => ({ ...s, start: starts[i] ?? END }))
    .sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const directory = Buffer.alloc(dirSectors * SECTOR);
  entry('Root Entry', 5, order.length > 0 ? 1 : FREE, FREE, END, 0).copy(directory, 0);
  order.forEach((s, i) => {
    entry(s.name, 2, FREE, i + 2 <= order.length ? i + 2 : FREE, s.start, s.size).copy(
      directory,
      (i + 1) * 128,
    );
  });
  for (let i = order.length + 1; i < dirSectors * 4; i++) {
    const empty = Buffer.alloc(128);
    empty.writeUInt32LE(FREE, 68);
    empty.writeUInt32LE(FREE, 72);
    empty.writeUInt32LE(FREE, 76);
    empty.copy(directory, i * 128);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // the FAT is sector 0
  return new Uint8Array(Buffer.concat([header, fat, directory, ...padded.map((s) => s.data)]));
}
