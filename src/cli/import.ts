/**
 * npm run import -- <file.csv> [--dry-run] [--json] [--region R] [--plan] [--increment] [--by NAME]
 * The same pipeline as the web form and the API. Exit: 0 committed (or nothing to change),
 * 1 rejected, 2 usage. TAIZHANG_DB selects the database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { importFile } from '../ingest/import.js';
import { reportText } from '../ingest/report-text.js';
import { exitWith, parseCommandLine } from './command.js';
import { openPrepared } from './open.js';

const USAGE =
  '用法：npm run import -- <文件.csv> [--dry-run] [--json] [--region 地区] [--plan] [--increment] [--by 填报人]';

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  region: { type: 'string' },
  plan: { type: 'boolean', default: false },
  increment: { type: 'boolean', default: false },
  by: { type: 'string' },
} as const;

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv, OPTIONS, USAGE);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`找不到文件 ${file}\n${USAGE}`);
    return 2;
  }
  const store = await openPrepared(loadConfig());
  try {
    const report = await importFile(store, file, {
      fileName: path.basename(file),
      by: args.values.by ?? 'cli',
      dryRun: args.values['dry-run'],
      region: args.values.region,
      series: args.values.plan ? 'plan' : 'actual',
      basis: args.values.increment ? 'increment' : undefined,
    });
    console.log(args.values.json ? JSON.stringify(report, null, 2) : reportText(report));
    return report.status === 'rejected' || (report.status === 'preview' && report.counts.errors > 0) ? 1 : 0;
  } finally {
    await store.close();
  }
}

exitWith(() => main(process.argv.slice(2)));
