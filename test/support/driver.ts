/**
 * Drives cases to their end through the API the way a patient client would during faults: it reads the case,
 * takes the next step for its status, and retries whatever fails (5xx, timeouts, lost connections). A 409 is
 * fine: a retried step may already have happened.
 */
import type { TestStack } from './stack.js';

export interface Plan {
  /** Callback answers per round: 'unsatisfied' reopens the case, 'satisfied' closes it. */
  callbacks: Array<'satisfied' | 'unsatisfied'>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The unit every driven case is dispatched to, and the actions only that unit may take. */
const UNIT = 'd01-s01';
const UNIT_ACTIONS = new Set(['accept', 'return', 'contact', 'progress', 'reply']);

/** The last thing the driver did per case, for diagnosing a case that does not finish. */
export const lastStep = new Map<string, string>();

export async function drive(stack: TestStack, id: string, plan: Plan, deadline: number): Promise<{ retries: number }> {
  let retries = 0;
  const note = (what: string) => lastStep.set(id, `${new Date().toISOString()} ${what}`);
  for (;;) {
    note('GET');
    if (Date.now() > deadline) throw new Error(`case ${id} not closed before the deadline`);
    const got = await stack.http('GET', `/v1/cases/${id}`).catch(() => null);
    if (!got || got.status !== 200) {
      note(`GET answered ${got?.status ?? 'nothing'} ${JSON.stringify(got?.body ?? '').slice(0, 200)}`);
      retries++;
      await sleep(200);
      continue;
    }
    const c = got.body as { status: string; round: number };
    if (c.status === 'closed') return { retries };
    const step: [string, unknown] | null =
      c.status === 'received' || c.status === 'returned'
        ? ['dispatch', { unitId: UNIT }]
        : c.status === 'dispatched'
          ? ['accept', {}]
          : c.status === 'accepted'
            ? ['contact', { method: 'phone' }]
            : c.status === 'contacted'
              ? ['reply', { content: `第${c.round}轮答复`, resolved: true }]
              : c.status === 'replied'
                ? ['callback', callback(plan.callbacks[c.round - 1] ?? 'satisfied')]
                : null;
    if (!step) throw new Error(`case ${id} in unexpected status ${c.status}`);
    note(`POST ${step[0]} (status ${c.status}, round ${c.round}) in flight`);
    // The unit's own actions as a handler of the unit the plan dispatches to (no lookup of the case's unit).
    const who = UNIT_ACTIONS.has(step[0]) ? stack.as('unit_handler', UNIT, 'driver-handler') : {};
    const res = await stack.http('POST', `/v1/cases/${id}/${step[0]}`, step[1], who).catch(() => null);
    note(`POST ${step[0]} answered ${res?.status ?? 'nothing'} ${res?.status === 200 ? '' : JSON.stringify(res?.body ?? '').slice(0, 200)}`);
    if (!res || (res.status !== 200 && res.status !== 409)) {
      retries++;
      await sleep(200);
    }
  }
}

function callback(answer: 'satisfied' | 'unsatisfied') {
  return answer === 'satisfied'
    ? { contacted: true, resolved: true, satisfaction: 'satisfied' }
    : { contacted: true, resolved: false, satisfaction: 'unsatisfied' };
}

/** Opens a case, retrying until the API answers 201/200 (the Idempotency-Key makes retries safe). */
export async function openWithRetry(stack: TestStack, body: unknown, key: string, deadline: number): Promise<string> {
  for (;;) {
    const res = await stack.http('POST', '/v1/cases', body, { 'idempotency-key': key }).catch(() => null);
    if (res && (res.status === 201 || res.status === 200)) return res.body.id as string;
    if (Date.now() > deadline) throw new Error(`could not open case ${key}: ${res?.status} ${JSON.stringify(res?.body)}`);
    await sleep(200);
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}
