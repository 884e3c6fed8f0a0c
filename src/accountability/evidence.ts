/**
 * Evidence (佐证材料): files that back an indicator — a reported value (its period and region) or
 * the indicator as a whole, a milestone above all. The bytes are kept beside the database as
 * evidence/<sha256> (the same file twice is kept once); the metadata is an appended row. A file
 * is accepted by its content (src/accountability/file-type.ts), never by its name, and is always
 * served as a download.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listValue } from '@duckdb/node-api';
import { monthEnd } from '../analytics/indicators.js';
import type { Actor } from '../auth/roles.js';
import { findIndicator } from '../catalog/read.js';
import { listRegions } from '../catalog/regions.js';
import type { Config } from '../config.js';
import { DomainError, InvalidError, NotFoundError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { detectFileType, FILE_TYPES, type FileType } from './file-type.js';
import { indicatorDepartments, mayWriteFor, outOfScope } from './scope.js';

export interface EvidenceRow {
  id: number;
  indicator_code: string;
  /** The reported value's period it backs (month end), or null for the indicator as a whole. */
  period: string | null;
  region: string | null;
  file_name: string;
  file_type: FileType;
  bytes: number;
  sha256: string;
  note: string | null;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface NewEvidence {
  bytes: Uint8Array;
  fileName: string;
  note?: string | undefined;
  /** YYYY-MM: the reported value it backs. */
  period?: string | undefined;
  region?: string | undefined;
}

type EvidenceConfig = Pick<Config, 'evidenceDir' | 'evidenceLimitBytes'>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The file's path by its content address (checked to be one, so nothing else is ever opened). */
export function evidencePath(dir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`bad evidence hash ${hash}`);
  return path.join(dir, hash);
}

/**
 * Keeps an evidence file for an indicator: checked by size and content, written beside the
 * database, recorded with its audit event in one transaction. Reporters attach files only to the
 * indicators of their departments.
 */
export async function addEvidence(
  store: Store,
  config: EvidenceConfig,
  actor: Actor,
  code: string,
  input: NewEvidence,
): Promise<EvidenceRow> {
  const indicator = await findIndicator(store, code);
  if (indicator.retired_at) throw new InvalidError(`指标 ${code} 已停用，不能再上传佐证材料。`);
  const departments = await indicatorDepartments(store, code);
  if (!mayWriteFor(actor, departments)) throw new DomainError(403, outOfScope(code, departments));
  const limitMb = Math.round(config.evidenceLimitBytes / 1024 / 1024);
  if (input.bytes.length === 0) throw new InvalidError('请选择要上传的佐证材料（文件不能为空）。');
  if (input.bytes.length > config.evidenceLimitBytes) {
    throw new DomainError(413, `佐证材料超过 ${limitMb} MB 的上限，请压缩或拆分后上传。`);
  }
  const type = detectFileType(input.bytes);
  const period = input.period ? monthEnd(input.period) : null;
  const region = period ? (input.region ?? '全省') : (input.region ?? null);
  if (region && !(await listRegions(store)).some((r) => r.name === region)) {
    throw new InvalidError(`地区“${region.slice(0, 40)}”不存在`);
  }
  const hash = sha256(input.bytes);
  keepFile(config.evidenceDir, hash, input.bytes);
  const fileName = safeName(input.fileName, type);
  const note = input.note?.trim() || null;
  return store.write(async (tx) => {
    const [row] = await tx.all<{ id: number }>('evidence/insert', {
      code: indicator.code,
      period,
      region,
      file_name: fileName,
      file_type: type,
      bytes: input.bytes.length,
      sha256: hash,
      note,
      by: actor.username,
    });
    const id = row?.id ?? 0;
    // The indicator's and task's pages list it: cached pages must not outlive it.
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, actor, {
      action: 'evidence.add',
      target: `indicator:${indicator.code}`,
      detail: { evidence: id, file: fileName, type, bytes: input.bytes.length, sha256: hash, period, region },
    });
    const [saved] = await tx.all<EvidenceRow>('evidence/get', { id });
    if (!saved) throw new Error(`evidence ${id} not found after insert`);
    return saved;
  });
}

/**
 * Writes the bytes under their sha256 unless they are there already: to a temporary name first,
 * then renamed, so a crash never leaves half a file under a content address. A row that never
 * committed leaves at most an unreferenced file, which nothing lists.
 */
function keepFile(dir: string, hash: string, bytes: Uint8Array): void {
  const target = evidencePath(dir, hash);
  if (existsSync(target)) return;
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * The name to save the file as: the uploaded name without its folders or control characters,
 * with the extension of what the content really is (a PDF named .exe is saved as .pdf).
 */
export function safeName(name: string, type: FileType): string {
  const base =
    (name.split(/[\\/]/).pop() ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
      .replace(/\.[A-Za-z0-9]{1,6}$/, '')
      .trim()
      .slice(0, 100) || '佐证材料';
  return `${base}${FILE_TYPES[type].extension}`;
}

/** The evidence files of some indicators, newest first. */
export function listEvidence(store: Store, codes: string[]): Promise<EvidenceRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return store.all<EvidenceRow>('evidence/list', { codes: listValue(codes) });
}

/** One evidence file with its bytes, checked against its sha256 (a damaged file is not served). */
export async function evidenceFile(
  store: Store,
  config: Pick<Config, 'evidenceDir'>,
  id: number,
): Promise<{ row: EvidenceRow; bytes: Buffer; contentType: string }> {
  const row = await store.one<EvidenceRow>('evidence/get', { id });
  if (!row) throw new NotFoundError(`没有编号为 ${id} 的佐证材料`);
  const file = evidencePath(config.evidenceDir, row.sha256);
  if (!existsSync(file))
    throw new NotFoundError(`佐证材料 ${id} 的文件不在服务器上，请联系管理员从备份恢复。`);
  const bytes = readFileSync(file);
  if (sha256(bytes) !== row.sha256) throw new Error(`evidence ${id} does not match its sha256`);
  return { row, bytes, contentType: FILE_TYPES[row.file_type].contentType };
}
