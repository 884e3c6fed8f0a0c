/**
 * Child for the WAL test: applies the migrations before `version`, then runs that one's SQL inside
 * its transaction and is killed with SIGKILL before the COMMIT.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectRoot } from '../../../src/config.js';
import { migrate, readMigrations } from '../../../src/store/migrate.js';

const db = process.argv[2] as string;
const version = Number(process.argv[3]);
const migrations = readMigrations(path.join(projectRoot, 'sql', 'schema'));
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run("SET checkpoint_threshold = '10GB'");
await migrate(
  connection,
  migrations.filter((m) => m.version < version),
);
const interrupted = migrations.find((m) => m.version === version);
if (!interrupted) throw new Error(`no migration ${version}`);
await connection.run('BEGIN TRANSACTION');
await connection.run(interrupted.sql);
process.kill(process.pid, 'SIGKILL');
