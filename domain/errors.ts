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
  | 'unavailable';

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
