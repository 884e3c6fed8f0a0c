import type { Context } from 'hono';
import { docQuery } from '../../views/links.js';
import { type DocumentRow, listDocuments, NotFoundError } from '../catalog/read.js';
import type { Store } from '../store/store.js';

export interface DocumentContext {
  document: DocumentRow;
  documents: DocumentRow[];
  /** "?doc=<id>" to carry on links when the page is not about the latest document. */
  docQuery: string;
}

/** The document a request is about (?doc=<id>), the latest one by default. */
export async function documentFor(c: Context, store: Store): Promise<DocumentContext | undefined> {
  const documents = await listDocuments(store);
  const id = c.req.query('doc');
  const document = id ? documents.find((d) => d.id === id) : documents[0];
  if (id && !document) throw new NotFoundError(`没有编号为“${id}”的重点任务文件`);
  if (!document) return undefined;
  return { document, documents, docQuery: docQuery(document.id, documents[0]?.id) };
}
