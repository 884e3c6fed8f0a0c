/**
 * Documents from upload to publication: a file becomes a draft (parsed, with the parser's doubts),
 * a reviewer corrects it item by item, and publishing loads it as a live edition. Every state is an
 * appended version and every change an appended edit (who, when, old → new); codes of unchanged
 * indicators never change, so actuals uploaded against them keep pointing at the same target.
 */
import { createHash } from 'node:crypto';
import { DomainError, InvalidError, NotFoundError } from '../errors.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store, Tx } from '../store/store.js';
import { canonicalDepartment, DEPARTMENT_ALIASES } from './department-aliases.js';
import { type CatalogEdit, diffCatalogs } from './diff.js';
import { type EditionLinkReview, editionLinkReview } from './edition-links.js';
import { DocumentReadError, readDocumentText } from './extract/index.js';
import { documentIdFrom } from './ids.js';
import { loadCatalogIn } from './load.js';
import { CatalogParseError, readCatalog } from './parse.js';
import { CatalogFileError, checkCatalog } from './schema.js';
import type { Catalog, Comparator, DepartmentMode, Doubt, Indicator, IndicatorKind, Task } from './types.js';
import { latestVersion, recordVersion, type VersionRow } from './versions.js';

export interface DocumentCounts {
  parts: number;
  sections: number;
  tasks: number;
  indicators: number;
  goals: number;
  doubts: number;
}

export interface UploadResult {
  id: string;
  state: 'draft';
  counts: DocumentCounts;
  doubts: Doubt[];
}

export interface DocumentListRow {
  id: string;
  title: string;
  year: number;
  state: 'draft' | 'published';
  live: boolean;
  versions: number;
  created_by: string | null;
  created_at: Date;
  file_name: string | null;
}

export interface EditRow {
  id: number;
  item: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  edited_by: string | null;
  edited_at: Date;
}

/** A doubt, and whether the draft has settled it since (a department now named). */
export type ReviewDoubt = Doubt & { settled: boolean };

export interface DocumentReview {
  id: string;
  state: 'draft' | 'published';
  /** Whether an edition of it is live (published before, or now). */
  live: boolean;
  catalog: Catalog;
  doubts: ReviewDoubt[];
  version: VersionRow;
  edits: EditRow[];
  /** Department names to suggest: the alias table's and every document's. */
  departments: string[];
  /** Each published indicator's family in the previous edition, to confirm or correct; null before publication. */
  editionLinks: EditionLinkReview | null;
}

/** The fields of one target as a reviewer gives them (checked by the route, settled here). */
export interface IndicatorFields {
  name: string;
  value: number | null;
  unit: string | null;
  comparator: Comparator;
  deadline: string;
  kind: IndicatorKind;
  recurrence: 'annual' | null;
  source: string;
}

export interface TaskFields {
  departments: string[];
  departmentMode: DepartmentMode;
  lead: string | null;
}

export const counts = (catalog: Catalog, doubts: Doubt[]): DocumentCounts => ({
  parts: catalog.parts.length,
  sections: catalog.sections.length,
  tasks: catalog.tasks.length,
  indicators: [...catalog.tasks, ...(catalog.goals ?? [])].reduce((n, t) => n + t.indicators.length, 0),
  goals: catalog.goals?.length ?? 0,
  doubts: doubts.length,
});

const sha256Of = (catalog: Catalog) => createHash('sha256').update(JSON.stringify(catalog)).digest('hex');

/** Every document, newest first, with its state. */
export function listDocumentStates(store: Store): Promise<DocumentListRow[]> {
  return store.all<DocumentListRow>('documents/list');
}

/**
 * A file as a draft: a key-task document (.txt/.docx/.pdf/.html, told from its bytes) is parsed —
 * keeping the codes of the document's earlier version when it has one — or a catalogue JSON (one
 * downloaded from the review page) is taken as it is. Refused in Chinese: a file that cannot be
 * read (a scan, an old .doc, too large …) or is not a key-task document.
 */
