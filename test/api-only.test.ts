/**
 * The API is the only way to act on a case, and it answers under load without a 500.
 *
 * - Forgery: anyone who reaches Temporal's gRPC port can send an Update, a signal or a workflow start. Without the
 *   API's action assertion (platform/action-assertion.ts) nothing of it lands: the case records the refused attempt
 *   (`action_refused`), a forged start opens no case. Copied or altered proofs fare no better.
 * - Concurrency: many `progress` Updates on one case at once. Temporal sometimes discards a workflow task the worker
 *   ran (its Updates are then rejected "unprocessed", or run again in another order): the service sends a dropped
 *   Update again within UPDATE_RETRY_MS and answers 503 with Retry-After when it still fails — never 500 — and the
 *   record holds exactly the notes that were answered 200, each once (a discarded task's writes are replaced).
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import { Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities/case.activities.js';
import { buildApp } from '../api/app.js';
import { caseEvents, cases, notifications } from '../db/schema.js';
import type { CaseEvent, CaseNotification } from '../domain/case.types.js';
import { proofDigest } from '../domain/action-proof.js';
import { generateActionKey, signAction } from '../platform/action-assertion.js';
import { caseSignal, caseUpdate, getCaseQuery, type CaseWorkflowInput } from '../workflows/case.messages.js';
import { caseWorkflow } from '../workflows/case.workflow.js';
import { freePort } from '../platform/net.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { ensureTemporalCli } from '../runtime/tools.js';
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
    const impatient = await buildApp({ client: stack.client, db: stack.database.db, taskQueue: stack.taskQueue, logLevel: 'silent', authKeys: stack.authKeys, actionKeys: stack.actionKeys, rateLimitPerMinute: 1_000_000_000, updateRetryMs: 0 });
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
      actionKeys: stack.actionKeys,
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

describe('actions sent straight to Temporal, past the API', () => {
  /** The case's timeline as a supervisor reads it through the API. */
  async function timeline(id: string) {
    const res = await stack.http('GET', `/v1/cases/${id}/events`, undefined, stack.as('supervisor'));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ seq: number; type: string; actor: { id: string; role: string }; data: Record<string, unknown> }>;
  }
  const refusals = async (id: string) => (await timeline(id)).filter((e) => e.type === 'action_refused').map((e) => e.data);
  const invented = { id: 'nobody', role: 'unit_handler', unitId: 'd01-s01' };

  it('an Update with an invented actor and no proof is refused and recorded; nothing else changes', async () => {
    const id = await contactedCase();
    const before = await stack.client.workflow.getHandle(id).query(getCaseQuery);
    const err = await stack.client.workflow
      .getHandle(id)
      .executeUpdate(caseUpdate('progress'), { args: [{ note: '伪造的进展' }, invented] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'unauthenticated_action' });

    const events = await eventually(async () => {
      const items = await timeline(id);
      expect(items.at(-1)?.type).toBe('action_refused');
      return items;
    });
    expect(events.at(-1)).toMatchObject({
      actor: { id: 'system', role: 'system' },
      data: { action: 'progress', reason: 'missing', claimedActor: { id: 'nobody', role: 'unit_handler', unitId: 'd01-s01' } },
    });
    expect(events.some((e) => e.type === 'progress_noted')).toBe(false);
    const after = await expectRecordMatchesWorkflow(stack, id);
    expect({ ...after.state, seq: before.state.seq, updatedAt: before.state.updatedAt }).toEqual(before.state);
  });

  it('a signal escalate to level 3 with no proof is refused and recorded; the level stays', async () => {
    const id = await contactedCase();
    await stack.client.workflow.getHandle(id).signal(caseSignal('escalate'), { reason: '伪造督办', level: 3 }, { id: 'boss', role: 'supervisor' });
    expect(await eventually(async () => {
      const r = await refusals(id);
      expect(r).toHaveLength(1);
      return r[0];
    })).toEqual({ action: 'escalate', reason: 'missing', claimedActor: { id: 'boss', role: 'supervisor', unitId: null } });
    const view = await expectRecordMatchesWorkflow(stack, id);
    expect(view.state.escalationLevel).toBe(0);
    expect((await timeline(id)).some((e) => e.type === 'escalated')).toBe(false);
  });

  it('a proof under another key, altered, copied to another case or used twice is refused too', async () => {
    const id = await contactedCase();
    const other = await contactedCase();
    const handler = { id: 'handler-17', role: 'unit_handler', unitId: 'd01-s01' };
    const payload = { note: '已约谈施工单位' };
    const send = (caseId: string, p: unknown, assertion: unknown) =>
      stack.client.workflow.getHandle(caseId).executeUpdate(caseUpdate('progress'), { args: [p as never, handler, assertion as never] }).then(
        () => 'taken',
        (e: unknown) => ((e as WorkflowUpdateFailedError).cause as { type?: string }).type,
      );
    const good = signAction(stack.actionKeys, { caseId: id, action: 'progress', payload, actor: handler });

    expect(await send(id, payload, signAction([generateActionKey(stack.actionKeys[0]!.id)], { caseId: id, action: 'progress', payload, actor: handler }))).toBe('unauthenticated_action');
    expect(await send(id, payload, signAction([generateActionKey('someone-elses')], { caseId: id, action: 'progress', payload, actor: handler }))).toBe('unauthenticated_action');
    expect(await send(id, { note: '改过的内容' }, good)).toBe('unauthenticated_action');
    expect(await send(other, payload, good)).toBe('unauthenticated_action');
    expect(await send(id, payload, { ...good, mac: 'x' })).toBe('unauthenticated_action');
    // The genuine proof, once; the same proof again (copied from the history) is worth nothing.
    expect(await send(id, payload, good)).toBe('taken');
    expect(await send(id, payload, good)).toBe('unauthenticated_action');

    await expectRecordMatchesWorkflow(stack, id);
    expect((await refusals(id)).map((r) => r.reason)).toEqual(['bad_signature', 'unknown_key', 'mismatch', 'bad_signature', 'replayed']);
    expect((await refusals(other)).map((r) => r.reason)).toEqual(['mismatch']);
    expect((await progressNotes(id))).toEqual(['已约谈施工单位']);
  });

  it('a verdict sent in place of a proof is the codec\'s to write: a forged one is refused', async () => {
    const id = await contactedCase();
    const handler = { id: 'handler-17', role: 'unit_handler', unitId: 'd01-s01' };
    const payload = { note: '伪造的核验结果' };
    const verdict = { hotlineVerdict: 'ok', caseId: id, action: 'progress', digest: proofDigest(payload, handler), nonce: 'n'.repeat(22) };
    const err = await stack.client.workflow.getHandle(id).executeUpdate(caseUpdate('progress'), { args: [payload, handler, verdict as never] }).catch((e: unknown) => e);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'unauthenticated_action' });
    await stack.client.workflow.getHandle(id).signal(caseSignal('urge'), { note: '伪造催办' }, { id: 'boss', role: 'supervisor' }, verdict as never);
    await eventually(async () => expect((await refusals(id)).map((r) => [r.action, r.reason])).toEqual([['progress', 'forged'], ['urge', 'forged']]));
    expect(await progressNotes(id)).toEqual([]);
  });

  it('a workflow started without the API\'s proof opens no case', async () => {
    const caseId = `HL${'F'.repeat(12)}${Date.now().toString(36).slice(-4).toUpperCase()}`;
    const input: CaseWorkflowInput = {
      caseId,
      actor: { id: 'nobody', role: 'intake_agent' },
      intake: { title: '伪造工单', description: '不经过接口', categoryId: 'env.noise.construction', channel: 'phone', complainant: { name: '王五', phone: '13800000000' } },
    };
    const handle = await stack.client.workflow.start(caseWorkflow, { workflowId: caseId, taskQueue: stack.taskQueue, args: [input] });
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect((err as WorkflowFailedError).cause).toMatchObject({ type: 'unauthenticated_action' });

    // As if it had continued another run: the server says it did not.
    const resumed = await stack.client.workflow.start(caseWorkflow, {
      workflowId: `${caseId.slice(0, 17)}R`,
      taskQueue: stack.taskQueue,
      args: [{ ...input, caseId: `${caseId.slice(0, 17)}R`, resume: { state: (await stack.client.workflow.getHandle(await contactedCase()).query(getCaseQuery)).state, policy: null } }],
    });
    expect(((await resumed.result().catch((e: unknown) => e)) as WorkflowFailedError).cause).toMatchObject({ type: 'unauthenticated_action' });

    for (const id of [caseId, `${caseId.slice(0, 17)}R`]) {
      expect((await stack.database.db.select().from(cases).where(eq(cases.id, id))).length).toBe(0);
      expect((await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('supervisor'))).status).toBe(404);
    }
  });
});

