import { rmSync } from 'node:fs';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store, Tx } from '../store/store.js';
import { tempDir } from '../tempfiles.js';
import { formatInstant } from '../time.js';
import { type BodyNotes, checkTargets, stageTables } from './body.js';
import { checkStaged } from './check.js';
import { checkQueueOf, type ReportStage } from './check-queue.js';
import type { Encoding } from './decode.js';
import { headerNames } from './header-names.js';
import { describeLayout, type LayoutReport } from './layout-report.js';
import { IngestError, type Problem } from './problems.js';
import { openSource, placeProblems, placeRow, type Source } from './source.js';

export interface ImportOptions {
  /** The file's name as the user knows it (shown in the history). */
  fileName: string;
  /** Who uploads: a user name, or 'cli'. */
  by: string;
  /** Check and report only; write no value. */
  dryRun?: boolean;
  /**
   * With dryRun: if the file has errors, record it as a rejected upload (with its problems) so it
   * shows in the history; a clean file is still only previewed.
   */
  recordRejection?: boolean;
  /** Region for rows that name none (default 全省). */
  region?: string;
  /**
   * Whether values are actuals, a monthly plan (分月计划) or regional targets (目标分解, which need no
   * period), for rows whose 类型 says none.
   */
  series?: Series;
  /** Basis for rows that state none: cumulative (累计, the default) or increment (当月). */
  basis?: 'cumulative' | 'increment';
  /**
   * The departments whose indicators the uploader may report (a reporter's scope); a row for any
   * other indicator is an error. Null or absent: all.
   */
  scope?: string[] | null;
  /**
   * Recorded in the audit trail in the same transaction as the upload: who (with their session)
   * and as what (upload, value for the single-value form, sample), suffixed .preview/.commit/.reject.
   */
  audit?: { by: AuditBy; action: 'upload' | 'value' | 'sample' };
  /**
   * The upload waits for approval (审核) before its values count: recorded with the commit, in its
   * transaction (src/accountability/approval.ts decides who needs it).
   */
  needsApproval?: boolean;
  /** A key the page chose, under which the check's place in the queue and stage can be asked. */
  progress?: string | undefined;
  /** Told each stage as the check reaches it (the CLI prints them). */
  onStage?: ReportStage;
}

export type Series = 'actual' | 'plan' | 'target';

export interface PreviewRow {
  line: number;
  /** For a workbook: the sheet whose row `line` is. */
  sheet?: string;
  code: string;
  indicator_name: string;
  unit: string | null;
  region: string;
  /** Null for a regional target (类型 = 目标): it is for the indicator's deadline. */
  period: string | null;
  series: Series;
  value_raw: string | null;
  value: number | null;
  basis: 'cumulative' | 'increment';
  milestone_status: string | null;
  note: string | null;
  change: 'new' | 'revised';
  old_value: number | null;
  old_status: string | null;
}

export interface ImportReport {
  /**
   * preview: checked, nothing written (dry run); committed: values written; rejected: errors, no
   * value written; duplicate: this very file is already committed; unchanged: nothing new in it.
   */
  status: 'preview' | 'committed' | 'rejected' | 'duplicate' | 'unchanged';
  uploadId: number | null;
  fileName: string;
  sha256: string;
  encoding: Encoding | null;
  format: 'long' | 'wide' | null;
  counts: {
    lines: number;
    values: number;
    new: number;
    revised: number;
    unchanged: number;
    blank: number;
    errors: number;
    warnings: number;
  };
  /** Revisions first, then new values; at most PREVIEW_LIMIT. */
  changes: PreviewRow[];
  /** At most PROBLEM_LIMIT, in line order; counts.errors/warnings give the totals. */
  problems: Problem[];
  duplicateOf?: { id: number; uploadedAt: string; uploadedBy: string; fileName: string };
  /** Committed, waiting for approval: its values count once an administrator approves it. */
  approval?: 'pending';
  /** Where the table was found: title, header and note rows skipped, sheets skipped, values scaled. */
  layout?: LayoutReport;
}

