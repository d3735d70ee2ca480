/** Shared by the administration desk's tabs. */
import { ApiError } from '../../api/client';

/** An API error as one line: its detail and each named field. */
export function problemText(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.problem?.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
    return [err.problem?.detail ?? err.message, fields].filter(Boolean).join(' — ');
  }
  return err instanceof Error ? err.message : String(err);
}
