/**
 * Replay: recorded histories of the case workflow must replay against the current code. Histories committed
 * in test/histories/ guard running cases from a change that needs patched() or a new workflow version;
 * histories recorded live in this run cover every path the scenarios take.
 * Committed histories sit in one folder per workflow version (test/histories/<version>/): keep every folder as
 * long as cases of that version may still be running. `RECORD_HISTORIES=<version> npm run histories:record` writes this run's histories into test/histories/<version>/.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureTemporalCli } from '../runtime/tools.js';
import { parseActionKeys, workerDataConverter } from '../platform/action-assertion.js';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { act, complaint, driveTo, eventually, openCase } from './support/cases.js';
import { caseSignal, caseUpdate } from '../workflows/case.messages.js';
import { startStack, type TestStack } from './support/stack.js';

const HISTORIES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'histories');
const record = process.env.RECORD_HISTORIES;
/**
 * The action assertion key committed histories are recorded under (a test key, nothing else uses it): replaying a
 * history verifies the API's proofs in it again, so the replay needs the key they were signed with.
 */
const HISTORY_ACTION_KEYS = parseActionKeys((await readFile(path.join(HISTORIES, 'action-keys'), 'utf8')).trim());

let stack: TestStack;
beforeAll(async () => {
  // Histories recorded to be committed stay in clear: replaying them later must not need this run's random key.
  stack = await startStack({
    name: 'replay',
    // The scenarios wait for each workflow to complete: no late-feedback windows (nor the repeat window a closed case
    // waits for as a possible repeat master) keeping closed cases open.
    policy: { reviewWindow: undefined, ratingWindow: undefined, repeats: undefined },
    encryptPayloads: !record,
    ...(record && { actionKeys: HISTORY_ACTION_KEYS }),
    dispatchRules: [{ id: 'r-sanitation', categoryId: 'sanitation', areaUnitId: 'd01', unitId: null, unitType: 'street', note: null, active: true }],
  });
});
afterAll(async () => stack?.close());

