/** Links between pages, in one place so every page links the same way. */

export const departmentHref = (name: string, docQuery = '') =>
  `/departments/${encodeURIComponent(name)}${docQuery}`;

export const taskHref = (seq: number, docQuery = '') => `/tasks/${seq}${docQuery}`;

/** "?doc=<id>" when the page is about a document other than the latest one, else "". */
export const docQuery = (documentId: string, latestId: string | undefined) =>
  documentId === latestId ? '' : `?doc=${encodeURIComponent(documentId)}`;
