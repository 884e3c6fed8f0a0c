/**
 * npm run -s catalog -- <document.txt> [--id ID] [--year YYYY]
 * Prints the parsed catalogue as JSON on stdout (and only there), messages on stderr.
 * Exit: 0 parsed, 1 not a key-task document, 2 usage. Save the output as seeds/<name>.catalog.json,
 * review it by hand, and the app loads it at the next start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogParseError, parseDocument } from '../catalog/parse.js';
import { exitWith, parseCommandLine } from './command.js';

const USAGE = '用法：npm run -s catalog -- <重点任务文件.txt> [--id 文件编号] [--year 年份]';

const OPTIONS = { id: { type: 'string' }, year: { type: 'string' } } as const;

function main(argv: string[]): number {
  const args = parseCommandLine(argv, OPTIONS, USAGE);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(
      `无法读取文件 ${file}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 2;
  }
  const year = args.values.year === undefined ? undefined : Number(args.values.year);
  if (year !== undefined && !Number.isInteger(year)) {
    console.error(`--year 应为四位年份，当前为 "${args.values.year}"\n${USAGE}`);
    return 2;
  }
  try {
    const catalog = parseDocument(text, {
      id: args.values.id ?? path.basename(file).replace(/\.[^.]+$/, ''),
      year,
    });
    const indicators = catalog.tasks.reduce((n, t) => n + t.indicators.length, 0);
    process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
    console.error(
      `${file}：${catalog.parts.length} 个部分，${catalog.sections.length} 节，${catalog.tasks.length} 项任务，${indicators} 个指标`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CatalogParseError) {
      console.error(`${file}：${error.message}`);
      return 1;
    }
    throw error;
  }
}

exitWith(() => main(process.argv.slice(2)));
