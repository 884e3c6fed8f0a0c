/**
 * npm run backup -- <dir>    the whole database to a new folder (EXPORT DATABASE + manifest)
 * npm run restore -- <dir>   a backup into the empty database named by TAIZHANG_DB
 * Stop the server first: a DuckDB file is held by one process at a time.
 * Exit: 0 done, 1 refused or failed (message on stderr), 2 usage.
 */
import { loadConfig } from '../config.js';
import { backup, restore } from '../store/backup.js';
import { Store } from '../store/store.js';
import { exitWith } from './command.js';

async function main(command: string | undefined, dir: string | undefined): Promise<number> {
  if ((command !== 'backup' && command !== 'restore') || !dir) {
    console.error('用法：npm run backup -- <目录>  或  npm run restore -- <目录>');
    return 2;
  }
  // Refusals (the file held by the server, a damaged backup …) reach exitWith: message, exit 1.
  const config = loadConfig();
  const store = await Store.open(config.dbPath, { schema: command === 'backup' });
  try {
    const manifest =
      command === 'backup' ? await backup(store, dir, config) : await restore(store, dir, config);
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    console.log(
      `${command === 'backup' ? '已备份到' : '已从备份恢复'} ${dir}：${Object.keys(manifest.tables).length} 张表，共 ${rows} 行，佐证材料 ${Object.keys(manifest.evidence ?? {}).length} 个，数据版本 ${manifest.data_version}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

exitWith(() => main(process.argv[2], process.argv[3]));
