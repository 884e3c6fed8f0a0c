import { listValue } from '@duckdb/node-api';
import { InvalidError, NotFoundError } from '../errors.js';
import { type AuditBy, recordAudit } from '../store/audit.js';
import type { Store, Tx } from '../store/store.js';
import type { DocumentRow, IndicatorRow } from './read.js';

/** Why an indicator is linked to its previous edition's: same name, a similar name, or an administrator. */
export type LinkBasis = 'name' | 'similar' | 'confirmed' | 'chosen';

/** An administrator's decision: the suggestion confirmed, another indicator chosen, or none. */
export type LinkDecision = 'confirmed' | 'chosen' | 'none';

/** One indicator's family link to the previous edition (sql/queries/catalog/previous_editions.sql). */
export interface EditionLink {
  code: string;
  name: string;
  /** The linked indicator of the previous edition; null: no family (none found, or decided none). */
  previous_code: string | null;
  previous_document: string | null;
  previous_year: number | null;
  /** What the name matcher suggests, whatever was decided; with its score (2 = the same name). */
  suggested_code: string | null;
  score: number | null;
  basis: LinkBasis | null;
  decision: LinkDecision | null;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface LinkHistoryRow {
  id: number;
  code: string;
  name: string;
  previous_code: string | null;
  decision: LinkDecision;
  old_previous_code: string | null;
  decided_by: string;
  decided_at: Date;
}

type Reader = Pick<Store, 'all'> | Pick<Tx, 'all'>;

/**
 * The family link of each indicator of `documentId` (only `codes`' when given) among the documents
 * `visible`, as decided by `known`: an administrator's latest decision, else the matcher's.
 */
export function editionLinks(
  store: Reader,
  documentId: string,
  visible: string[],
  known: Date,
  codes: string[] | null = null,
): Promise<EditionLink[]> {
  return store.all<EditionLink>('catalog/previous_editions', {
    document: documentId,
    documents: listValue(visible),
    codes: codes === null ? null : listValue(codes),
    known: known.toISOString(),
  });
}

/** A link that cannot be recorded, with a message for the page. */
export class EditionLinkError extends InvalidError {}

/**
 * Records an administrator's decision on `code`'s family: `previous` (an indicator of the previous
 * edition: the suggestion confirmed, or another chosen) or null (无上年对应指标). Append-only, with
 * the link it replaces, in the audit trail; a decision equal to the standing one changes nothing.
 * Returns whether anything was recorded.
 */
export async function decideEditionLink(
  store: Store,
  by: AuditBy,
  documentId: string,
  code: string,
  previous: string | null,
): Promise<boolean> {
  return store.write(async (tx) => {
    const [indicator] = await tx.all<{ code: string; document_id: string }>('catalog/indicator_by_code', {
      code,
    });
    if (!indicator || indicator.document_id !== documentId)
      throw new NotFoundError(`文件 ${documentId} 中没有指标 ${code}（已发布的指标才能确认上年对应）`);
    const documents = await tx.all<DocumentRow>('catalog/documents');
    if (previous !== null) {
      // One previous edition per document (the /editions page compares two years): the link goes there.
      const [edition] = await tx.all<{ id: string; year: number }>('catalog/previous_document', {
        document: documentId,
      });
      const [found] = await tx.all<{ document_id: string }>('catalog/indicator_by_code', { code: previous });
      if (!edition) throw new EditionLinkError('没有更早年度的文件，只能标为无上年对应指标');
      if (found?.document_id !== edition.id)
        throw new EditionLinkError(
          `“${previous.slice(0, 40)}”不是上一版文件（${edition.year}年）中的指标编码，请从其指标中选择`,
        );
    }
    const [current] = await editionLinks(
      tx,
      documentId,
      documents.map((d) => d.id),
      new Date(),
      [code],
    );
    const decision: LinkDecision =
      previous === null ? 'none' : previous === current?.suggested_code ? 'confirmed' : 'chosen';
    if (current?.decision === decision && current.previous_code === previous) return false;
    const old = current?.previous_code ?? null;
    await tx.run('catalog/insert_edition_link', {
      code,
      previous_code: previous,
      decision,
      old_previous_code: old,
      by: by.username ?? 'cli',
    });
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, by, {
      action: 'indicator.edition_link',
      target: `indicator:${code}`,
      detail: { decision, old, new: previous },
    });
    return true;
  });
}

/** What the review page shows of a document's family links; null before it is published. */
export interface EditionLinkReview {
  previous: { id: string; title: string; year: number } | null;
  /** The previous edition's indicators, to choose from. */
  options: Pick<IndicatorRow, 'code' | 'name' | 'target' | 'unit'>[];
  links: EditionLink[];
  history: LinkHistoryRow[];
}

export async function editionLinkReview(store: Store, documentId: string): Promise<EditionLinkReview | null> {
  const documents = await store.all<DocumentRow>('catalog/documents');
  if (!documents.some((d) => d.id === documentId)) return null;
  const [previous] = await store.all<{ id: string; title: string; year: number }>(
    'catalog/previous_document',
    {
      document: documentId,
    },
  );
  return {
    previous: previous ?? null,
    options: previous ? await store.all<IndicatorRow>('catalog/indicators', { id: previous.id }) : [],
    links: await editionLinks(
      store,
      documentId,
      documents.map((d) => d.id),
      new Date(),
    ),
    history: await store.all<LinkHistoryRow>('catalog/edition_link_history', { document: documentId }),
  };
}
