import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Store, Tx } from '../store/store.js';
import { reapplyCorrections } from './corrections.js';
import { loadIfChanged } from './regions.js';
import { CatalogFileError, checkCatalog } from './schema.js';
import type { Catalog } from './types.js';
import { recordVersion } from './versions.js';

export interface LoadResult {
  documentId: string;
  /** false when the file had not changed since it was last loaded. */
  changed: boolean;
  indicators: number;
}

/** Reviewed catalogues live beside their source documents as `<name>.catalog.json`. */
export const CATALOG_SUFFIX = '.catalog.json';

/** Reads and checks a reviewed catalogue file. */
export function readCatalogFile(file: string): { catalog: Catalog; sha256: string } {
  const bytes = readFileSync(file);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CatalogFileError(`目录文件 ${file} 不是有效的 JSON：${(error as Error).message}`);
  }
  return { catalog: checkCatalog(data, file), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Loads one reviewed catalogue into the store, in one transaction. Idempotent: an unchanged file
 * changes nothing; a corrected one replaces the document's structure and updates its indicators by
 * code, retiring (never deleting) the ones it no longer lists, so actuals stay attached.
 */
export function loadCatalog(store: Store, catalog: Catalog, sha256: string): Promise<LoadResult> {
  return store.write((tx) => loadCatalogIn(tx, catalog, sha256));
}

/** loadCatalog inside the caller's transaction (publishing a reviewed draft records its version too). */
export async function loadCatalogIn(tx: Tx, catalog: Catalog, sha256: string): Promise<LoadResult> {
  const id = catalog.document.id;
  const indicators = [
    ...catalog.tasks.flatMap((task) =>
      task.indicators.map((indicator, i) => ({
        ...indicator,
        task_seq: task.seq,
        goal_no: null,
        position: i + 1,
      })),
    ),
    ...(catalog.goals ?? []).flatMap((goal) =>
      goal.indicators.map((indicator, i) => ({
        ...indicator,
        task_seq: null,
        goal_no: goal.no,
        position: i + 1,
      })),
    ),
  ];
  const [stored] = await tx.all<{ catalog_sha256: string }>('catalog/document_sha256', { id });
  if (stored?.catalog_sha256 === sha256)
    return { documentId: id, changed: false, indicators: indicators.length };
  await tx.run('catalog/upsert_document', {
    id,
    title: catalog.document.title,
    year: catalog.document.year,
    sha256,
  });
  await replaceStructure(tx, id, catalog);
  await tx.run('catalog/upsert_indicators', { id, indicators: JSON.stringify(indicators) });
  await tx.run('catalog/retire_missing_indicators', {
    id,
    codes: JSON.stringify(indicators.map((i) => i.code)),
  });
  await reapplyCorrections(tx, id);
  await tx.run('catalog/delete_headline', { id });
  await tx.run('catalog/set_headline', { id, headline: JSON.stringify(catalog.headline ?? []) });
  await tx.run('meta/bump_data_version');
  return { documentId: id, changed: true, indicators: indicators.length };
}

async function replaceStructure(tx: Tx, id: string, catalog: Catalog): Promise<void> {
  for (const table of ['task_departments', 'tasks', 'sections', 'parts', 'goals']) {
    await tx.run(`catalog/delete_${table}`, { id });
  }
  const tasks = JSON.stringify(catalog.tasks);
  await tx.run('catalog/insert_parts', { id, parts: JSON.stringify(catalog.parts) });
  await tx.run('catalog/insert_sections', { id, sections: JSON.stringify(catalog.sections) });
  await tx.run('catalog/insert_tasks', { id, tasks });
  await tx.run('catalog/insert_task_departments', { id, tasks });
  await tx.run('catalog/insert_goals', { id, goals: JSON.stringify(catalog.goals ?? []) });
}

/** Loads the department alias table (short forms people type → canonical names). */
export async function loadDepartmentAliases(store: Store, aliases: Record<string, string>): Promise<void> {
  const json = JSON.stringify(Object.entries(aliases).map(([alias, department]) => ({ alias, department })));
  const sha256 = createHash('sha256').update(json).digest('hex');
  await loadIfChanged(store, 'department-aliases', sha256, async (tx) => {
    await tx.run('catalog/upsert_aliases', { aliases: json });
  });
}

/**
 * Loads every `*.catalog.json` in a folder, in name order, as published documents (each recorded as
 * a seed version). A file seen before, unchanged, is not loaded again: an edition published on the
 * web since then stays live; a changed file loads over it, as it always did.
 */
export async function loadSeedCatalogs(store: Store, dir: string): Promise<LoadResult[]> {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(CATALOG_SUFFIX))
    .sort();
  const results: LoadResult[] = [];
  for (const file of files) {
    const { catalog, sha256 } = readCatalogFile(path.join(dir, file));
    results.push(
      await store.write(async (tx) => {
        const id = catalog.document.id;
        const [seen] = await tx.all<{ sha256: string }>('documents/last_seed_sha256', { id });
        if (seen?.sha256 === sha256) return { documentId: id, changed: false, indicators: countOf(catalog) };
        const result = await loadCatalogIn(tx, catalog, sha256);
        await recordVersion(tx, {
          documentId: id,
          state: 'published',
          origin: 'seed',
          catalog,
          doubts: [],
          sha256,
          fileName: file,
          by: null,
        });
        return result;
      }),
    );
  }
  return results;
}

const countOf = (catalog: Catalog) =>
  [...catalog.tasks, ...(catalog.goals ?? [])].reduce((n, t) => n + t.indicators.length, 0);
