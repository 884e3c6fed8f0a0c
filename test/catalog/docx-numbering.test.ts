import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../src/catalog/extract/index.js';
import { entryData, zipEntries } from '../../src/catalog/extract/zip.js';
import { toDocxNumbered, zip } from './render.js';

/** The .docx with its numbering.xml changed by `edit`, every other part as it was. */
function withNumbering(docx: Uint8Array, edit: (xml: string) => string): Uint8Array {
  return zip(
    zipEntries(docx).map((entry) => {
      const data = entryData(docx, entry);
      if (entry.name !== 'word/numbering.xml') return { name: entry.name, data };
      return { name: entry.name, data: new TextEncoder().encode(edit(new TextDecoder().decode(data))) };
    }),
  );
}

/** The numFmt of the tasks' level (1、) in toDocxNumbered's list, where w:lvlRestart goes. */
const TASK_LEVEL = /(<w:numFmt w:val="decimal"\/>)(?=<w:lvlText w:val="%3、"\/>)/;

describe('catalog/extract/numbering: Word numbering', () => {
  it('counts a level with w:lvlRestart="0" on through the sections above it, as Word does', async () => {
    const text = `某市2023年工作要点
一、推动产业升级
（一）做强优势产业
1、全年整车产量达到100万辆。（市工业和信息化局负责）
2、石化产业营业收入突破2000亿元。（市工业和信息化局负责）
（二）培育新兴产业
1、新增专精特新企业30家。（市工业和信息化局负责）
二、推进数字化转型
（三）加快智能化改造
1、建设智能工厂100个。（市工业和信息化局负责）`;
    const docx = await toDocxNumbered(text);
    // The third level (1、) never starts again: the tasks are numbered through the document.
    const never = withNumbering(docx, (xml) => xml.replace(TASK_LEVEL, '$1<w:lvlRestart w:val="0"/>'));
    expect(never).not.toEqual(docx);
    const read = await readDocumentText(never);
    expect(read.warnings).toEqual([]);
    expect(read.text.split('\n').filter((l) => /^\d/.test(l))).toEqual([
      '1、全年整车产量达到100万辆。（市工业和信息化局负责）',
      '2、石化产业营业收入突破2000亿元。（市工业和信息化局负责）',
      '3、新增专精特新企业30家。（市工业和信息化局负责）',
      '4、建设智能工厂100个。（市工业和信息化局负责）',
    ]);
    // Restarting only after the first level (lvlRestart 1): on through （二）, again after 二、.
    const afterParts = withNumbering(docx, (xml) => xml.replace(TASK_LEVEL, '$1<w:lvlRestart w:val="1"/>'));
    const numbers = (await readDocumentText(afterParts)).text
      .split('\n')
      .flatMap((l) => /^(\d)、/.exec(l)?.[1] ?? []);
    expect(numbers).toEqual(['1', '2', '3', '1']);
  });
});
