/**
 * The local-attempt circuit breaker of the case activities, in isolation: a stand-in database that fails on
 * demand (no Temporal, no PostgreSQL). The workflow-level fallback is covered by test/faults/database-outage.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createActivities } from './case.activities.js';

/** A database whose every query fails while `down` is set, and counts the calls that reached it. */
function flakyDatabase() {
  const state = { down: false, calls: 0 };
  const fail = () => {
    state.calls++;
    if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  };
  const chain: Record<string, unknown> = {};
  for (const m of ['select', 'from', 'where', 'orderBy']) chain[m] = () => chain;
  chain.limit = async () => (fail(), []);
  chain.then = (resolve: (v: unknown) => void, reject: (e: unknown) => void) => {
    try {
      fail();
      resolve([]);
    } catch (err) {
      reject(err);
    }
  };
  return { state, db: chain as unknown as Database };
}

const local = new MockActivityEnvironment({ isLocal: true });
const queued = new MockActivityEnvironment({ isLocal: false });

describe('local attempts step aside while the database is down', () => {
  it('fails a local attempt at once, without touching the database, right after a failure', async () => {
    const { state, db } = flakyDatabase();
    const { resolveCaseSetup } = createActivities({ db, breakerMs: 60_000 });
    state.down = true;
    await expect(local.run(resolveCaseSetup, { categoryId: 'env' })).rejects.toThrow(/ECONNREFUSED/);
    const reached = state.calls;

    const err = await local.run(resolveCaseSetup, { categoryId: 'env' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'DatabaseRecentlyDown', nonRetryable: true });
    expect(state.calls, 'the open breaker did not query the database').toBe(reached);
  });

  it('still lets queued activities try (they retry until the database answers)', async () => {
    const { state, db } = flakyDatabase();
    const { resolveCaseSetup } = createActivities({ db, breakerMs: 60_000 });
    state.down = true;
    await expect(local.run(resolveCaseSetup, { categoryId: 'env' })).rejects.toThrow(/ECONNREFUSED/);
    const reached = state.calls;
    await expect(queued.run(resolveCaseSetup, { categoryId: 'env' })).rejects.toThrow(/ECONNREFUSED/);
    expect(state.calls).toBeGreaterThan(reached);
  });

  it('tries locally again once the breaker time has passed', async () => {
    const { state, db } = flakyDatabase();
    const { resolveCaseSetup } = createActivities({ db, breakerMs: 50 });
    state.down = true;
    await expect(local.run(resolveCaseSetup, { categoryId: 'env' })).rejects.toThrow(/ECONNREFUSED/);
    state.down = false;
    await new Promise((r) => setTimeout(r, 80));
    // The stand-in has no active policy: reaching the database is what this asserts.
    await expect(local.run(resolveCaseSetup, { categoryId: 'env' })).rejects.toThrow(/no active case policy/);
  });
});

describe('failures never carry the query values', () => {
  it('a failed write is rethrown with the SQL and the driver message, not the complainant details drizzle puts in its message', async () => {
    const { DrizzleQueryError } = await import('drizzle-orm/errors');
    const phone = '13812345678';
    const failing = new DrizzleQueryError('insert into "cases" ("id", "complainant_phone") values ($1, $2)', ['HL1', phone], Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(failing.message).toContain(phone);
    const db = { transaction: async () => Promise.reject(failing) } as unknown as Database;
    const { projectCase } = createActivities({ db });
    const state = { clocks: {}, updatedAt: new Date().toISOString(), closedAt: null, seq: 1 };
    const err: Error = await queued.run(projectCase, { state: state as never, intake: null, events: [], notifications: [] }).then(
      () => new Error('the write did not fail'),
      (e: unknown) => e as Error,
    );
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.message).toContain('insert into "cases"');
    expect(err.message).not.toContain(phone);
  });
});
