import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The SQL rules (sql/macros/NN_topic.sql: how a number is read, which value counts, the cumulative
 * series, pace and status) are code, not schema: each file is applied with CREATE OR REPLACE when
 * the database opens, in file order (a macro after the macros it calls), so a rule has one home and
 * a changed rule needs no migration. The set's sha256 is kept in the database, so an unchanged set
 * writes nothing at start — a server on a full disk still opens. Returns whether anything was applied.
 */
export async function applyMacros(
  connection: DuckDBConnection,
  dir: string,
  { force = false } = {},
): Promise<boolean> {
  const files = readdirSync(dir)
    .filter((file) => /^\d{2}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ file, sql: readFileSync(path.join(dir, file), 'utf8') }));
  const sha256 = createHash('sha256')
    .update(files.map((f) => `${f.file}\n${f.sql}`).join('\n'))
    .digest('hex');
  await connection.run(
    'CREATE TABLE IF NOT EXISTS schema_macros (id INTEGER PRIMARY KEY, sha256 VARCHAR NOT NULL)',
  );
  const stored = (
    await connection.runAndReadAll('SELECT sha256 FROM schema_macros WHERE id = 1')
  ).getRowsJS();
  if (!force && stored[0]?.[0] === sha256) return false;
  await connection.run('BEGIN TRANSACTION');
  try {
    for (const { file, sql } of files) {
      try {
        await connection.run(sql);
      } catch (error) {
        throw new Error(`sql/macros/${file}: ${(error as Error).message}`);
      }
    }
    await connection.run('INSERT OR REPLACE INTO schema_macros VALUES (1, $sha256)', { sha256 });
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return true;
}