export const PREVIEW_LIMIT = 500;
export const PROBLEM_LIMIT = 1000;
/** The most problems kept for a rejected upload's error report (every one, short of a runaway file). */
export const STORED_PROBLEM_LIMIT = 500_000;

const NO_COUNTS = { lines: 0, values: 0, new: 0, revised: 0, unchanged: 0, blank: 0, errors: 0, warnings: 0 };

/**
 * The one import pipeline behind every door (web form, single-value form, CLI, API):
 * front stage (a CSV or an .xlsx, the table found in it: openSource) → stage with DuckDB
 * (stageTables) → check in SQL → compare with what counts now → preview, or commit in one
 * transaction. A file with any error writes no value; its upload record and problems are kept
 * (unless it is a dry run) so the history shows what was tried.
 */
export async function importFile(store: Store, file: string, options: ImportOptions): Promise<ImportReport> {
  return checkQueueOf(store).run(
    options.progress,
    (report) => importQueued(store, file, options, report),
    options.onStage,
  );
}

/**
 * The import once its turn in the check queue has come. Reading, staging and checking run on a
 * connection of their own, outside the write queue, so readers, sign-ins and other writes go on
 * while a large file is checked; only comparing with what counts now, the report and the commit
 * take the write's turn, on that connection (it sees the staged temporary tables): the comparison
 * just before the transaction (a temporary table of it made inside would be read on one thread
 * by the insert), the report and the commit in it.
 */
