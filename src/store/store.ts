import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../errors.js';
import { applyMacros } from './macros.js';
import { migrate, readMigrations } from './migrate.js';
import { QueryBook } from './queries.js';
import { type Row, readRows } from './rows.js';
import { alignSequences } from './sequences.js';

/** The project's sql/ folder: schema migrations, macros and named queries. */
const SQL_DIR = fileURLToPath(new URL('../../sql', import.meta.url));

export type Params = Record<string, DuckDBValue>;

/** What a write transaction may do: run named queries, or raw SQL the store itself owns. */
export interface Tx {
  all<T = Row>(query: string, params?: Params): Promise<T[]>;
  run(query: string, params?: Params): Promise<number>;
  connection: DuckDBConnection;
}

/** The database cannot do what was asked (closed, a full disk, held by another process): 503. */
export class StoreError extends DomainError {
  constructor(message: string) {
    super(503, message);
  }
}

/**
 * The embedded DuckDB database: one instance per process and file, short-lived connections for
 * reads, and a single queue for writes so that one transaction commits at a time while readers
 * keep being served from their own snapshot.
 */
export class Store {
  readonly #instance: DuckDBInstance;
  readonly #queries: QueryBook;
  #writes: Promise<unknown> = Promise.resolve();
  #closed = false;
  #commits = 0;
  #onCommit = new Set<() => void>();
  #untilCommit = new LRUCache<string, Promise<unknown>>({ max: 100 });

  private constructor(
    readonly path: string,
    instance: DuckDBInstance,
    private readonly sqlDir: string,
  ) {
    this.#instance = instance;
    this.#queries = new QueryBook(join(sqlDir, 'queries'));
  }

  /**
   * Opens (creating if needed) the database at `dbPath` and brings its schema up to date; with
   * `schema: false` (a restore, which brings its own tables) call prepareSchema() afterwards.
   */
  static async open(
    dbPath: string,
    {
      sqlDir = SQL_DIR,
      schema = true,
      settings = {},
    }: { sqlDir?: string; schema?: boolean; settings?: DuckDBSettings } = {},
  ): Promise<Store> {
    if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
    const store = new Store(dbPath, await openInstance(dbPath, settings), sqlDir);
    if (schema) {
      try {
        await store.prepareSchema();
      } catch (error) {
        await store.close().catch(() => undefined);
        throw error;
      }
    }
    return store;
  }

