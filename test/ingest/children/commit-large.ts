/**
 * Child for the kill -9 test: opens the prepared database in argv[2] and imports argv[3], its commit
 * announcing each point and halting at argv[4] (see test/helpers/kill-points.ts) for the parent to
 * kill it there.
 */
import { importFile } from '../../../src/ingest/import.js';
import { Store } from '../../../src/store/store.js';
import { markNextWrite } from '../../helpers/kill-points.js';

const [db, file, pause] = process.argv.slice(2) as [string, string, string | undefined];
const store = await Store.open(db);
markNextWrite(pause);
const report = await importFile(store, file, { fileName: 'large.csv', by: 'test' });
console.log(`done ${report.status} ${report.counts.new}`);
await store.close();
