import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads sql/schema/NNN_name.sql in order of NNN. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -'.sql'.length),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

/**
 * Applies the migrations the database has not seen, each in its own transaction together with its
 * record in schema_migration, so a crash mid-migration leaves it entirely applied or not at all.
 */
export async function migrate(connection: DuckDBConnection, migrations: Migration[]): Promise<number[]> {
  await connection.run(
    `CREATE TABLE IF NOT EXISTS schema_migration (
       version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  );
  const done = await connection.runAndReadAll('SELECT version FROM schema_migration');
  const applied = new Set(done.getRowsJS().map(([version]) => Number(version)));
  const appliedNow: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(migration.sql);
      await connection.run('INSERT INTO schema_migration (version, name) VALUES ($version, $name)', {
        version: migration.version,
        name: migration.name,
      });
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw new Error(`migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`);
    }
    appliedNow.push(migration.version);
  }
  return appliedNow;
}