/** Addresses a process listens on (TCP), from /proc: its socket inodes, matched in /proc/net/tcp and tcp6. */
async function listeningAddresses(pid: number): Promise<string[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const m = /^socket:\[(\d+)\]$/.exec(link);
    if (m) inodes.add(m[1]!);
  }
  const out: string[] = [];
  for (const [file, v6] of [['/proc/net/tcp', false], ['/proc/net/tcp6', true]] as const) {
    const rows = (await readFile(file, 'utf8').catch(() => '')).trim().split('\n').slice(1);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      const [local, , state] = [cols[1]!, cols[2]!, cols[3]!];
      if (state !== '0A' || !inodes.has(cols[9]!)) continue; // 0A: LISTEN
      const [hex, port] = local.split(':') as [string, string];
      const ip = v6
        ? hex === '00000000000000000000000001000000' ? '::1' : hex === '00000000000000000000000000000000' ? '::' : `v6:${hex}`
        : Buffer.from(hex, 'hex').reverse().join('.');
      out.push(`${ip}:${parseInt(port, 16)}`);
    }
  }
  return out;
}

describe('the dev server (npm start)', () => {
  it('listens on 127.0.0.1 only: gRPC, HTTP API, Web UI, metrics and its internal services', async () => {
    const server = await startDevServer({ binary: await ensureTemporalCli(process.env.HOTLINE_TOOLS_DIR ?? '.tools'), port: await freePort(), uiPort: await freePort() });
    try {
      const addresses = await listeningAddresses(server.process.pid!);
      expect(addresses.length, addresses.join(', ')).toBeGreaterThanOrEqual(3);
      expect(addresses.filter((a) => !a.startsWith('127.0.0.1:')), 'listening beyond the loopback address').toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
