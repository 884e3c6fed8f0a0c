/**
 * Child for the damaged-WAL test: with automatic checkpoints held off, commits a large file then a
 * one-line file, so both live only in the write-ahead log, says "committed", and kills itself.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSeedCatalogs } from '../../../src/catalog/load.js';
import { loadRegions } from '../../../src/catalog/regions.js';
import { loadConfig } from '../../../src/config.js';
import { importFile } from '../../../src/ingest/import.js';
import { Store } from '../../../src/store/store.js';

const [db, file, regions] = process.argv.slice(2) as [string, string, string];
const store = await Store.open(db, { settings: { checkpoint_threshold: '10GB' } });
await loadSeedCatalogs(store, loadConfig({}).seedsDir);
await loadRegions(store, regions);
const large = await importFile(store, file, { fileName: 'large.csv', by: 'test' });
const one = path.join(path.dirname(file), 'one.csv');
writeFileSync(one, '指标编码,统计期,数值\n2021-T10-1,2021-03,9000\n');
const small = await importFile(store, one, { fileName: 'one.csv', by: 'test' });
console.log(`committed ${large.status} ${small.status}`);
process.kill(process.pid, 'SIGKILL');
