/**
 * Typed errors with stable codes. The API maps each code to an HTTP status in one place (api/errors.ts);
 * the workflow turns a RuleViolation into an Update rejection carrying the same code and the case state.
 */
export type ErrorCode =
  | 'invalid_transition'
  | 'case_not_found'
  | 'validation_failed'
  | 'unknown_reference'
  | 'idempotency_key_reused'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable'
  /** An uploaded file over its type's size limit (413). */
  | 'file_too_large'
  /** An uploaded file whose content is not of a type the API takes, or a request that is not multipart (415). */
  | 'unsupported_media_type'
  /** A byte range outside the file (416). */
  | 'range_not_satisfiable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An action that does not fit the case's current state. */
export class RuleViolation extends DomainError {
  constructor(message: string, readonly state: string, details: Record<string, unknown> = {}) {
    super('invalid_transition', message, { ...details, state });
    this.name = 'RuleViolation';
  }
}
