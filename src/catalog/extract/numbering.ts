import { DOMParser } from 'linkedom';
import { entryData, type ZipEntry } from './zip.js';

/**
 * The printed numbers of a Word file's automatically numbered paragraphs (一、 （一） 1. as Word
 * draws them, not as text), in document order. mammoth keeps the text of such paragraphs but not
 * their numbers, which are the document's structure; this reads word/numbering.xml and the
 * paragraphs' w:numPr the way mammoth resolves them, and counts as Word does: per list, a level
 * starting again whenever a higher one moves on.
 */
export function numberedMarkers(bytes: Uint8Array, entries: ZipEntry[]): string[] | undefined {
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? new TextDecoder().decode(entryData(bytes, entry)) : undefined;
  };
  const numberingXml = read('word/numbering.xml');
  const documentXml = read('word/document.xml');
  if (!numberingXml || !documentXml) return undefined;
  const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
  const numbering = xml(numberingXml);
  interface Level {
    format: string;
    text: string;
    start: number;
    /** w:lvlRestart: starts again after a paragraph of this (1-based) level or a higher one; 0: never. */
    restart?: number;
  }
  const abstracts = new Map<string, Map<string, Level>>();
  const byStyle = new Map<string, { abstract: string; level: string }>();
  for (const a of Array.from(numbering.getElementsByTagName('w:abstractNum'))) {
    const id = a.getAttribute('w:abstractNumId') ?? '';
    const levels = new Map<string, Level>();
    for (const l of Array.from(a.getElementsByTagName('w:lvl')) as Element[]) {
      const ilvl = l.getAttribute('w:ilvl') ?? '0';
      const val = (tag: string) => l.getElementsByTagName(tag)[0]?.getAttribute('w:val') ?? '';
      levels.set(ilvl, {
        format: val('w:numFmt') || 'decimal',
        text: val('w:lvlText'),
        start: Number(val('w:start') || 1),
        ...(val('w:lvlRestart') !== '' ? { restart: Number(val('w:lvlRestart')) } : {}),
      });
      const style = val('w:pStyle');
      if (style) byStyle.set(style, { abstract: id, level: ilvl });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, string>();
  for (const n of Array.from(numbering.getElementsByTagName('w:num'))) {
    const abstract = n.getElementsByTagName('w:abstractNumId')[0]?.getAttribute('w:val');
    if (abstract !== undefined && abstract !== null) nums.set(n.getAttribute('w:numId') ?? '', abstract);
  }
  const counters = new Map<string, (number | undefined)[]>();
  const markers: string[] = [];
  for (const p of Array.from(xml(documentXml).getElementsByTagName('w:p'))) {
    const pPr = Array.from(p.childNodes).find((c) => (c as Element).tagName?.toLowerCase() === 'w:ppr') as
      | Element
      | undefined;
    const numPr = pPr?.getElementsByTagName('w:numPr')[0];
    const ilvl = numPr?.getElementsByTagName('w:ilvl')[0]?.getAttribute('w:val') ?? undefined;
    const numId = numPr?.getElementsByTagName('w:numId')[0]?.getAttribute('w:val') ?? undefined;
    const style = pPr?.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? undefined;
    let list: string | undefined;
    let abstract: string | undefined;
    let level: string | undefined;
    if (ilvl !== undefined && numId !== undefined) {
      list = numId;
      abstract = nums.get(numId);
      level = ilvl;
    } else if (style && byStyle.has(style)) {
      const found = byStyle.get(style);
      list = `style:${found?.abstract}`;
      abstract = found?.abstract;
      level = found?.level;
    } else if (numId !== undefined) {
      list = numId;
      abstract = nums.get(numId);
      level = '0';
    }
    const levels = abstract !== undefined ? abstracts.get(abstract) : undefined;
    const definition = level !== undefined ? levels?.get(level) : undefined;
    if (!list || !levels || !definition || level === undefined) continue;
    // mammoth lists a bullet as unordered; it has no number.
    if (definition.format === 'bullet') continue;
    const depth = Number(level);
    const count = counters.get(list) ?? [];
    for (let d = 0; d < depth; d++) count[d] ??= (levels.get(String(d))?.start ?? 1) - 1;
    count[depth] = (count[depth] ?? definition.start - 1) + 1;
    // A deeper level starts again after a paragraph of a higher one, unless its w:lvlRestart says
    // it counts on (0: never restarts, as a list numbered 1. 2. 3. through every section).
    for (let d = depth + 1; d < count.length; d++) {
      const restart = levels.get(String(d))?.restart ?? d;
      if (restart !== 0 && depth < restart) count[d] = undefined;
    }
    counters.set(list, count);
    markers.push(
      definition.format === 'none'
        ? ''
        : definition.text.replace(/%(\d)/g, (_, k: string) => {
            const d = Number(k) - 1;
            return formatNumber(Math.max(1, count[d] ?? 1), levels.get(String(d))?.format ?? 'decimal');
          }),
    );
  }
  return markers;
}

const CN = '〇一二三四五六七八九';

/** A count in one of Word's number formats: 3 → 三, ③, c, iii … */
export function formatNumber(n: number, format: string): string {
  if (/^chinese|^ideographDigital|^japaneseCounting|^taiwaneseCounting/.test(format)) {
    if (format === 'chineseLegalSimplified')
      return String(n).replace(/\d/g, (d) => '零壹贰叁肆伍陆柒捌玖'[Number(d)] ?? d);
    if (format === 'ideographDigital') return String(n).replace(/\d/g, (d) => CN[Number(d)] ?? d);
    if (n < 10) return CN[n] ?? String(n);
    if (n < 100) return `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`;
    return String(n);
  }
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese')
    return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
  if (format === 'decimalFullWidth' || format === 'decimalFullWidth2')
    return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  if (format === 'lowerLetter' || format === 'upperLetter') {
    const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    return format === 'upperLetter' ? letter.toUpperCase() : letter;
  }
  if (format === 'lowerRoman' || format === 'upperRoman') {
    const roman = toRoman(n);
    return format === 'upperRoman' ? roman : roman.toLowerCase();
  }
  return String(n);
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