async function scenarios(): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};

  ids['lifecycle-satisfied'] = await openCase(stack);
  await driveTo(stack, ids['lifecycle-satisfied'], 'replied');
  await act(stack, ids['lifecycle-satisfied'], 'progress', { note: 'x' }, 409);
  await act(stack, ids['lifecycle-satisfied'], 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });

  ids['rehandled-then-closed-unsatisfied'] = await openCase(stack);
  const r = ids['rehandled-then-closed-unsatisfied'];
  await driveTo(stack, r, 'replied');
  for (let round = 0; round < 3; round++) {
    await act(stack, r, 'callback', { contacted: true, resolved: false, satisfaction: 'unsatisfied' });
    if (round < 2) {
      await act(stack, r, 'accept');
      await act(stack, r, 'contact', { method: 'phone' });
      await act(stack, r, 'reply', { content: 'again', resolved: false });
    }
  }

  ids['returned-reassigned-escalated'] = await openCase(stack);
  const s = ids['returned-reassigned-escalated'];
  await act(stack, s, 'dispatch', { unitId: 'dept-cg' });
  await act(stack, s, 'return', { reason: 'wrong_area', note: '非本辖区' });
  await act(stack, s, 'dispatch', { unitId: 'd01-s01' });
  await stack.http('POST', `/v1/cases/${s}/reassign`, { unitId: 'd01-s02', reason: '改派' });
  await stack.http('POST', `/v1/cases/${s}/escalate`, { reason: '督办' });
  await eventually(async () => expect((await stack.http('GET', `/v1/cases/${s}`)).body.escalationLevel).toBe(1));
  await act(stack, s, 'accept');
  await act(stack, s, 'contact', { method: 'phone' });
  await act(stack, s, 'reply', { content: 'done', resolved: true });
  await act(stack, s, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });

  // Dispatch rules (issue 6): triage at intake, the catalogue at intake, designation and joint handling.
  const triaged = await stack.http('POST', '/v1/cases', complaint({ triage: { outcome: 'consultation', note: '已当场解答' } }));
  ids['triaged-at-intake'] = triaged.body.id as string;

  ids['catalogue-dispatched'] = await openCase(stack, { categoryId: 'sanitation.garbage.overflow', location: { areaUnitId: 'd01-s02-c01' } });
  const c = ids['catalogue-dispatched'];
  await act(stack, c, 'accept');
  await act(stack, c, 'contact', { method: 'phone' });
  await act(stack, c, 'reply', { content: 'done', resolved: true });
  await act(stack, c, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });

  ids['designated-joint'] = await openCase(stack);
  const j = ids['designated-joint'];
  for (const unitId of ['d01-s01', 'd01-s02', 'd01-s03']) {
    await act(stack, j, 'dispatch', { unitId });
    await act(stack, j, 'return', { reason: 'not_our_duty', note: '非本单位职责' });
  }
  await act(stack, j, 'dispatch', { unitId: 'd01-s04', cooperating: ['dept-cg'] });
  const cg = stack.as(['unit_handler'], 'dept-cg');
  expect((await stack.http('POST', `/v1/cases/${j}/cooperate`, {}, cg)).status).toBe(200);
  expect((await stack.http('POST', `/v1/cases/${j}/report`, { content: '已清理' }, cg)).status).toBe(200);
  await act(stack, j, 'accept');
  await act(stack, j, 'contact', { method: 'phone' });
  await act(stack, j, 'reply', { content: 'done', resolved: true });
  await act(stack, j, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });

  // Deadlines and closing the loop (issues 7 and 8): hold, resume, extension; failed callbacks; dispute, review, termination.
  ids['hold-extension'] = await openCase(stack);
  const h = ids['hold-extension'];
  await driveTo(stack, h, 'contacted');
  const leader = stack.as(['unit_leader'], 'd01-s01');
  expect((await stack.http('POST', `/v1/cases/${h}/hold`, { reason: '季节性问题', reviewDates: [new Date(Date.now() + 3_600_000).toISOString()] }, leader)).status).toBe(200);
  expect((await stack.http('POST', `/v1/cases/${h}/resume`, { note: '已具备条件' }, leader)).status).toBe(200);
  expect((await stack.http('POST', `/v1/cases/${h}/extension-requests`, { days: 2, reason: '需协调' })).status).toBe(200);
  expect((await stack.http('POST', `/v1/cases/${h}/extension-requests/decision`, { approve: true, note: '同意' }, leader)).status).toBe(200);
  await act(stack, h, 'reply', { content: 'done', resolved: true });
  await act(stack, h, 'callback', { outcome: 'no_answer' });
  await act(stack, h, 'callback', { outcome: 'reached', contacted: true, resolved: true, satisfaction: 'satisfied' });

  ids['callback-invalid'] = await openCase(stack);
  const v = ids['callback-invalid'];
  await driveTo(stack, v, 'replied');
  for (const outcome of ['no_answer', 'refused', 'wrong_number']) await act(stack, v, 'callback', { outcome });

  ids['disputed-terminated'] = await openCase(stack);
  const d = ids['disputed-terminated'];
  await driveTo(stack, d, 'replied');
  await act(stack, d, 'callback', { outcome: 'reached', contacted: true, resolved: false, satisfaction: 'unsatisfied' });
  expect((await stack.http('POST', `/v1/cases/${d}/dispute`, { reason: '超出职权' }, leader)).status).toBe(200);
  const reviewer = stack.as(['reviewer']);
  expect((await stack.http('POST', `/v1/cases/${d}/review`, { demandReasonable: false, handlingCompliant: true, reason: '诉求不合理' }, reviewer)).status).toBe(200);
  expect((await stack.http('POST', `/v1/cases/${d}/terminate`, { grounds: 'outside_law_and_policy', reason: '诉求不合理' }, reviewer)).status).toBe(200);

  // Intake from real channels (issue 15): a grid worker's find nobody can be reached for (no contact step, closed at
  // the reply as no_contact); a late hand-over whose clocks count from receivedAt (sign-for already overdue: red at once).
  const anonymous = await stack.http('POST', '/v1/cases', complaint({ channel: 'grid_worker', complainant: undefined }));
  expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(201);
  ids['no-contact'] = anonymous.body.id as string;
  await act(stack, ids['no-contact'], 'dispatch', { unitId: 'd01-s01' });
  await act(stack, ids['no-contact'], 'accept');
  await act(stack, ids['no-contact'], 'reply', { content: 'done', resolved: true });

  const receivedAt = new Date(Date.now() - 26 * 3_600_000).toISOString();
  ids['received-earlier'] = await openCase(stack, { categoryId: 'sanitation.garbage.overflow', location: { areaUnitId: 'd01-s02-c01' }, receivedAt });
  const e = ids['received-earlier'];
  await act(stack, e, 'accept');
  await act(stack, e, 'contact', { method: 'phone' });
  await act(stack, e, 'reply', { content: 'done', resolved: true });
  await act(stack, e, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });

  // Actions sent straight to Temporal without the API's proof: refused and recorded (patch action-assertions-v1).
  ids['refused-actions'] = await openCase(stack);
  const f = ids['refused-actions'];
  await driveTo(stack, f, 'accepted');
  const forged = stack.client.workflow.getHandle(f);
  await expect(forged.executeUpdate(caseUpdate('progress'), { args: [{ note: '伪造' }, { id: 'nobody', role: 'unit_handler', unitId: 'd01-s01' }] })).rejects.toThrow();
  await forged.signal(caseSignal('escalate'), { reason: '伪造', level: 3 }, { id: 'boss', role: 'supervisor' });
  await eventually(async () => expect((await stack.http('GET', `/v1/cases/${f}/events`)).body.items.filter((e: { type: string }) => e.type === 'action_refused')).toHaveLength(2));
  await act(stack, f, 'contact', { method: 'phone' });
  await act(stack, f, 'reply', { content: 'done', resolved: true });
  await act(stack, f, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });

  for (const id of Object.values(ids)) await stack.client.workflow.getHandle(id).result();
  return ids;
}