  /**
   * Applies the migrations the database has not seen, then the macros (whenever they changed: they
   * are code), moves the id sequences past the ids in use, and checkpoints after any change, so a
   * crash right after never depends on replaying schema changes from the write-ahead log.
   */
  async prepareSchema({ checkpoint = true, reapplyMacros = false } = {}): Promise<void> {
    await this.#withConnection(async (connection) => {
      const migrated = await migrate(connection, readMigrations(join(this.sqlDir, 'schema')));
      const macros = await applyMacros(connection, join(this.sqlDir, 'macros'), { force: reapplyMacros });
      const sequences = await alignSequences(connection);
      const changed = migrated.length > 0 || macros || sequences;
      if (changed && checkpoint && this.path !== ':memory:') await connection.run('CHECKPOINT');
    });
  }

  /** Runs a named read query (sql/queries/<name>.sql) with bound parameters. */
  async all<T = Row>(query: string, params: Params = {}): Promise<T[]> {
    return this.#withConnection((connection) => allOn<T>(connection, this.#queries.get(query), params));
  }

  async one<T = Row>(query: string, params: Params = {}): Promise<T | undefined> {
    return (await this.all<T>(query, params))[0];
  }

  /** The text of a named query, for the export module to wrap in COPY. */
  sql(query: string): string {
    return this.#queries.get(query);
  }

  /**
   * Runs an export statement the export module assembled (COPY … TO a file it named itself; COPY
   * cannot bind its target as a parameter; the query inside it takes bound parameters). Read-only:
   * it goes through a reader connection.
   */
  async exportQuery(sql: string, params: Params = {}): Promise<void> {
    if (!/^COPY \(/.test(sql.trim())) throw new StoreError('only COPY (…) TO exports are allowed here');
    await this.#withConnection((connection) => connection.run(sql, bind(params)));
  }

  /** Exact row count of a table named by DuckDB's own catalogue (checked by the caller). */
  async countRows(table: string): Promise<number> {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new StoreError(`bad table name ${table}`);
    const rows = await this.#withConnection(async (connection) =>
      readRows<{ n: number }>(await connection.runAndReadAll(`SELECT count(*) AS n FROM "${table}"`)),
    );
    return rows[0]?.n ?? 0;
  }

  /** Every row of a table in a stable order, for comparing two databases (backup checks). */
  async tableRows(table: string): Promise<Row[]> {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new StoreError(`bad table name ${table}`);
    return this.#withConnection(async (connection) =>
      readRows(await connection.runAndReadAll(`SELECT * FROM "${table}" ORDER BY ALL`)),
    );
  }

  /** EXPORT DATABASE / IMPORT DATABASE for backups; the folder is checked by the backup module. */
  async exportDatabase(sql: string): Promise<void> {
    if (!/^(EXPORT|IMPORT) DATABASE '/.test(sql)) throw new StoreError('only EXPORT/IMPORT DATABASE here');
    // Through the write queue, but outside an explicit transaction: DuckDB runs these as its own.
    const next = this.#writes.then(() => this.#withConnection((connection) => connection.run(sql)));
    this.#writes = next.catch(() => undefined);
    await next;
    this.#committed();
  }

  /**
   * Runs `work` inside one transaction, after every earlier write has finished. Either all of its
   * statements commit or, if it throws, none do. `on`: a session's connection (see session()), so
   * the transaction sees the temporary tables made there. `prepare` (with `on` only) runs on that
   * connection in the write's turn, just before the transaction begins: it sees the data as the
   * transaction will (nothing commits in between), and may make only temporary tables, which a
   * throw in `work` leaves to the session's end. DuckDB reads a table made inside the transaction
   * that reads it on one thread: the import's million-row insert took twice as long.
   */
  write<T>(
    work: (tx: Tx) => Promise<T>,
    { on, prepare }: { on?: Tx; prepare?: (session: Tx) => Promise<unknown> } = {},
  ): Promise<T> {
    return this.#queueWrite(async () => {
      if (!on) return this.#withConnection((connection) => this.#transaction(connection, work));
      if (prepare) await prepare(on);
      return this.#transaction(on.connection, work);
    });
  }

  /**
   * A connection of its own, outside the write queue and any transaction, for work that reads much
   * and writes only temporary tables (checking an upload): readers and writes go on meanwhile.
   * `store.write(work, { on: session })` then queues a transaction on the same connection.
   */
  async session<T>(work: (session: Tx) => Promise<T>): Promise<T> {
    return this.#withConnection((connection) => work(this.#txOn(connection)));
  }

  #queueWrite<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new StoreError('数据库已关闭'));
    const next = this.#writes.then(work);
    // A failed write must not block the ones queued after it.
    this.#writes = next.catch(() => undefined);
    return next;
  }

  #txOn(connection: DuckDBConnection): Tx {
    return {
      all: (query, params = {}) => allOn(connection, this.#queries.get(query), params),
      run: async (query, params = {}) =>
        (await connection.run(this.#queries.get(query), bind(params))).rowsChanged,
      connection,
    };
  }

  async #transaction<T>(connection: DuckDBConnection, work: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = this.#txOn(connection);
    await connection.run('BEGIN TRANSACTION');
    try {
      const result = await work(tx);
      await connection.run('COMMIT');
      this.#committed();
      return result;
    } catch (error) {
      // A failed COMMIT has already ended the transaction; the first error is the one to tell.
      await connection.run('ROLLBACK').catch(() => undefined);
      throw describeWriteError(error);
    }
  }

  /**
   * How many write transactions this process has committed. The database file is held by one
   * process, so nothing changes it unless this number moves: caches need not ask the database.
   */
  get commits(): number {
    return this.#commits;
  }

  /** Calls `listener` after every commit (the page cache warms its pages); returns how to stop. */
  onCommit(listener: () => void): () => void {
    this.#onCommit.add(listener);
    return () => this.#onCommit.delete(listener);
  }

  /**
   * The result of `compute` for `key`, computed once until the next commit: for a read every page
   * makes and only data changes (the default as-of month, a query over every value). Kept from the
   * moment it starts, so readers asking at once share one query, and dropped at each commit, so a
   * reader after a commit never gets an answer computed before it. A failed computation is not kept.
   */
  untilCommit<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let entry = this.#untilCommit.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = compute();
      const kept = entry;
      this.#untilCommit.set(key, kept);
      kept.catch(() => {
        if (this.#untilCommit.peek(key) === kept) this.#untilCommit.delete(key);
      });
    }
    return entry;
  }

  #committed(): void {
    this.#untilCommit.clear();
    this.#commits += 1;
    for (const listener of this.#onCommit) listener();
  }

  /** Waits for queued writes, checkpoints and closes the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writes;
    const connection = await this.#instance.connect();
    try {
      // Every queued write has finished (above). A transaction still open on another connection
      // — background work such as the pages rendered again after a commit — makes a plain
      // CHECKPOINT refuse ("other write transactions active", seen once in the suite's teardown);
      // FORCE aborts it, so closing always leaves the file checkpointed.
      if (this.path !== ':memory:') await connection.run('FORCE CHECKPOINT');
    } catch (error) {
      // A checkpoint that cannot be written (a full disk) leaves the WAL, which the next open replays.
      throw describeWriteError(error);
    } finally {
      connection.closeSync();
      this.#instance.closeSync();
      instances.delete(this.path);
    }
  }

  async #withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.#closed) throw new StoreError('数据库已关闭');
    const connection = await this.#instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }
}

async function allOn<T>(connection: DuckDBConnection, sql: string, params: Params): Promise<T[]> {
  return readRows<T>(await connection.runAndReadAll(sql, bind(params)));
}

/** No parameters: run the text as is, which also allows a file of several statements. */
function bind(params: Params): Params | undefined {
  return Object.keys(params).length > 0 ? params : undefined;
}

