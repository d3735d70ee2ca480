/**
 * The API is the only way to act on a case, and it answers under load without a 500.
 *
 * - Concurrency: many `progress` Updates on one case at once. Temporal sometimes discards a workflow task the worker
 *   ran (its Updates are then rejected "unprocessed", or run again in another order): the service sends a dropped
 *   Update again within UPDATE_RETRY_MS and answers 503 with Retry-After when it still fails — never 500 — and the
 *   record holds exactly the notes that were answered 200, each once (a discarded task's writes are replaced).
 */
import { Client, Connection } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities/case.activities.js';
import { buildApp } from '../api/app.js';
import { caseEvents, cases, notifications } from '../db/schema.js';
import type { CaseEvent, CaseNotification } from '../domain/case.types.js';
import { getCaseQuery } from '../workflows/case.messages.js';
import { freePort } from '../runtime/net.js';
import { act, eventually, expectRecordMatchesWorkflow, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ name: 'api_only' });
});
afterAll(async () => {
  await stack?.close();
});

/** A case at the handler's unit, ready for progress notes. */
async function contactedCase(): Promise<string> {
  const id = await openCase(stack);
  await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
  await act(stack, id, 'accept', {});
  await act(stack, id, 'contact', { method: 'phone' });
  return id;
}

async function progressNotes(id: string): Promise<string[]> {
  const rows = await stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
  return rows.filter((r) => r.type === 'progress_noted').map((r) => (r.data as { note: string }).note);
}

/** Sends `count` progress notes at once through `app`; checks every answer is 200 or a 503 with Retry-After. */
async function raceNotes(app: FastifyInstance, id: string, count: number): Promise<{ accepted: string[]; statuses: number[] }> {
  const handler = stack.as('unit_handler', 'd01-s01', 'handler-concurrency');
  const notes = Array.from({ length: count }, (_, i) => `并发进展 ${id.slice(-4)} ${i}`);
  const answers = await Promise.all(
    notes.map((note) => app.inject({ method: 'POST', url: `/v1/cases/${id}/progress`, headers: { ...handler, 'content-type': 'application/json' }, payload: { note } })),
  );
  for (const a of answers) {
    expect([200, 503], a.body).toContain(a.statusCode);
    if (a.statusCode === 503) {
      expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
      expect(a.json()).toMatchObject({ status: 503, code: 'unavailable' });
    }
  }
  const statuses = answers.map((a) => a.statusCode);
  return { accepted: notes.filter((_, i) => statuses[i] === 200), statuses };
}

describe('concurrent Updates on one case', () => {
  it('24 progress notes at once: 200 or 503 with Retry-After, never 500, and the record holds exactly the 200s', async () => {
    const id = await contactedCase();
    const { accepted, statuses } = await raceNotes(stack.app, id, 24);
    expect(accepted.length, `statuses ${statuses.join(',')}`).toBeGreaterThan(0);

    await expectRecordMatchesWorkflow(stack, id);
    const recorded = await eventually(async () => {
      const notes = await progressNotes(id);
      expect(notes).toHaveLength(accepted.length);
      return notes;
    });
    expect([...recorded].sort()).toEqual([...accepted].sort());
  });

  it('without a retry budget (UPDATE_RETRY_MS=0) a dropped Update is a 503 with Retry-After, and the record still holds exactly the 200s', async () => {
    const impatient = await buildApp({ client: stack.client, db: stack.database.db, taskQueue: stack.taskQueue, logLevel: 'silent', authKeys: stack.authKeys, rateLimitPerMinute: 1_000_000_000, updateRetryMs: 0 });
    try {
      const id = await contactedCase();
      const { accepted } = await raceNotes(impatient, id, 24);
      await expectRecordMatchesWorkflow(stack, id);
      // A rejected Update may have been run in a discarded workflow task: its note must not stay in the record.
      await act(stack, id, 'progress', { note: '收尾' });
      const recorded = await eventually(async () => {
        const notes = await progressNotes(id);
        expect(notes).toHaveLength(accepted.length + 1);
        return notes;
      });
      expect([...recorded].sort()).toEqual([...accepted, '收尾'].sort());
    } finally {
      await impatient.close();
    }
  });

  it('when Temporal does not answer, an action is tried for UPDATE_RETRY_MS and then answered 503 with Retry-After', async () => {
    const id = await contactedCase();
    // Nothing listens there, and without the SDK's own retries every call fails at once with UNAVAILABLE.
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors: [] });
    const offline = await buildApp({
      client: new Client({ connection, namespace: 'default', dataConverter: stack.dataConverter }),
      db: stack.database.db,
      taskQueue: stack.taskQueue,
      logLevel: 'silent',
      authKeys: stack.authKeys,
      rateLimitPerMinute: 1_000_000_000,
      updateRetryMs: 400,
    });
    try {
      const t0 = Date.now();
      const res = await offline.inject({
        method: 'POST',
        url: `/v1/cases/${id}/progress`,
        headers: { ...stack.as('unit_handler', 'd01-s01'), 'content-type': 'application/json' },
        payload: { note: '无人应答' },
      });
      expect(res.statusCode, res.body).toBe(503);
      expect(Date.now() - t0, 'tried again within the budget, not longer').toBeLessThan(5_000);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 503, code: 'unavailable' });
      expect(await progressNotes(id)).toEqual([]);
    } finally {
      await offline.close();
      await connection.close();
    }
  });
});

