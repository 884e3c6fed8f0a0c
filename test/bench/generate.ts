import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { PREFECTURES } from '../../src/ingest/sample.js';

/** Synthetic county names for scale tests: 测试县0001 … under the nine prefectures. */
export function syntheticRegions(count: number): string {
  const prefectures = PREFECTURES;
  const lines = [
    'name,parent,level,aliases',
    '全省,,province,',
    ...prefectures.map((p) => `${p},全省,prefecture,`),
  ];
  for (let i = 1; i <= count; i++)
    lines.push(`测试县${String(i).padStart(4, '0')},${prefectures[i % 9]},county,`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a long-format actuals file of `rows` rows (indicator × region × month), the way a bureau
 * exports it: Chinese headers, CRLF, values written as plain numbers and in 万.
 */
export async function writeLongFile(
  file: string,
  { codes, regions, year, rows }: { codes: string[]; regions: string[]; year: number; rows: number },
): Promise<void> {
  const out = createWriteStream(file);
  out.write('指标编码,统计期,数值,地区\r\n');
  let written = 0;
  let buffer = '';
  outer: for (const region of regions) {
    for (const code of codes) {
      for (let month = 1; month <= 12; month++) {
        if (written >= rows) break outer;
        const value = month + (written % 3);
        buffer += `${code},${year}-${String(month).padStart(2, '0')},${written % 5 === 0 ? `${value / 10000}万` : value},${region}\r\n`;
        written += 1;
        if (buffer.length > 1 << 20) {
          if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          buffer = '';
        }
      }
    }
  }
  out.end(buffer);
  await finished(out);
}

/**
 * A scale data set in `dir`: enough synthetic counties for `rows` values of the Jilin catalogue's 20
 * numeric indicators over 12 months, their region file, and the long-format file itself.
 */
export async function syntheticDataset(dir: string, rows: number, indicatorCodes: string[]) {
  const counties = Math.ceil(rows / (indicatorCodes.length * 12));
  const regionsText = syntheticRegions(counties);
  const regionsFile = path.join(dir, 'regions.csv');
  writeFileSync(regionsFile, regionsText);
  const regions = regionsText
    .split('\n')
    .slice(11)
    .filter(Boolean)
    .map((line) => line.split(',')[0] ?? '');
  const file = path.join(dir, `actuals-${rows}.csv`);
  await writeLongFile(file, { codes: indicatorCodes, regions, year: 2021, rows });
  return { regionsFile, regions, file };
}