describe('workflow replay', () => {
  it('replays histories recorded in this run against the current workflow code', async () => {
    const ids = await scenarios();
    const histories = await Promise.all(
      Object.entries(ids).map(async ([name, id]) => ({ name, workflowId: id, history: await stack.client.workflow.getHandle(id).fetchHistory() })),
    );
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: stack.workerDataConverter }, histories)) results.push(r);
    expect(results).toHaveLength(Object.keys(ids).length);
    for (const r of results) expect(r.error, `${r.workflowId}: ${String(r.error)}`).toBeUndefined();
    if (record) {
      // The CLI writes the canonical proto JSON that historyFromJSON (and the Web UI's download) use.
      const cli = await ensureTemporalCli(process.env.HOTLINE_TOOLS_DIR ?? '.tools');
      const folder = path.join(HISTORIES, path.basename(record));
      await mkdir(folder, { recursive: true });
      for (const h of histories) {
        const { stdout } = await promisify(execFile)(cli, ['workflow', 'show', '--address', inject('temporalAddress'), '-w', h.workflowId, '--output', 'json'], {
          maxBuffer: 64 * 1024 * 1024,
        });
        await writeFile(path.join(folder, `${h.name}.json`), stdout);
      }
    }
  });

  it('replays every committed history (cases started by earlier versions) without nondeterminism', async () => {
    const files = (await readdir(HISTORIES, { recursive: true })).filter((f) => f.endsWith('.json'));
    const versions = new Set(files.map((f) => path.dirname(f)));
    expect(versions.size, 'one folder per workflow version').toBeGreaterThanOrEqual(2);
    expect(files.length).toBeGreaterThanOrEqual(3 * versions.size);
    // Worker.runReplayHistories converts the CLI's JSON form itself.
    const histories = await Promise.all(
      files.map(async (f) => ({ workflowId: f.replace(/\.json$/, ''), history: JSON.parse(await readFile(path.join(HISTORIES, f), 'utf8')) as unknown })),
    );
    const results = [];
    // Through the worker's codecs: payloads recorded in clear pass through decryption, the proofs in them are checked.
    const dataConverter = workerDataConverter([], HISTORY_ACTION_KEYS);
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter }, histories)) results.push(r);
    expect(results).toHaveLength(files.length);
    for (const r of results) expect(r.error, `${r.workflowId}: ${String(r.error)}`).toBeUndefined();
  });
});