export async function uploadDocument(
  store: Store,
  by: AuditBy,
  input: { bytes: Uint8Array; fileName: string; id?: string | undefined },
): Promise<UploadResult> {
  const json = asCatalogJson(input.bytes);
  let catalog: Catalog;
  let doubts: Doubt[];
  let format: string;
  if (json) {
    catalog = checked(json, input.fileName);
    doubts = (json as { doubts?: Doubt[] }).doubts ?? [];
    format = 'json';
  } else {
    const id = input.id ?? documentIdFrom(input.fileName);
    const previous = await latestVersion(store, id);
    try {
      const read = await readDocumentText(input.bytes);
      ({ catalog, doubts } = readCatalog(read.text, { id, previous: previous?.catalog }));
      if (previous) ({ catalog, doubts } = keepReviewed(catalog, doubts, previous.catalog));
      format = read.format;
    } catch (error) {
      if (error instanceof DocumentReadError || error instanceof CatalogParseError)
        throw new InvalidError(`无法读取“${input.fileName}”：${error.message}`);
      throw error;
    }
    catalog = await withFreeCodes(store, catalog, previous?.catalog);
  }
  const id = catalog.document.id;
  await store.write(async (tx) => {
    const before = await latestVersion(tx, id);
    const versionId = await recordVersion(tx, {
      documentId: id,
      state: 'draft',
      origin: 'upload',
      catalog,
      doubts,
      sha256: sha256Of(catalog),
      fileName: input.fileName,
      format,
      by: by.username,
    });
    if (before) await recordEdits(tx, id, versionId, by, diffCatalogs(before.catalog, catalog));
    await recordAudit(tx, by, {
      action: 'document.upload',
      target: `document:${id}`,
      detail: { file: input.fileName, format, ...counts(catalog, doubts) },
    });
  });
  return { id, state: 'draft', counts: counts(catalog, doubts), doubts };
}

/**
 * A reviewer's correction survives a re-parse: a target read again from the same phrase of the
 * same task as a reviewed one (whose value or unit the reviewer corrected, so the parser's codes
 * did not match it) is the reviewed one, with its code, name and corrected fields.
 */
function keepReviewed(
  catalog: Catalog,
  doubts: Doubt[],
  previous: Catalog,
): { catalog: Catalog; doubts: Doubt[] } {
  const revived = new Set<string>();
  const before = new Map(previous.tasks.map((t) => [t.seq, t]));
  const tasks = catalog.tasks.map((task) => {
    const old = before.get(task.seq);
    if (!old) return task;
    const codes = new Set(task.indicators.map((i) => i.code));
    const oldCodes = new Set(old.indicators.map((i) => i.code));
    const left = old.indicators.filter((i) => !codes.has(i.code));
    const indicators = task.indicators.map((i) => {
      if (oldCodes.has(i.code)) return i;
      const k = left.findIndex((p) => p.source === i.source && p.source !== '');
      if (k < 0) return i;
      const [reviewed] = left.splice(k, 1) as [Indicator];
      revived.add(reviewed.code);
      return reviewed;
    });
    if (revived.size > 0) indicators.sort((a, b) => numberOf(a.code) - numberOf(b.code));
    // The reviewer's departments stand while the task's text is the same (or the parser found none).
    const reviewed =
      task.text === old.text || task.departments.length === 0
        ? { departments: old.departments, departmentMode: old.departmentMode, lead: old.lead ?? null }
        : {};
    return { ...task, ...reviewed, indicators };
  });
  return {
    catalog: { ...catalog, tasks },
    doubts: doubts.filter(
      (d) => !(d.kind === 'previous' && [...revived].some((c) => d.message.includes(`${c}（`))),
    ),
  };
}

const numberOf = (code: string) => Number(/-(\d+)$/.exec(code)?.[1] ?? 0);

/** The bytes as JSON when they are a catalogue (a reviewed one uploaded back), else undefined. */
function asCatalogJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text.startsWith('{')) return undefined;
  try {
    const data = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) as unknown;
    return typeof data === 'object' && data !== null && 'tasks' in data ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether YYYY-MM-DD names a day of the calendar (2023-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}