describe('the record takes a projection batch only over an older one', () => {
  it('a discarded workflow task\'s batch is replaced by the one that took its place; a late retry never moves it back', async () => {
    // A real case's state, under a number no workflow has: this test writes its batches itself.
    const real = await stack.client.workflow.getHandle(await contactedCase()).query(getCaseQuery);
    const caseId = `${real.state.caseId.slice(0, 12)}ZZZZZZ`;
    const at = new Date().toISOString();
    const note = (seq: number, text: string): CaseEvent => ({ seq, type: 'progress_noted', at, actor: { id: 'h', role: 'unit_handler' }, data: { note: text } });
    const notice = (seq: number): CaseNotification => ({ caseId, seq, kind: 'urging', unitId: 'd01-s01', recipient: 'handler', message: `notice ${seq}` });
    const state = (seq: number) => ({ ...real.state, caseId, seq });
    const { projectCase } = createActivities({ db: stack.database.db });
    const read = async () => ({
      row: (await stack.database.db.select().from(cases).where(eq(cases.id, caseId)))[0]!,
      events: (await stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq))).map((e) => [e.seq, (e.data as { note?: string }).note]),
      notices: (await stack.database.db.select().from(notifications).where(eq(notifications.caseId, caseId))).map((n) => n.seq).sort(),
    });

    await projectCase({ state: state(4), intake: real.intake, events: [], notifications: [], version: 1 });
    // Batch 2 as a workflow task Temporal then discarded ran it: three notes, a notice on the third.
    await projectCase({ state: state(7), intake: null, events: [note(5, 'g5'), note(6, 'g6'), note(7, 'g7')], notifications: [notice(7)], version: 2 });
    // Batch 2 as the workflow task that took its place ran it: the Updates in another order, one fewer.
    await projectCase({ state: state(6), intake: null, events: [note(5, 't5'), note(6, 't6')], notifications: [notice(6)], version: 2 });
    let now = await read();
    expect(now.events).toEqual([[5, 't5'], [6, 't6']]);
    expect(now.notices).toEqual([6]);
    expect(now.row).toMatchObject({ lastSeq: 6, projectionVersion: 2 });

    // A late retry of batch 1 (an activity that timed out and then committed) and a legacy, unnumbered write.
    await projectCase({ state: state(4), intake: null, events: [], notifications: [], version: 1 });
    await projectCase({ state: state(5), intake: null, events: [note(5, 'legacy')], notifications: [], version: 0 });
    // The same batch again (a retried local activity): nothing changes.
    await projectCase({ state: state(6), intake: null, events: [note(5, 't5'), note(6, 't6')], notifications: [notice(6)], version: 2 });
    now = await read();
    expect(now.events).toEqual([[5, 't5'], [6, 't6']]);
    expect(now.notices).toEqual([6]);
    expect(now.row).toMatchObject({ lastSeq: 6, projectionVersion: 2 });

    // The next batch moves on from there.
    await projectCase({ state: state(7), intake: null, events: [note(7, 't7')], notifications: [], version: 3 });
    now = await read();
    expect(now.events).toEqual([[5, 't5'], [6, 't6'], [7, 't7']]);
    expect(now.row).toMatchObject({ lastSeq: 7, projectionVersion: 3 });
  });
});
