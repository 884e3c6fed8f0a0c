import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { indicatorHistory } from '../../src/analytics/history.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { findIndicator } from '../../src/catalog/read.js';
import { loadRegions } from '../../src/catalog/regions.js';
import { loadConfig } from '../../src/config.js';
import { type ImportOptions, importFile } from '../../src/ingest/import.js';
import { FIXTURE_CATALOG } from './fixture-catalog.js';
import { type TempStore, tempStore } from './store.js';

/** A temp store holding the small fixture catalogue and the real region table. */
export async function ingestStore(): Promise<TempStore> {
  const temp = await tempStore();
  await loadCatalog(temp.store, FIXTURE_CATALOG, 'fixture');
  await loadRegions(temp.store, path.join(loadConfig({}).seedsDir, 'regions.csv'));
  return temp;
}

/** Writes a fixture file in the given encoding (GB18030 as Excel on Chinese Windows writes it). */
/** The encodings clerks' files come in (src/ingest/decode.ts). */
export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export function writeFixture(
  dir: string,
  name: string,
  text: string,
  encoding: FixtureEncoding = 'utf-8',
): string {
  const file = path.join(dir, name);
  const bytes =
    encoding === 'gb18030' || encoding === 'utf-16le' || encoding === 'utf-16be'
      ? // iconv writes a byte-order mark for UTF-16 when asked, as Excel's "Unicode 文本" has one.
        iconv.encode(text, encoding, { addBOM: encoding !== 'gb18030' })
      : Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
  writeFileSync(file, bytes);
  return file;
}

/** Imports a text as a file, committing unless told otherwise. */
export async function importText(
  temp: TempStore,
  text: string,
  options: Partial<ImportOptions> & { encoding?: FixtureEncoding; name?: string } = {},
) {
  const { encoding = 'utf-8', name = `upload-${Math.random().toString(36).slice(2)}.csv`, ...rest } = options;
  const file = writeFixture(temp.dir, name, text, encoding);
  return importFile(temp.store, file, { fileName: name, by: 'test', ...rest });
}

/** Every value recorded for an indicator, as the history API returns it. */
export async function history(temp: TempStore, code: string) {
  return historyByCode(temp.store, code);
}

/** Every value recorded for an indicator, found by its code. */
export async function historyByCode(store: TempStore['store'], code: string) {
  return indicatorHistory(store, await findIndicator(store, code));
}