/** checkCatalog (and real deadlines) with its problems as the page's error. */
function checked(data: unknown, name: string): Catalog {
  try {
    const { doubts: _doubts, ...catalog } = checkCatalog(data, name) as Catalog & { doubts?: Doubt[] };
    const wrong = allIndicators(catalog).find((i) => !isCalendarDate(i.deadline));
    if (wrong) throw new InvalidError(`指标 ${wrong.code} 的完成时限“${wrong.deadline}”不是有效的日期。`);
    return catalog;
  } catch (error) {
    if (error instanceof CatalogFileError) throw new InvalidError(error.message);
    throw error;
  }
}

/**
 * A document whose codes (`2021-T1-1`) another document of the same year already uses — published
 * or in a draft — gets codes of its own (`2021B-T1-1`): publishing must never move another
 * document's indicators. A document that has such a prefix keeps it for its new targets.
 */
async function withFreeCodes(store: Store, catalog: Catalog, previous?: Catalog): Promise<Catalog> {
  const year = String(catalog.document.year);
  const id = catalog.document.id;
  const used = new Set(
    (await store.all<{ prefix: string }>('documents/used_code_prefixes', { id })).map((r) => r.prefix),
  );
  const plain = allIndicators(catalog).filter((i) => i.code.startsWith(`${year}-`));
  if (plain.length === 0 || !used.has(year)) return catalog;
  const own = previous && allIndicators(previous).find((i) => new RegExp(`^${year}[A-Z]-`).test(i.code));
  const letter = own
    ? own.code.charAt(4)
    : [...'BCDEFGHJKLMNPQRSTUVWXYZ'].find((l) => !used.has(`${year}${l}`));
  if (!letter) throw new InvalidError(`${year} 年的文件过多，无法为新文件分配指标编码。`);
  const rename = (code: string) => code.replace(/^(\d{4})(?=-)/, `$1${letter}`);
  const renamed = (i: Indicator) => ({ ...i, code: rename(i.code) });
  return {
    ...catalog,
    headline: catalog.headline?.map(rename),
    tasks: catalog.tasks.map((t) => ({ ...t, indicators: t.indicators.map(renamed) })),
    goals: catalog.goals?.map((g) => ({ ...g, indicators: g.indicators.map(renamed) })),
  };
}

const allIndicators = (catalog: Catalog): Indicator[] =>
  [...catalog.tasks, ...(catalog.goals ?? [])].flatMap((t) => t.indicators);

/** A document's current state for the review page and the API. */
export async function reviewDocument(store: Store, id: string): Promise<DocumentReview> {
  const version = await latestVersion(store, id);
  if (!version) throw new NotFoundError(`没有编号为“${id}”的重点任务文件`);
  const [live] = await store.all<{ catalog_sha256: string }>('catalog/document_sha256', { id });
  const suggestions = await store.all<{ name: string }>('documents/department_suggestions');
  const tasks = new Map(version.catalog.tasks.map((t) => [t.seq, t]));
  return {
    id,
    state: version.state,
    live: live !== undefined,
    catalog: version.catalog,
    doubts: version.doubts.map((d) => ({
      ...d,
      settled: d.kind === 'department' && d.seq !== null && (tasks.get(d.seq)?.departments.length ?? 0) > 0,
    })),
    version,
    edits: await store.all<EditRow>('documents/edits', { id }),
    departments: [
      ...new Set([...Object.values(DEPARTMENT_ALIASES), ...suggestions.map((s) => s.name)]),
    ].sort(),
    editionLinks: await editionLinkReview(store, id),
  };
}

/** The catalogue JSON a reviewer downloads (and may upload back): the catalogue and its doubts. */
export async function catalogJson(store: Store, id: string): Promise<Catalog & { doubts: Doubt[] }> {
  const version = await latestVersion(store, id);
  if (!version) throw new NotFoundError(`没有编号为“${id}”的重点任务文件`);
  return { ...version.catalog, doubts: version.doubts };
}

/**
 * Saves the next state of a document as a draft, recording each changed field. `change` gets the
 * current catalogue and returns the next one; nothing is written when nothing changed.
 */
