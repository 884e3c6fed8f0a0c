/** Why a file could not be read as a document. */
export type DocumentReadProblem =
  | 'too-large'
  | 'empty'
  | 'unsupported'
  | 'binary'
  | 'corrupt'
  | 'zip-bomb'
  | 'too-many-pages'
  | 'scanned-pdf'
  | 'encrypted';

/**
 * A file that cannot be read as a document, with a message in Chinese that says what to do.
 * Shown as it is to the person who gave the file: it never carries a stack trace or a path.
 */
export class DocumentReadError extends Error {
  constructor(
    readonly problem: DocumentReadProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}
