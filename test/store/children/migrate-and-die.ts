/**
 * Child for the WAL test: applies every migration and macro with automatic checkpoints held off,
 * so the schema lives only in the write-ahead log, then kills itself with SIGKILL.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectRoot } from '../../../src/config.js';
import { applyMacros } from '../../../src/store/macros.js';
import { migrate, readMigrations } from '../../../src/store/migrate.js';

const db = process.argv[2] as string;
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run("SET checkpoint_threshold = '10GB'");
await migrate(connection, readMigrations(path.join(projectRoot, 'sql', 'schema')));
await applyMacros(connection, path.join(projectRoot, 'sql', 'macros'));
process.kill(process.pid, 'SIGKILL');
