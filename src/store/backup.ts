import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from './store.js';

export interface BackupManifest {
  format: 'taizhang-backup/1';
  created_at: string;
  data_version: number;
  /** Exact row count of every table. */
  tables: Record<string, number>;
  /** sha256 of every file DuckDB wrote, and of every evidence file (evidence/<sha256>). */
  files: Record<string, string>;
  /** The evidence files (佐证材料) kept beside the database: sha256 → bytes. */
  evidence?: Record<string, number>;
}

/** Where the files kept beside the database are: evidence/<sha256>. */
export interface FileDirs {
  evidenceDir: string;
}

const EVIDENCE = 'evidence';
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

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
export async function backup(store: Store, dir: string, dirs?: FileDirs): Promise<BackupManifest> {
  const target = checkedDir(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new BackupError(`备份目录 ${target} 不是空的，请指定一个新目录。`);
  }
  mkdirSync(target, { recursive: true });
  const version = (await store.one<{ version: number }>('meta/data_version'))?.version ?? 0;
  const tables = await tableCounts(store);
  await store.exportDatabase(`EXPORT DATABASE '${target}' (FORMAT parquet, COMPRESSION zstd)`);
  dropMacros(path.join(target, 'schema.sql'));
  const files: Record<string, string> = Object.fromEntries(
    readdirSync(target)
      .sort()
      .map((file) => [file, sha256Of(path.join(target, file))]),
  );
  const evidence = await copyEvidence(store, dirs, target, files);
  const manifest: BackupManifest = {
    format: 'taizhang-backup/1',
    created_at: new Date().toISOString(),
    data_version: version,
    tables,
    files,
    ...(evidence ? { evidence } : {}),
  };
  writeFileSync(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Copies every evidence file the database refers to into <backup>/evidence/, each checked against
 * the sha256 it is named by; a file missing or damaged refuses the backup rather than leave it out.
 */
async function copyEvidence(
  store: Store,
  dirs: FileDirs | undefined,
  target: string,
  files: Record<string, string>,
): Promise<Record<string, number> | null> {
  const rows = await store.all<{ sha256: string; bytes: number }>('evidence/files');
  if (rows.length === 0) return null;
  if (!dirs) throw new BackupError('数据库中有佐证材料，但未指定其所在目录，无法备份。');
  mkdirSync(path.join(target, EVIDENCE));
  const evidence: Record<string, number> = {};
  for (const { sha256, bytes } of rows) {
    const source = path.join(dirs.evidenceDir, sha256);
    if (!existsSync(source) || sha256Of(source) !== sha256) {
      throw new BackupError(`佐证材料 ${sha256.slice(0, 12)}… 的文件缺失或已损坏（${source}），备份未完成。`);
    }
    copyFileSync(source, path.join(target, EVIDENCE, sha256));
    files[`${EVIDENCE}/${sha256}`] = sha256;
    evidence[sha256] = bytes;
  }
  return evidence;
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
export async function restore(store: Store, dir: string, dirs?: FileDirs): Promise<BackupManifest> {
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
  // The evidence files, already checked against the manifest, go back beside the database.
  const evidence = Object.keys(manifest.evidence ?? {});
  if (evidence.length > 0) {
    if (!dirs) throw new BackupError('备份中有佐证材料，但未指定恢复目录。');
    mkdirSync(dirs.evidenceDir, { recursive: true });
    for (const sha256 of evidence) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BackupError(`备份清单中的佐证材料名无效：${sha256}`);
      copyFileSync(path.join(source, EVIDENCE, sha256), path.join(dirs.evidenceDir, sha256));
    }
  }
  return manifest;
}
