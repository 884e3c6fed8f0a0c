/**
 * Child for the kill -9 test: freezes a month of the database in argv[2] (which holds one frozen
 * snapshot already), its commit announcing each point and halting at argv[3] (see
 * test/helpers/kill-points.ts) for the parent to kill it there.
 */
import { CLI_ACTOR } from '../../../src/auth/roles.js';
import { listDocuments, readDocumentTree } from '../../../src/catalog/read.js';
import { openPrepared } from '../../../src/cli/open.js';
import { loadConfig } from '../../../src/config.js';
import { freezeSnapshot } from '../../../src/export/freeze.js';
import { markNextWrite } from '../../helpers/kill-points.js';

const [db, pause] = process.argv.slice(2) as [string, string | undefined];
const store = await openPrepared(loadConfig({ TAIZHANG_DB: db }));
const [document] = await listDocuments(store);
if (!document) throw new Error('no document');
const tree = await readDocumentTree(store, document);
markNextWrite(pause);
await freezeSnapshot(store, tree, '2021-10-31', CLI_ACTOR);
console.log('frozen');
await store.close();
