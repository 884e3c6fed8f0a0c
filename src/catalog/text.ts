/** Text clean-up shared by the parser's steps. */

/** Full-width digits, letters and ASCII punctuation (Ｏ３, ９０％) to half-width; ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Lines of a document: BOM dropped, any line end, each line trimmed of ASCII, full-width and no-break spaces. */
export function documentLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[\s\u3000\u00A0]+|[\s\u3000\u00A0]+$/g, ''));
}

const NUMERALS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十三 → 13, 二十二 → 22, 九十九 → 99; NaN for anything else. */
export function chineseToNumber(text: string): number {
  if (/^[〇零一二两三四五六七八九]$/.test(text)) return NUMERALS[text] ?? Number.NaN;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!m) return Number.NaN;
  return (m[1] ? (NUMERALS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (NUMERALS[m[2]] ?? 0) : 0);
}

/** 1 → 一, 12 → 十二, 21 → 二十一 (numbers of headings, up to 99). */
export function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}
