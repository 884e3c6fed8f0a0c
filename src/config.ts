/**
 * Every environment variable the app reads, typed, with its default. Nothing else reads process.env.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  /** TCP port the server listens on (PORT, default 8080). */
  readonly port: number;
  /** DuckDB database file, or ':memory:' (TAIZHANG_DB, default data/taizhang.duckdb). */
  readonly dbPath: string;
  /** Folder with the reviewed catalogues (*.catalog.json) loaded at start. */
  readonly seedsDir: string;
  /** Region reference data (name, parent, level, aliases) loaded at start (TAIZHANG_REGIONS, default seeds/regions.csv). */
  readonly regionsFile: string;
  /** Password of the first administrator `admin`, used on first start only (TAIZHANG_ADMIN_PASSWORD). */
  readonly adminPassword: string | undefined;
  /** Read-only pages without login, for an intranet display (TAIZHANG_PUBLIC_READ=1). */
  readonly publicRead: boolean;
  /** Largest upload accepted, in bytes (TAIZHANG_UPLOAD_LIMIT_MB, default 100). */
  readonly uploadLimitBytes: number;
  /** The server does not start with less free disk than this where the database is (TAIZHANG_MIN_FREE_MB, default 64). */
  readonly minFreeBytes: number;
  /**
   * DuckDB's memory limit and worker threads for the process (TAIZHANG_DB_MEMORY, default 1.5GB;
   * TAIZHANG_DB_THREADS, default 2): beyond the limit DuckDB spills to disk or refuses, instead of
   * taking the machine's memory. DuckDB keeps what it read up to its limit, so the limit sets most
   * of the process's peak: at national scale (npm run bench:scale) the server peaked at 2.7–3.0 GB
   * at 2GB and at 2.4–2.5 GB at 1.5GB, its by-region snapshot no slower.
   */
  readonly duckdb: { memory_limit: string; threads: string };
  /** How long a stopping server lets running requests finish before it exits anyway (TAIZHANG_SHUTDOWN_SECONDS, default 30). */
  readonly shutdownMs: number;
  /** Where uploaded files wait for commit and are archived: beside the database file. */
  readonly uploadsDir: string;
  /**
   * Origins allowed to post forms, e.g. https://taizhang.example.gov.cn (TAIZHANG_ORIGIN, comma
   * separated). Empty: the origin the request was made to, right when nothing rewrites the Host.
   */
  readonly allowedOrigins: string[];
  /** Session cookie marked Secure: 'auto' when the request came over HTTPS (TAIZHANG_SECURE_COOKIE=auto|1|0). */
  readonly secureCookie: 'auto' | boolean;
  /**
   * Whether a reporter's committed upload waits for an administrator's approval before its values
   * count (TAIZHANG_APPROVAL=off|required, default off). Recorded on each upload when it is
   * committed, so changing it later never re-counts or un-counts earlier uploads.
   */
  readonly approval: 'off' | 'required';
  /** Largest evidence file (佐证材料) accepted, in bytes (TAIZHANG_EVIDENCE_LIMIT_MB, default 20). */
  readonly evidenceLimitBytes: number;
  /** Where evidence files are kept, named by their sha256: evidence/ beside the database file. */
  readonly evidenceDir: string;
}

/** The project's root folder, whichever working directory the process was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT 必须是 0–65535 之间的整数，当前为 "${raw}"`);
  }
  return port;
}

function parsePositive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new ConfigError(`${name} 必须是正数，当前为 "${raw}"`);
  return value;
}

/** A size DuckDB reads: 512MB, 2GB, 1.5GB. */
function parseSize(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(raw.trim())) {
    throw new ConfigError(`${name} 应写成如 512MB、2GB，当前为 "${raw}"`);
  }
  return raw.trim();
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${name} 只能是 1 或 0，当前为 "${raw}"`);
}

function parseApproval(raw: string | undefined): 'off' | 'required' {
  if (raw === undefined || raw === '' || raw === 'off') return 'off';
  if (raw === 'required') return 'required';
  throw new ConfigError(`TAIZHANG_APPROVAL 只能是 off 或 required，当前为 "${raw}"`);
}

function parseOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const text = entry.trim();
    let origin: string;
    try {
      origin = new URL(text).origin;
    } catch {
      throw new ConfigError(`TAIZHANG_ORIGIN 中的“${text}”不是网址，应写成 https://主机名[:端口]`);
    }
    if (origin !== text.replace(/\/$/, '')) {
      throw new ConfigError(`TAIZHANG_ORIGIN 只写协议、主机和端口，如 ${origin}，当前为“${text}”`);
    }
    return origin;
  });
}

/** Reads and validates the environment once; the result is frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const db = env.TAIZHANG_DB;
  const dbPath =
    db === ':memory:' ? db : path.resolve(db || path.join(projectRoot, 'data', 'taizhang.duckdb'));
  return Object.freeze({
    port: parsePort(env.PORT),
    dbPath,
    uploadLimitBytes:
      parsePositive('TAIZHANG_UPLOAD_LIMIT_MB', env.TAIZHANG_UPLOAD_LIMIT_MB, 100) * 1024 * 1024,
    minFreeBytes: parsePositive('TAIZHANG_MIN_FREE_MB', env.TAIZHANG_MIN_FREE_MB, 64) * 1024 * 1024,
    duckdb: {
      memory_limit: parseSize('TAIZHANG_DB_MEMORY', env.TAIZHANG_DB_MEMORY, '1.5GB'),
      threads: String(parsePositive('TAIZHANG_DB_THREADS', env.TAIZHANG_DB_THREADS, 2)),
    },
    shutdownMs: parsePositive('TAIZHANG_SHUTDOWN_SECONDS', env.TAIZHANG_SHUTDOWN_SECONDS, 30) * 1000,
    uploadsDir:
      dbPath === ':memory:'
        ? path.join(os.tmpdir(), `taizhang-uploads-${process.pid}`)
        : path.join(path.dirname(dbPath), 'uploads'),
    evidenceDir:
      dbPath === ':memory:'
        ? path.join(os.tmpdir(), `taizhang-evidence-${process.pid}`)
        : path.join(path.dirname(dbPath), 'evidence'),
    approval: parseApproval(env.TAIZHANG_APPROVAL),
    evidenceLimitBytes:
      parsePositive('TAIZHANG_EVIDENCE_LIMIT_MB', env.TAIZHANG_EVIDENCE_LIMIT_MB, 20) * 1024 * 1024,
    seedsDir: path.join(projectRoot, 'seeds'),
    regionsFile: env.TAIZHANG_REGIONS
      ? path.resolve(env.TAIZHANG_REGIONS)
      : path.join(projectRoot, 'seeds', 'regions.csv'),
    adminPassword: env.TAIZHANG_ADMIN_PASSWORD || undefined,
    publicRead: parseFlag('TAIZHANG_PUBLIC_READ', env.TAIZHANG_PUBLIC_READ),
    allowedOrigins: parseOrigins(env.TAIZHANG_ORIGIN),
    secureCookie:
      env.TAIZHANG_SECURE_COOKIE === undefined ||
      env.TAIZHANG_SECURE_COOKIE === 'auto' ||
      env.TAIZHANG_SECURE_COOKIE === ''
        ? 'auto'
        : parseFlag('TAIZHANG_SECURE_COOKIE', env.TAIZHANG_SECURE_COOKIE),
  });
}