async function importQueued(
  store: Store,
  file: string,
  options: ImportOptions,
  report: ReportStage,
): Promise<ImportReport> {
  const work = tempDir();
  try {
    let source: Source;
    try {
      source = await openSource(file, work, await headerNames(store));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      return rejectWhole(store, options, { sha256: '', encoding: null }, error);
    }
    const base = { sha256: source.sha256, encoding: source.encoding };
    // Regional targets (目标分解) are for the indicator's deadline: a file of them needs no period.
    if (options.series === 'target')
      source.problems = source.problems.filter((p) => p.code !== 'missing_period_column');
    if (source.tables.length === 0 || source.problems.some((p) => p.severity === 'error'))
      return rejectProblems(store, options, base, source.problems, describeLayout(source, null));
    const tables = source.tables;
    const [first] = tables;
    const format = tables.some((t) => t.shape.layout.format === 'wide') ? 'wide' : 'long';

    try {
      return await store.session(async (session) => {
        // Checks run one at a time (this queue), so no other import commits this file meanwhile.
        const duplicate = await findDuplicate(session, source.sha256);
        if (duplicate) return duplicateReport(options, base, duplicate);
        report('checking', 20);
        const body = await stageTables(session, tables, options);
        report('checking', 50);
        await checkStaged(session, {
          scope: options.scope ?? null,
          region: options.region ?? '全省',
          basis:
            options.basis ?? (tables.length === 1 ? first?.shape.layout.headerBasis : null) ?? 'cumulative',
          series:
            options.series ?? (tables.length === 1 ? first?.shape.layout.headerSeries : null) ?? 'actual',
        });
        report('comparing', 80);
        return store.write(
          async (tx) => {
            const targets = await checkTargets(tx, body);
            report('writing', 90);
            const result = await finish(tx, options, { ...base, format }, source, targets, body);
            // On failure the rollback drops the temporary tables made here; the connection ends after.
            await tx.run('ingest/drop_temp');
            await auditReport(tx, options, result);
            return result;
          },
          // The comparison with what counts now, in the write's turn (no commit can come between).
          { on: session, prepare: (turn) => turn.run('ingest/compare') },
        );
      });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      return rejectWhole(store, options, base, error);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Base = { sha256: string; encoding: Encoding | null };

/** Gathers the report from the checked rows and, unless a dry run, records the upload. */
async function finish(
  tx: Tx,
  options: ImportOptions,
  base: Base & { format: 'long' | 'wide' },
  source: Source,
  targetProblems: Problem[],
  body: BodyNotes,
): Promise<ImportReport> {
  const headerProblems = source.problems;
  const [summary] = await tx.all<Record<keyof typeof NO_COUNTS | 'cells', number>>('ingest/summary');
  const [{ n: rejectCount } = { n: 0 }] = await tx.all<{ n: number }>('ingest/count_rejects');
  const s = summary ?? { ...NO_COUNTS, cells: 0 };
  const counts = {
    lines: s.lines + rejectCount,
    values: s.cells,
    new: s.new,
    revised: s.revised,
    unchanged: s.unchanged,
    blank: s.blank,
    errors: s.errors + rejectCount + body.problems.length,
    warnings:
      s.warnings + [...headerProblems, ...targetProblems].filter((p) => p.severity === 'warning').length,
  };
  // A file that will be recorded as rejected keeps every problem, for its error report; the page
  // and the API's answer show the first PROBLEM_LIMIT.
  const recording = !options.dryRun || (options.recordRejection === true && counts.errors > 0);
  const limit = recording && counts.errors > 0 ? STORED_PROBLEM_LIMIT : PROBLEM_LIMIT;
  const rejects = await tx.all<{ line: number; error_type: string; csv_line: string }>('ingest/rejects', {
    limit,
  });
  const rowProblems = await tx.all<{
    line: number;
    column_name: string | null;
    severity: Problem['severity'];
    code: string;
    message: string;
    found: string | null;
  }>('ingest/problems', { limit });
  const lineProblems: Problem[] = [
    ...rejects.map(describeReject),
    ...rowProblems.map((p) => ({ ...p, column: p.column_name })).map(({ column_name: _, ...p }) => p),
    ...targetProblems,
    ...body.problems,
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const allProblems = [...headerProblems, ...placeProblems(lineProblems, source.tables)].slice(0, limit);
  const problems = allProblems.slice(0, PROBLEM_LIMIT);

  const changes = (await tx.all<PreviewRow>('ingest/preview_rows', { limit: PREVIEW_LIMIT })).map((row) =>
    placeRow(row, source.tables),
  );
  const report: ImportReport = {
    ...emptyReport(options, base),
    ...base,
    counts,
    changes,
    problems,
    layout: describeLayout(source, body),
  };
  if (options.dryRun && !(options.recordRejection && counts.errors > 0)) return report;

  if (counts.errors > 0) {
    report.status = 'rejected';
  } else if (counts.new + counts.revised === 0) {
    report.status = 'unchanged';
    return report;
  } else {
    report.status = 'committed';
  }
  report.uploadId = await recordUpload(tx, options, report, allProblems);
  if (report.status === 'committed') {
    // recorded_at is the transaction's now(), the same instant as the upload's uploaded_at.
    await tx.run('ingest/insert_actuals', { upload_id: report.uploadId });
    await tx.run('ingest/insert_upload_periods', { upload_id: report.uploadId });
    await tx.run('ingest/insert_targets', { upload_id: report.uploadId });
    if (options.needsApproval) {
      await tx.run('approval/request', { upload_id: report.uploadId, by: options.by });
      report.approval = 'pending';
    }
    await tx.run('meta/bump_data_version');
  }
  return report;
}

/** Writes the upload record and its problems (all of them for a rejected file, warnings otherwise). */
async function recordUpload(
  tx: Tx,
  options: ImportOptions,
  report: ImportReport,
  problems = report.problems,
): Promise<number> {
  const [{ id } = { id: 0 }] = await tx.all<{ id: number }>('ingest/next_upload_id');
  const { counts } = report;
  await tx.run('ingest/insert_upload', {
    id,
    file_name: options.fileName,
    sha256: report.sha256,
    encoding: report.encoding ?? 'unknown',
    format: report.format ?? 'unknown',
    rows_read: counts.lines,
    rows_new: counts.new,
    rows_revised: counts.revised,
    rows_unchanged: counts.unchanged,
    rows_blank: counts.blank,
    errors: counts.errors,
    warnings: counts.warnings,
    status: report.status === 'committed' ? 'committed' : 'rejected',
    uploaded_by: options.by,
  });
  if (problems.length > 0) {
    await tx.run('ingest/insert_problems', { upload_id: id, problems: JSON.stringify(problems) });
  }
  // Even a rejected upload changes what the history shows, so cached pages must not outlive it.
  if (report.status !== 'committed') await tx.run('meta/bump_data_version');
  return id;
}

async function findDuplicate(tx: Tx, sha256: string) {
  const [row] = await tx.all<{ id: number; uploaded_at: Date; uploaded_by: string; file_name: string }>(
    'ingest/find_upload_by_sha256',
    { sha256 },
  );
  return row;
}

function duplicateReport(
  options: ImportOptions,
  base: Base,
  dup: { id: number; uploaded_at: Date; uploaded_by: string; file_name: string },
): ImportReport {
  const uploadedAt = dup.uploaded_at.toISOString();
  return {
    ...emptyReport(options, base),
    status: 'duplicate',
    duplicateOf: { id: dup.id, uploadedAt, uploadedBy: dup.uploaded_by, fileName: dup.file_name },
    problems: [
      {
        line: null,
        column: null,
        severity: 'warning',
        code: 'duplicate_file',
        message: `此文件已于 ${formatInstant(dup.uploaded_at)} 由 ${dup.uploaded_by} 上传（第 ${dup.id} 批，${dup.file_name}），本次未做任何更改。`,
        found: null,
      },
    ],
  };
}

/** A file that cannot be read at all: one problem for the whole file. */
function rejectWhole(store: Store, options: ImportOptions, base: Base, error: IngestError) {
  return rejectProblems(store, options, base, [
    { line: null, column: null, severity: 'error', code: error.code, message: error.message, found: null },
  ]);
}

async function rejectProblems(
  store: Store,
  options: ImportOptions,
  base: Base,
  problems: Problem[],
  layout?: LayoutReport,
) {
  const report: ImportReport = {
    ...emptyReport(options, base),
    status: options.dryRun && !options.recordRejection ? 'preview' : 'rejected',
    problems,
    ...(layout ? { layout } : {}),
  };
  report.counts.errors = problems.filter((p) => p.severity === 'error').length;
  report.counts.warnings = problems.length - report.counts.errors;
  if (report.status !== 'rejected' && !options.audit) return report;
  await store.write(async (tx) => {
    if (report.status === 'rejected') report.uploadId = await recordUpload(tx, options, report);
    await auditReport(tx, options, report);
  });
  return report;
}

/** The audit event of an import, written in its transaction (nothing when no one is named). */
async function auditReport(tx: Tx, options: ImportOptions, report: ImportReport): Promise<void> {
  if (!options.audit) return;
  const outcome = {
    preview: 'preview',
    committed: 'commit',
    rejected: 'reject',
    duplicate: 'duplicate',
    unchanged: 'unchanged',
  }[report.status];
  await recordAudit(tx, options.audit.by, {
    action: `${options.audit.action}.${outcome}`,
    target: report.uploadId === null ? null : `upload:${report.uploadId}`,
    detail: {
      file: report.fileName,
      sha256: report.sha256,
      new: report.counts.new,
      revised: report.counts.revised,
      errors: report.counts.errors,
      ...(options.scope ? { scope: options.scope } : {}),
    },
  });
}

function emptyReport(options: ImportOptions, base: Base): ImportReport {
  return {
    status: 'preview',
    uploadId: null,
    fileName: options.fileName,
    ...base,
    format: null,
    counts: { ...NO_COUNTS },
    changes: [],
    problems: [],
  };
}

const REJECT_MESSAGES: Record<string, string> = {
  'MISSING COLUMNS': '这一行的列数比表头少',
  'TOO MANY COLUMNS': '这一行的列数比表头多（是否有未加引号的逗号？如 36,000 应写成 "36,000" 或 36000）',
  'UNQUOTED VALUE': '引号使用不规范',
  'LINE SIZE OVER MAXIMUM': '这一行过长',
  'INVALID UNICODE': '这一行含有无法识别的字符',
};

/** A line DuckDB could not split into the header's columns. */
function describeReject(reject: { line: number; error_type: string; csv_line: string }): Problem {
  return {
    line: reject.line,
    column: null,
    severity: 'error',
    code: 'malformed_line',
    message: `第${reject.line}行格式有误：${REJECT_MESSAGES[reject.error_type] ?? reject.error_type}`,
    found: reject.csv_line?.slice(0, 200) ?? null,
  };
}
