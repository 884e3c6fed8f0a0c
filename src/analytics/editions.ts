import { listValue } from '@duckdb/node-api';
import { type DocumentRow, readDocumentTree } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { indicatorRows } from './dashboard.js';

/** The same indicator in the previous edition: its target and its final actual (as of that year's end). */
export interface PreviousEdition {
  code: string;
  document: string;
  year: number;
  target: number | null;
  unit: string | null;
  actual: number | null;
  completion: number | null;
  status: string;
}

/**
 * Each indicator of `document` with its family in the previous edition among `documents` (those
 * readers may see), known at `known`. Indicators with no earlier edition are absent from the map.
 */
export async function previousEditions(
  store: Store,
  document: DocumentRow,
  documents: DocumentRow[],
  known: Date,
): Promise<Map<string, PreviousEdition>> {
  const links = await store.all<{
    code: string;
    previous_code: string;
    previous_document: string;
    previous_year: number;
  }>('catalog/previous_editions', {
    document: document.id,
    documents: listValue(documents.map((d) => d.id)),
  });
  const out = new Map<string, PreviousEdition>();
  const first = links[0];
  const previous = first && documents.find((d) => d.id === first.previous_document);
  if (!previous) return out;
  // The previous edition's final figures: its year's last month, as known now.
  const tree = await readDocumentTree(store, previous);
  const rows = new Map(
    (await indicatorRows(store, tree, { period: `${previous.year}-12-31`, known })).map((r) => [r.code, r]),
  );
  for (const link of links) {
    const row = rows.get(link.previous_code);
    if (!row) continue;
    out.set(link.code, {
      code: row.code,
      document: previous.id,
      year: previous.year,
      target: row.target,
      unit: row.unit,
      actual: row.actual,
      completion: row.completion,
      status: row.status,
    });
  }
  return out;
}

/** An indicator's line across editions, newest first: this one, then each previous edition's. */
export async function editionChain(
  store: Store,
  document: DocumentRow,
  documents: DocumentRow[],
  code: string,
  known: Date,
  depth = 5,
): Promise<PreviousEdition[]> {
  const chain: PreviousEdition[] = [];
  let current: DocumentRow | undefined = document;
  let currentCode = code;
  for (let i = 0; i < depth && current; i++) {
    const previous: PreviousEdition | undefined = (
      await previousEditions(store, current, documents, known)
    ).get(currentCode);
    if (!previous) break;
    chain.push(previous);
    currentCode = previous.code;
    current = documents.find((d) => d.id === previous.document);
  }
  return chain;
}
