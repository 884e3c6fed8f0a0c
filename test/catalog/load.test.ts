import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, readCatalogFile } from '../../src/catalog/load.js';
import { listDocuments, readDocumentTree } from '../../src/catalog/read.js';
import { CatalogFileError } from '../../src/catalog/schema.js';
import type { Catalog } from '../../src/catalog/types.js';
import { loadConfig } from '../../src/config.js';
import { type TempStore, tempStore } from '../helpers/store.js';

const seedFile = path.join(loadConfig({}).seedsDir, 'jilin-2021-new-urbanization-key-tasks.catalog.json');

describe('catalog/load', () => {
  let temp: TempStore;
  let catalog: Catalog;
  let sha256: string;
  beforeEach(async () => {
    temp = await tempStore();
    ({ catalog, sha256 } = readCatalogFile(seedFile));
  });
  afterEach(async () => temp.cleanup());

  const indicatorCount = () => temp.store.all('catalog/all_indicators', { document: null });

  it('loads the reviewed Jilin catalogue: 6 parts, 22 sections, 58 tasks, 27 departments', async () => {
    const result = await loadCatalog(temp.store, catalog, sha256);
    expect(result).toMatchObject({ documentId: 'jilin-2021-new-urbanization-key-tasks', changed: true });
    const [document] = await listDocuments(temp.store);
    expect(document).toMatchObject({ year: 2021, tasks: 58 });
    const tree = await readDocumentTree(temp.store, document!);
    expect(tree.counts).toMatchObject({ parts: 6, sections: 22, tasks: 58, departments: 27 });
    expect(tree.counts.indicators).toBe(result.indicators);
  });

  it('changes nothing when the same catalogue is loaded again', async () => {
    await loadCatalog(temp.store, catalog, sha256);
    const before = await temp.store.one('meta/data_version');
    const again = await loadCatalog(temp.store, catalog, sha256);
    expect(again.changed).toBe(false);
    expect(await temp.store.one('meta/data_version')).toEqual(before);
    expect((await indicatorCount()).length).toBe(again.indicators);
  });

  it('updates a corrected indicator in place and retires a removed one without deleting it', async () => {
    await loadCatalog(temp.store, catalog, sha256);
    const corrected = structuredClone(catalog);
    const task10 = corrected.tasks.find((t) => t.seq === 10)!;
    task10.indicators[0]!.value = 37000;
    const removed = task10.indicators.pop()!;
    await loadCatalog(temp.store, corrected, 'corrected');

    const rows = await indicatorCount();
    expect(rows.find((r) => r.code === task10.indicators[0]!.code)).toMatchObject({ target: 37000 });
    expect(rows.find((r) => r.code === removed.code)).toBeUndefined();
    const kept = await temp.store.one<{ retired_at: Date | null }>('catalog/indicator_by_code', {
      code: removed.code,
    });
    expect(kept?.retired_at).toBeInstanceOf(Date);

    // Restoring the original brings the retired indicator back.
    await loadCatalog(temp.store, catalog, sha256);
    expect((await indicatorCount()).find((r) => r.code === removed.code)).toBeDefined();
  });

  it('rejects a hand-edited file with a broken field, naming where it is', () => {
    const broken = JSON.parse(readFileSync(seedFile, 'utf8'));
    broken.tasks[3].departments = [];
    const file = path.join(temp.dir, 'broken.catalog.json');
    writeFileSync(file, JSON.stringify(broken));
    expect(() => readCatalogFile(file)).toThrow(CatalogFileError);
    expect(() => readCatalogFile(file)).toThrow(/tasks\.3\.departments.*至少要有一个责任单位/);
    writeFileSync(file, '{ not json');
    expect(() => readCatalogFile(file)).toThrow(/不是有效的 JSON/);
  });
});
