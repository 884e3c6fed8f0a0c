/**
 * npm run -s catalog -- <document> [--id ID] [--year YYYY] [--previous reviewed.catalog.json]
 * Reads a key-task document — plain text (UTF-8 or GB18030), Word .docx, PDF or a saved web page,
 * told apart by their bytes — and prints its catalogue as JSON on stdout (and only there), with the
 * parser's doubts as a top-level `doubts` array; counts, warnings and problems go to stderr.
 * --previous keeps the codes (and reviewed names) of an earlier reviewed catalogue of the document.
 * Exit: 0 parsed, 1 not a key-task document (or not readable), 2 usage. Save the output as
 * seeds/<name>.catalog.json, review it by hand, and the app loads it at the next start.
 */
import { readFileSync } from 'node:fs';
import { DocumentReadError, readDocumentText } from '../catalog/extract/index.js';
import { documentIdFrom } from '../catalog/ids.js';
import { CatalogParseError, readCatalog } from '../catalog/parse.js';
import { CatalogFileError, checkCatalog } from '../catalog/schema.js';
import type { Catalog } from '../catalog/types.js';
import { exitWith, parseCommandLine } from './command.js';

const USAGE =
  '用法：npm run -s catalog -- <重点任务文件（.txt/.docx/.pdf/.html）> [--id 文件编号] [--year 年份] [--previous 已审核目录.catalog.json]';

const OPTIONS = { id: { type: 'string' }, year: { type: 'string' }, previous: { type: 'string' } } as const;

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv, OPTIONS, USAGE);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    console.error(
      `无法读取文件 ${file}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 2;
  }
  const year = args.values.year === undefined ? undefined : Number(args.values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
    console.error(`--year 应为四位年份，当前为 "${args.values.year}"\n${USAGE}`);
    return 2;
  }
  let previous: Catalog | undefined;
  if (args.values.previous !== undefined) {
    try {
      previous = checkCatalog(JSON.parse(readFileSync(args.values.previous, 'utf8')), args.values.previous);
    } catch (error) {
      const reason = error instanceof CatalogFileError ? error.message : (error as Error).message;
      console.error(`--previous 目录文件无法使用：${reason}`);
      return 2;
    }
  }
  try {
    const { text, format, warnings } = await readDocumentText(bytes);
    for (const warning of warnings) console.error(`${file}：${warning}`);
    const { catalog, doubts } = readCatalog(text, {
      id: args.values.id ?? previous?.document.id ?? documentIdFrom(file),
      year,
      previous,
    });
    const indicators = catalog.tasks.reduce((n, t) => n + t.indicators.length, 0);
    process.stdout.write(`${JSON.stringify({ ...catalog, doubts }, null, 2)}\n`);
    console.error(
      `${file}（${FORMAT_NAMES[format]}）：${catalog.parts.length} 个部分，${catalog.sections.length} 节，${catalog.tasks.length} 项任务，${indicators} 个指标，${catalog.goals?.length ?? 0} 个发展目标；${doubts.length} 处存疑，请先复核`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CatalogParseError || error instanceof DocumentReadError) {
      console.error(`${file}：${error.message}`);
      return 1;
    }
    throw error;
  }
}

const FORMAT_NAMES = { text: '文本', docx: 'Word', pdf: 'PDF', html: '网页' } as const;

exitWith(() => main(process.argv.slice(2)));
