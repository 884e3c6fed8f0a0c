import { type EditionLink, editionLinks, type LinkBasis } from '../catalog/edition-links.js';
import type { DocumentRow } from '../catalog/read.js';
import type { Store } from '../store/store.js';
import { indicatorStates } from './indicators.js';

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
  /** Why it is this one: the same name, a similar name, or an administrator confirmed or chose it. */
  link: LinkBasis;
}

/** An indicator's link to its family in the previous edition (sql/queries/catalog/previous_editions.sql). */
type Link = EditionLink & { previous_code: string; previous_document: string; basis: LinkBasis };

/**
 * The links of `codes` of `document` (every indicator's when null) to the previous edition, as
 * decided by `known` (an administrator's decision wins over the matcher); unlinked ones left out.
 */
async function previousLinks(
  store: Store,
  document: DocumentRow,
  documents: DocumentRow[],
  known: Date,
  codes: string[] | null,
): Promise<Link[]> {
  const links = await editionLinks(
    store,
    document.id,
    documents.map((d) => d.id),
    known,
    codes,
  );
  return links.filter((l): l is Link => l.previous_code !== null && l.previous_document !== null);
}

/**
 * The final figures (that year's last month, as known at `known`) of each linked previous
 * indicator, keyed by the current indicator's code. Only the linked indicators are computed, one
 * query per previous document: an indicator page's chain costs one indicator's work per year.
 */
async function finalFigures(
  store: Store,
  links: Link[],
  documents: DocumentRow[],
  known: Date,
): Promise<Map<string, PreviousEdition>> {
  const out = new Map<string, PreviousEdition>();
  for (const id of new Set(links.map((l) => l.previous_document))) {
    const previous = documents.find((d) => d.id === id);
    if (!previous) continue;
    const mine = links.filter((l) => l.previous_document === id);
    const states = await indicatorStates(
      store,
      previous.id,
      { period: `${previous.year}-12-31`, known },
      mine.map((l) => l.previous_code),
    );
    const rows = new Map(states.map((r) => [r.code, r]));
    for (const link of mine) {
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
        link: link.basis,
      });
    }
  }
  return out;
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
  return finalFigures(store, await previousLinks(store, document, documents, known, null), documents, known);
}

/**
 * An indicator's line across editions, newest first: each previous edition's indicator of its
 * family. Each step links this one indicator and computes that one indicator's final figures.
 */
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
    const links = await previousLinks(store, current, documents, known, [currentCode]);
    const previous = (await finalFigures(store, links, documents, known)).get(currentCode);
    if (!previous) break;
    chain.push(previous);
    currentCode = previous.code;
    current = documents.find((d) => d.id === previous.document);
  }
  return chain;
}