async function saveDraft(
  store: Store,
  by: AuditBy,
  id: string,
  origin: 'edit' | 'api',
  change: (catalog: Catalog) => Catalog | Promise<Catalog>,
  tx?: Tx,
): Promise<CatalogEdit[]> {
  const work = async (t: Tx) => {
    const current = await latestVersion(t, id);
    if (!current) throw new NotFoundError(`没有编号为“${id}”的重点任务文件`);
    const next = await change(structuredClone(current.catalog));
    const edits = diffCatalogs(current.catalog, next);
    if (edits.length === 0) return edits;
    const versionId = await recordVersion(t, {
      documentId: id,
      state: 'draft',
      origin,
      catalog: next,
      doubts: current.doubts,
      sha256: sha256Of(next),
      fileName: current.file_name,
      format: current.format,
      by: by.username,
    });
    await recordEdits(t, id, versionId, by, edits);
    await recordAudit(t, by, {
      action: 'document.edit',
      target: `document:${id}`,
      detail: { edits: edits.slice(0, 50) },
    });
    return edits;
  };
  return tx ? work(tx) : store.write(work);
}

async function recordEdits(tx: Tx, id: string, versionId: number, by: AuditBy, edits: CatalogEdit[]) {
  if (edits.length === 0) return;
  await tx.run('documents/insert_edits', {
    document_id: id,
    version_id: versionId,
    by: by.username,
    edits: JSON.stringify(edits),
  });
}

/** A whole edited catalogue (PUT /api/documents/:id, or the reviewed JSON) as the draft. */
export async function replaceCatalog(
  store: Store,
  by: AuditBy,
  id: string,
  data: unknown,
): Promise<CatalogEdit[]> {
  const catalog = checked(data, 'JSON');
  if (catalog.document.id !== id)
    throw new InvalidError(`目录中的文件编号“${catalog.document.id}”与地址中的“${id}”不一致。`);
  return saveDraft(store, by, id, 'api', () => catalog);
}

const taskOf = (catalog: Catalog, seq: number): Task => {
  const task = catalog.tasks.find((t) => t.seq === seq);
  if (!task) throw new NotFoundError(`文件中没有第 ${seq} 项任务`);
  return task;
};

/** Where an indicator is: a task (by its number) or a goal paragraph (by its number). */
export interface Place {
  kind: 'task' | 'goal';
  no: number;
}

const indicatorOf = (
  catalog: Catalog,
  code: string,
): { owner: { indicators: Indicator[] }; index: number; place: Place } => {
  for (const task of catalog.tasks) {
    const index = task.indicators.findIndex((i) => i.code === code);
    if (index >= 0) return { owner: task, index, place: { kind: 'task', no: task.seq } };
  }
  for (const goal of catalog.goals ?? []) {
    const index = goal.indicators.findIndex((i) => i.code === code);
    if (index >= 0) return { owner: goal, index, place: { kind: 'goal', no: goal.no } };
  }
  throw new NotFoundError(`文件中没有编码为“${code}”的指标`);
};

/**
 * Splits a typed list of departments (、，, or new lines) and writes each short form as the alias
 * table's full name (省发改委 → 省发展改革委).
 */
export function departmentList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,;；\s]+/)
        .map((name) => canonicalDepartment(name))
        .filter((name) => name !== ''),
    ),
  ];
}

/** Corrects a task's departments, mode and lead. */
export async function editTask(store: Store, by: AuditBy, id: string, seq: number, fields: TaskFields) {
  if (fields.departments.length === 0) throw new InvalidError('请至少填写一个责任单位。');
  return saveDraft(store, by, id, 'edit', (catalog) => {
    const task = taskOf(catalog, seq);
    task.departments = fields.departments;
    task.departmentMode = fields.departmentMode;
    task.lead =
      fields.lead && fields.departments.includes(fields.lead)
        ? fields.lead
        : fields.departmentMode === 'lead'
          ? (fields.departments[0] ?? null)
          : null;
    return catalog;
  });
}

/** The fields of a target made whole: a milestone has no value or unit; every other target has a value. */
function settle(fields: IndicatorFields): Omit<Indicator, 'code'> {
  if (fields.kind === 'milestone') return { ...fields, value: null, unit: null };
  if (fields.value === null) throw new InvalidError('请填写目标值（只有里程碑类指标可以没有目标值）。');
  if (fields.kind !== 'growth' && fields.value <= 0) throw new InvalidError('目标值应为正数。');
  return fields;
}

