/**
 * The upload use cases, one door for every entrance (the upload form, the single-value form on an
 * indicator's page, the JSON API): keep the file while it is checked, preview it, commit it on
 * confirmation or cancel it. Who submits comes in as an Importer (name, session, address and the
 * departments they may report for); the routes make it from the signed-in account.
 */
import { DomainError } from '../errors.js';
import type { AuditBy } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { type CheckProgress, checkQueueOf } from './check-queue.js';
import { type ImportOptions, type ImportReport, importFile } from './import.js';
import type { PendingMeta, PendingUploads } from './pending.js';

/** Who submits: recorded as the uploader and in the audit trail; `scope` null reports for all departments. */
export interface Importer extends AuditBy {
  username: string;
  scope: string[] | null;
  /** What this importer commits waits for approval before it counts. */
  needsApproval?: boolean;
}

/** A whole file, or one value entered on an indicator's page (the audit trail tells them apart). */
export type SubmitAction = PendingMeta['action'];

export interface Submission {
  /** The file's bytes, or a stream of them (the API's raw body). */
  body: Uint8Array | ReadableStream<Uint8Array>;
  fileName: string;
  options: PendingMeta['options'];
  action: SubmitAction;
  /** A key the page chose to follow the check's place in the queue and stage (check-queue.ts). */
  progress?: string | undefined;
}

/** A checked file that can be committed: no error, and something new or revised in it. */
export function committable(report: ImportReport): boolean {
  return report.counts.errors === 0 && report.counts.new + report.counts.revised > 0;
}

/** The same file will not be found again: committed, cancelled, expired or someone else's. */
export class PendingGoneError extends DomainError {
  constructor() {
    super(410, '这份文件已提交、已取消或已过期，请重新上传。');
  }
}

const optionsFor = (importer: Importer, action: SubmitAction, fileName: string): ImportOptions => ({
  fileName,
  by: importer.username,
  scope: importer.scope,
  audit: { by: importer, action },
  needsApproval: importer.needsApproval ?? false,
});

/**
 * Checks a file and, when it can be committed, keeps it under a token for the confirmation; a
 * file with errors is recorded as rejected (it shows in the history) and not kept.
 */
export async function previewSubmission(
  store: Store,
  pending: PendingUploads,
  submission: Submission,
  importer: Importer,
): Promise<{ report: ImportReport; token: string | undefined }> {
  const token = await pending.save(submission.body, {
    fileName: submission.fileName,
    options: submission.options,
    owner: importer.username,
    action: submission.action,
  });
  const file = pending.file(token);
  const report = await importFile(store, file, {
    ...submission.options,
    ...optionsFor(importer, submission.action, submission.fileName),
    progress: submission.progress,
    dryRun: true,
    recordRejection: submission.action === 'upload',
  }).catch((error: unknown) => {
    pending.remove(token);
    throw error;
  });
  if (committable(report)) return { report, token };
  pending.remove(token);
  return { report, token: undefined };
}

/**
 * Commits a previewed file: checked again as it is written (the account's scope may have changed
 * since the preview), archived under its upload id once committed.
 */
export async function commitSubmission(
  store: Store,
  pending: PendingUploads,
  token: string,
  importer: Importer,
): Promise<ImportReport> {
  const saved = pending.find(token);
  if (!saved || saved.owner !== importer.username) throw new PendingGoneError();
  const report = await importFile(store, saved.file, {
    ...saved.options,
    ...optionsFor(importer, saved.action, saved.fileName),
  });
  if (report.uploadId !== null) pending.archive(token, report.uploadId);
  else pending.remove(token);
  return report;
}

/** Drops a previewed file (only its owner may). */
export function cancelSubmission(pending: PendingUploads, token: string, importer: Importer): void {
  if (pending.find(token)?.owner === importer.username) pending.remove(token);
}

/** The API's door: check and commit in one call, or only check (dryRun), writing nothing then. */
export async function importSubmission(
  store: Store,
  pending: PendingUploads,
  submission: Submission,
  importer: Importer,
  { dryRun }: { dryRun: boolean },
): Promise<ImportReport> {
  const token = await pending.save(submission.body, {
    fileName: submission.fileName,
    options: submission.options,
    owner: importer.username,
    action: submission.action,
  });
  try {
    const report = await importFile(store, pending.file(token), {
      ...submission.options,
      ...optionsFor(importer, submission.action, submission.fileName),
      progress: submission.progress,
      dryRun,
    });
    if (report.status === 'committed' && report.uploadId !== null) pending.archive(token, report.uploadId);
    return report;
  } finally {
    pending.remove(token);
  }
}

/** Where the check of an upload the page is waiting for stands (its key is the page's own). */
export function submissionProgress(store: Store, key: string): CheckProgress | undefined {
  return checkQueueOf(store).progress(key);
}

/**
 * One value entered on an indicator's page, answered as a form is: checked and, when it passes,
 * saved at once (the same checks, audit and archive as a file; no preview step to confirm).
 */
export async function submitValue(
  store: Store,
  pending: PendingUploads,
  submission: Omit<Submission, 'action'>,
  importer: Importer,
): Promise<ImportReport> {
  return importSubmission(store, pending, { ...submission, action: 'value' }, importer, { dryRun: false });
}
