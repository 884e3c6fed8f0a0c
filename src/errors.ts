/**
 * The one error type the app shows to people: an HTTP status and a message in Chinese that says
 * what went wrong and what to do. Every domain throws it (or a subclass named for its area);
 * `app.onError` turns it into a page, an htmx fragment or JSON. Anything else is unexpected: it is
 * logged with a reference id and shown as a short apology.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export class DomainError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Not signed in (never, or the session ended) while a page was open: the message links to the
 * sign-in, which comes back to `back` — the page the person was on.
 */
export class SignInRequiredError extends DomainError {
  readonly signIn: string;
  constructor(message: string, back: string) {
    super(401, message);
    this.signIn = `/login?next=${encodeURIComponent(back)}`;
  }
}

/** Something asked for that does not exist: a document, a task, an upload, an indicator. */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(404, message);
  }
}

/** Input that is well-formed but cannot be accepted (a correction, an account change …). */
export class InvalidError extends DomainError {
  constructor(message: string) {
    super(422, message);
  }
}

/** A request whose parameters cannot be read (a month that is no month, an unknown status …). */
export class BadRequestError extends DomainError {
  constructor(message: string) {
    super(400, message);
  }
}