// Two instances on one file inside one process would diverge silently: refuse the second.
const instances = new Set<string>();

/**
 * DuckDB's own settings for the process (memory_limit, threads …), so that one large import or
 * query cannot take the machine's memory from the server's other work.
 */
export type DuckDBSettings = Record<string, string>;

async function openInstance(dbPath: string, settings: DuckDBSettings): Promise<DuckDBInstance> {
  if (dbPath !== ':memory:') {
    if (instances.has(dbPath)) throw new StoreError(`数据库文件 ${dbPath} 已在本进程中打开`);
    instances.add(dbPath);
  }
  try {
    return await DuckDBInstance.create(dbPath, settings);
  } catch (error) {
    instances.delete(dbPath);
    throw describeOpenError(dbPath, error as Error);
  }
}

/** The one write failure a person can act on by themselves: a full disk. Others pass unchanged. */
function describeWriteError(error: unknown): unknown {
  if (
    error instanceof Error &&
    /No space left on device|disk (is )?full|ENOSPC|Could not write/i.test(error.message)
  ) {
    return new StoreError('磁盘空间不足，本次写入没有完成，已有数据不受影响。请清理数据库所在磁盘后重试。');
  }
  return error;
}

/** Turns DuckDB's lock error into a message that names the file and the process holding it. */
function describeOpenError(dbPath: string, error: Error): StoreError {
  const holder = /PID (\d+)/.exec(error.message)?.[1];
  if (/lock/i.test(error.message)) {
    return new StoreError(
      `无法打开数据库文件 ${dbPath}：它正被另一个进程${holder ? `（PID ${holder}）` : ''}使用。请先停止该进程，或用 TAIZHANG_DB 指定另一个文件。`,
    );
  }
  return new StoreError(`无法打开数据库文件 ${dbPath}：${error.message}`);
}
