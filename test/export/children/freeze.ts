/** Child for the kill -9 test: freezes a month of the database in argv[2], saying "freezing" first. */
import { CLI_ACTOR } from '../../../src/auth/roles.js';
import { listDocuments, readDocumentTree } from '../../../src/catalog/read.js';
import { openPrepared } from '../../../src/cli/open.js';
import { loadConfig } from '../../../src/config.js';
import { freezeSnapshot } from '../../../src/export/freeze.js';

const store = await openPrepared(loadConfig({ TAIZHANG_DB: process.argv[2] }));
const [document] = await listDocuments(store);
if (!document) throw new Error('no document');
const tree = await readDocumentTree(store, document);
console.log('freezing');
for (let i = 0; ; i++) {
  await freezeSnapshot(store, tree, `2021-${String((i % 12) + 1).padStart(2, '0')}-28`, CLI_ACTOR);
  console.log(`frozen ${i + 1}`);
}