/** Corrects one target; its code stays. */
export async function editIndicator(
  store: Store,
  by: AuditBy,
  id: string,
  code: string,
  fields: IndicatorFields,
): Promise<Place> {
  const settled = settle(fields);
  let place: Place | undefined;
  await saveDraft(store, by, id, 'edit', (catalog) => {
    const found = indicatorOf(catalog, code);
    found.owner.indicators[found.index] = { code, ...settled };
    place = found.place;
    return catalog;
  });
  return place as Place;
}

/** Removes a target from the draft (a published one is retired when the draft is published, never deleted). */
export async function removeIndicator(store: Store, by: AuditBy, id: string, code: string): Promise<Place> {
  let place: Place | undefined;
  await saveDraft(store, by, id, 'edit', (catalog) => {
    const found = indicatorOf(catalog, code);
    found.owner.indicators.splice(found.index, 1);
    catalog.headline = catalog.headline?.filter((c) => c !== code);
    place = found.place;
    return catalog;
  });
  return place as Place;
}

/**
 * Adds a target to a task, with the next code no indicator of the task has ever had (retired ones
 * included), so a new target never takes over the actuals of an old one.
 */
export async function addIndicator(
  store: Store,
  by: AuditBy,
  id: string,
  seq: number,
  fields: IndicatorFields,
) {
  const settled = settle(fields);
  return store.write((tx) =>
    saveDraft(
      store,
      by,
      id,
      'edit',
      async (catalog) => {
        const task = taskOf(catalog, seq);
        const stored = await tx.all<{ code: string }>('documents/stored_codes', { id });
        const prefix = task.indicators[0]?.code.replace(/-\d+$/, '') ?? codePrefix(catalog, seq);
        const numbers = [...stored.map((r) => r.code), ...allIndicators(catalog).map((i) => i.code)]
          .filter((c) => c.startsWith(`${prefix}-`))
          .map((c) => Number(c.slice(prefix.length + 1)))
          .filter(Number.isInteger);
        task.indicators.push({ code: `${prefix}-${Math.max(0, ...numbers) + 1}`, ...settled });
        return catalog;
      },
      tx,
    ),
  );
}

/** `${year}-T${seq}` in the document's own code style (2021B-T3 for a second document of 2021). */
function codePrefix(catalog: Catalog, seq: number): string {
  const any = allIndicators(catalog)[0]?.code;
  const year = any ? any.split('-')[0] : String(catalog.document.year);
  return `${year}-T${seq}`;
}

/**
 * Makes a document's draft live beside the other editions: checked as a reviewed catalogue (every
 * task needs a department), loaded like a seed (indicators updated in place by code, the missing
 * ones retired), recorded as a published version, in one transaction.
 */
export async function publishDocument(store: Store, by: AuditBy, id: string): Promise<DocumentCounts> {
  return store.write(async (tx) => {
    const current = await latestVersion(tx, id);
    if (!current) throw new NotFoundError(`没有编号为“${id}”的重点任务文件`);
    if (current.state !== 'draft') throw new DomainError(409, '此文件没有待发布的草稿：当前版本已经发布。');
    const missing = current.catalog.tasks.filter((t) => t.departments.length === 0).map((t) => t.seq);
    if (missing.length > 0)
      throw new InvalidError(`第 ${missing.join('、')} 项任务还没有责任单位，请先填写再发布。`);
    const catalog = checked(current.catalog, '草稿');
    const taken = await tx.all<{ code: string; document_id: string }>('documents/codes_taken', {
      id,
      codes: JSON.stringify(allIndicators(catalog).map((i) => i.code)),
    });
    if (taken[0])
      throw new DomainError(
        409,
        `指标编码 ${taken[0].code} 已属于文件“${taken[0].document_id}”，发布会把它的数据挪到本文件；请改用其他编码。`,
      );
    const sha256 = sha256Of(catalog);
    await loadCatalogIn(tx, catalog, sha256);
    await recordVersion(tx, {
      documentId: id,
      state: 'published',
      origin: 'publish',
      catalog,
      doubts: current.doubts,
      sha256,
      fileName: current.file_name,
      format: current.format,
      by: by.username,
    });
    await recordAudit(tx, by, {
      action: 'document.publish',
      target: `document:${id}`,
      detail: { ...counts(catalog, current.doubts) },
    });
    return counts(catalog, current.doubts);
  });
}
