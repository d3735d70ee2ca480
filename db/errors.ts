/**
 * Database errors without the data: drizzle's DrizzleQueryError puts the query's parameters in its message
 * (a case insert's are the complainant's name, phone and address), and PostgreSQL's `detail` can quote row
 * values. An error that leaves the data layer (a log line, an activity failure in Temporal's history) keeps the
 * SQL text, the driver's message and the SQLSTATE code, and nothing of the values.
 */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly sqlState: string | undefined,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export function scrubDatabaseError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const query = (err as { query?: unknown }).query;
  const params = (err as { params?: unknown }).params;
  if (typeof query !== 'string' && params === undefined) return err;
  const cause = err.cause as { message?: unknown; code?: unknown } | undefined;
  const reason = typeof cause?.message === 'string' ? cause.message : 'query failed';
  const sqlState = typeof cause?.code === 'string' ? cause.code : undefined;
  const sql = typeof query === 'string' ? query.replace(/\s+/g, ' ').slice(0, 160) : '';
  return new DatabaseError(`database: ${reason}${sqlState ? ` (SQLSTATE ${sqlState})` : ''}${sql ? ` in: ${sql}` : ''}`, sqlState);
}
