/** The year a document is for, and its title, read from its heading lines and text. */

const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  Ｏ: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

export interface YearFound {
  year: number;
  /** Where it came from: the title, the 文号, the signing date, or guessed from deadlines. */
  from: 'title' | 'number' | 'date' | 'deadlines';
  source: string;
}

/** 文号: 国发〔2019〕11号, 吉政办发[2021]5号, 〔2019年〕. */
const DOC_NUMBER =
  /[\u4e00-\u9fa5]{1,12}[〔［[【(（]\s*((?:19|20)\d{2})\s*年?\s*[〕］\]】)）]\s*\d{1,4}\s*号/;
/** A signing date: 2021年3月5日 or 二〇二一年三月五日, standing alone. */
const DATE =
  /^[（(]?((?:19|20)\d{2}|[〇零一二ＯO][〇零一二三四五六七八九ＯO]{3})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[）)]?$/;

/**
 * The document's year: from its title (吉林省2021年…), else its 文号 (〔2019〕), else its signing
 * date (2019年6月5日 on a line of its own), else the year its deadlines and plans name most often.
 */
export function findYear(title: string, preamble: string, body: string): YearFound | undefined {
  const inTitle = /((?:19|20)\d{2})\s*(?:年|—|-|－|–)/.exec(title);
  if (inTitle) return { year: Number(inTitle[1]), from: 'title', source: title };
  // A 文号 standing on its own line first: one cited in the preface (…的通知》（发改规划〔2021〕493号）) is another's.
  const lines = `${preamble}\n${body}`.split('\n');
  const ownNumber = lines.find((l) => l.length <= 40 && DOC_NUMBER.test(l) && !/《/.test(l));
  const number = ownNumber ?? preamble.split('《')[0];
  const numbered = number ? DOC_NUMBER.exec(number) : null;
  if (numbered) return { year: Number(numbered[1]), from: 'number', source: numbered[0] };
  const labelled = /(?:成文日期|发文日期|印发日期|发布日期)[:：]\s*((?:19|20)\d{2})/.exec(
    `${preamble}\n${body}`,
  );
  if (labelled) return { year: Number(labelled[1]), from: 'date', source: labelled[0] };
  const dateLine = lines.map((l) => l.trim()).find((l) => DATE.test(l));
  if (dateLine) {
    const raw = DATE.exec(dateLine)?.[1] ?? '';
    const year = Number([...raw].map((ch) => CN_DIGITS[ch] ?? ch).join(''));
    if (year >= 1990 && year <= 2100) return { year, from: 'date', source: dateLine };
  }
  // Flattened text: a date closing the preamble or the text.
  const flatDate =
    /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日\s*$/.exec(preamble) ??
    /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日[）)]?\s*$/.exec(body);
  if (flatDate) return { year: Number(flatDate[1]), from: 'date', source: flatDate[0] };
  const counts = new Map<number, number>();
  for (const m of body.replace(/《[^》]*》/g, '').matchAll(/((?:19|20)\d{2})\s*年/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  // The most named year; on a tie the earliest (a plan runs from its first year).
  const [year] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  return year === undefined ? undefined : { year, from: 'deadlines', source: `${year}年` };
}

const DOCUMENT_TYPE =
  /(?:的通知|若干意见|实施意见|指导意见|意见|分工方案|实施方案|工作方案|方案|工作要点|要点|行动计划|计划|重点任务|任务|规划|清单|若干措施|措施|办法|纲要|细则)/;

/**
 * The document's title: the short heading lines before the preface ("附件", 文号 and dates dropped),
 * joined, e.g. 吉林省2021年新型城镇化建设 + 和城乡融合发展重点任务. Text flattened onto one line
 * gives its title up to the word that names the kind of document (…重点工作分工方案).
 */
export function documentTitle(preamble: string): string {
  const heading: string[] = [];
  for (const raw of preamble.split('\n')) {
    const line = raw.trim();
    if (line === '' || /^附件\s*\d*[:：]?$/.test(line)) continue;
    if ((DOC_NUMBER.test(line) || DATE.test(line)) && line.length <= 40) continue;
    if (
      /^(?:成文日期|发文日期|发布日期|印发日期|发文字号|文\s*号|索引号|发文机关|主题分类|来源)[:：]/.test(
        line,
      )
    )
      continue;
    if (/^[（(].*[）)]$/.test(line) && heading.length > 0) break;
    if (line.length > 40 || /[。，,；;：:]/.test(line)) {
      if (heading.length === 0) {
        const head = new RegExp(
          `^(.{4,60}?${DOCUMENT_TYPE.source})(?=$|[\\s\u3000（(〔［[]|[\u4e00-\u9fa5]{1,8}[〔［[])`,
        ).exec(line.replace(/^附件\s*\d*\s*/, ''));
        if (head) heading.push(head[1] ?? '');
      }
      break;
    }
    heading.push(line);
  }
  // A cover page (issuer, title, date) before the first page's own title: the title is the line
  // that stands on both.
  const repeated = heading.find((line, i) => heading.indexOf(line) !== i && line.length >= 6);
  const title = (repeated ?? heading.join('')).trim();
  // A notice that issues the document (…关于印发《X》的通知) is titled by what it issues.
  const issued = /关于印发《?(.+?)》?的通知$/.exec(title)?.[1];
  if (issued) return issued;
  if (title !== '') return title;
  // A notice's own text before the document (各市政府：…印发给你们…): the document's title is the
  // last short heading line before its first item.
  const lines = preamble.split('\n').map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (
      line.length >= 6 &&
      line.length <= 60 &&
      !/[。，,；;：:]/.test(line) &&
      new RegExp(`${DOCUMENT_TYPE.source}$`).test(line)
    )
      return line;
  }
  return '';
}
