import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from './store.js';

export interface BackupManifest {
  format: 'taizhang-backup/1';
  created_at: string;
  data_version: number;
  /** Exact row count of every table. */
  tables: Record<string, number>;
  /** sha256 of every file DuckDB wrote. */
  files: Record<string, string>;
}

export class BackupError extends Error {}

const MANIFEST = 'manifest.json';

/** A folder path safe to put in EXPORT/IMPORT DATABASE, which take no bound parameter. */
function checkedDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (resolved.includes("'")) throw new BackupError(`路径中不能含有单引号：${resolved}`);
  return resolved;
}

/** Exact row counts of every table (estimated_size is only an estimate). */
async function tableCounts(store: Store): Promise<Record<string, number>> {
  const tables = await store.all<{ name: string }>('meta/table_counts');
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // Table names come from DuckDB's own catalogue, and are checked to be plain identifiers.
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new BackupError(`unexpected table name ${name}`);
    counts[name] = await store.countRows(name);
  }
  return counts;
}

/**
 * Writes the whole database to `dir` with DuckDB's EXPORT DATABASE (schema, sequences and every
 * table as Parquet) and a manifest of row counts and file checksums.
 */
export async function backup(store: Store, dir: string): Promise<BackupManifest> {
  const target = checkedDir(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new BackupError(`备份目录 ${target} 不是空的，请指定一个新目录。`);
  }
  mkdirSync(target, { recursive: true });
  const version = (await store.one<{ version: number }>('meta/data_version'))?.version ?? 0;
  const tables = await tableCounts(store);
  await store.exportDatabase(`EXPORT DATABASE '${target}' (FORMAT parquet, COMPRESSION zstd)`);
  dropMacros(path.join(target, 'schema.sql'));
  const files = Object.fromEntries(
    readdirSync(target)
      .sort()
      .map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(path.join(target, file)))
          .digest('hex'),
      ]),
  );
  const manifest: BackupManifest = {
    format: 'taizhang-backup/1',
    created_at: new Date().toISOString(),
    data_version: version,
    tables,
    files,
  };
  writeFileSync(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * The macros are the app's code, not data (sql/macros, applied at every start): they are left out
 * of the backup's schema, so a restore takes the restoring version's rules. (DuckDB 1.5 also
 * writes them in name order, which IMPORT DATABASE could not create: a macro must follow those it calls.)
 */
function dropMacros(schemaFile: string): void {
  const lines = readFileSync(schemaFile, 'utf8').split('\n');
  writeFileSync(schemaFile, lines.filter((line) => !/^CREATE (OR REPLACE )?MACRO /.test(line)).join('\n'));
}

/**
 * Loads a backup into an empty database: checks every file against the manifest first, imports,
 * then checks every table's row count. Refuses a database that already holds data.
 */
export async function restore(store: Store, dir: string): Promise<BackupManifest> {
  const source = checkedDir(dir);
  const manifestFile = path.join(source, MANIFEST);
  if (!existsSync(manifestFile)) throw new BackupError(`${source} 中没有 ${MANIFEST}，不是台账的备份目录。`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  for (const [file, sha] of Object.entries(manifest.files)) {
    const full = path.join(source, file);
    if (!existsSync(full)) throw new BackupError(`备份不完整：缺少文件 ${file}`);
    if (createHash('sha256').update(readFileSync(full)).digest('hex') !== sha) {
      throw new BackupError(`备份文件 ${file} 已损坏（校验和不符）`);
    }
  }
  if ((await store.one<{ n: number }>('meta/has_tables'))?.n) {
    throw new BackupError('目标数据库不是空的。请用 TAIZHANG_DB 指定一个新的数据库文件再恢复。');
  }
  await store.exportDatabase(`IMPORT DATABASE '${source}'`);
  // The backup's tables and migration records, then this version's macros (the backup holds
  // none) and sequences.
  await store.prepareSchema({ reapplyMacros: true });
  const counts = await tableCounts(store);
  for (const [table, expected] of Object.entries(manifest.tables)) {
    if (counts[table] !== expected) {
      throw new BackupError(`恢复后表 ${table} 有 ${counts[table] ?? 0} 行，备份中为 ${expected} 行`);
    }
  }
  return manifest;
}
