/**
 * The production Temporal topology (runtime/temporal-topology.ts): the Temporal Server on PostgreSQL with its
 * own databases and the separate Web UI server, on free ports, brought up from nothing; one complaint opened
 * through the API and driven to closed; the UI server's HTTP API lists the workflow with its search attributes.
 * Mutual TLS: the frontend (gRPC and HTTP) and the internal services refuse clients without a certificate of the
 * topology's CA; the UI server refuses writes; a forged Update or signal with a valid certificate is refused and
 * recorded (it does not carry the API's action assertion).
 *
 * Needs the binaries `npm run tools:install -- production` builds (5–8 minutes, once). Without them the suite
 * is reported as skipped, naming what is missing; it never builds them itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection, WorkflowUpdateFailedError, type TLSConfig } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEphemeralTopology, type EphemeralTopology } from '../runtime/temporal-ephemeral.js';
import { clientTlsOf, ensureTemporalTls, sdkTls } from '../runtime/temporal-tls.js';
import { caseSignal, caseUpdate } from '../workflows/case.messages.js';
import { findProductionTools } from '../runtime/tools.js';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/search-attributes.js';
import { act, eventually, expectRecordMatchesWorkflow, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const tools = await findProductionTools(process.env.HOTLINE_TOOLS_DIR ?? '.tools');
const missing = 'missing' in tools ? tools.missing : [];
const title = missing.length
  ? `production topology — SKIPPED: not built: ${missing.join(', ')}; run \`npm run tools:install -- production\``
  : 'production topology: Temporal Server on PostgreSQL + Web UI server';
if (missing.length) console.warn(`[production-topology] ${title}`);

describe.skipIf(missing.length > 0)(title, () => {
  let topology: EphemeralTopology | undefined;
  let stack: TestStack | undefined;
  let startupSeconds = 0;

  beforeAll(async () => {
    if ('missing' in tools) return;
    const t0 = Date.now();
    topology = await startEphemeralTopology({ tools, adminDatabaseUrl: inject('adminDatabaseUrl'), numHistoryShards: 2 });
    startupSeconds = (Date.now() - t0) / 1000;
    stack = await startStack({ name: 'topology', temporalAddress: topology.address, temporalTls: topology.tls });
  });

  afterAll(async () => {
    await stack?.close();
    await topology?.dispose();
  });

  it('runs a complaint to closed, and the UI server lists it with its search attributes', async () => {
    expect(topology!.processes.map((p) => p.exited())).toEqual([null, null]);
    console.log(`[production-topology] up in ${startupSeconds.toFixed(1)} s (fresh databases ${topology!.databases.temporal}, ${topology!.databases.visibility})`);

    const id = await openCase(stack!);
    await act(stack!, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack!, id, 'accept', {});
    await act(stack!, id, 'contact', { method: 'phone' });
    await act(stack!, id, 'reply', { content: '已处理', resolved: true });
    const closed = await act(stack!, id, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });
    expect(closed.status).toBe('closed');
    await expectRecordMatchesWorkflow(stack!, id);

    // PostgreSQL visibility, through the Web UI server's HTTP API (what the browser UI calls).
    const query = `CaseStatus="closed" AND WorkflowId="${id}"`;
    const listed = await eventually(async () => {
      const res = await fetch(`${topology!.uiUrl}/api/v1/namespaces/default/workflows?query=${encodeURIComponent(query)}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { executions?: Array<Record<string, any>> };
      expect(body.executions ?? []).toHaveLength(1);
      return body.executions![0]!;
    }, 30_000);
    expect(listed.execution.workflowId).toBe(id);
    const fields = listed.searchAttributes?.indexedFields as Record<string, unknown>;
    const value = (name: string) => decodePayload(fields[name]);
    expect(value('CaseStatus')).toBe('closed');
    expect(value('CaseCategory')).toBe('env.noise.construction');
    expect(value('AssignedUnit')).toBe('d01-s01');
    expect(value('CaseRound')).toBe(1);

    // Every case attribute is registered on the namespace with its type.
    const sa = await stack!.client.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    for (const k of CASE_SEARCH_ATTRIBUTES) expect(Object.keys(sa.customAttributes ?? {})).toContain(k.name);
  });
});

describe.skipIf(missing.length > 0)(`${title}: mutual TLS, and actions only through the API`, () => {
  let topology: EphemeralTopology | undefined;
  let stack: TestStack | undefined;

  beforeAll(async () => {
    if ('missing' in tools) return;
    topology = await startEphemeralTopology({ tools, adminDatabaseUrl: inject('adminDatabaseUrl'), numHistoryShards: 2 });
    stack = await startStack({ name: 'topology_tls', temporalAddress: topology.address, temporalTls: topology.tls });
  });
  afterAll(async () => {
    await stack?.close();
    await topology?.dispose();
  });

  /** Whether a client connecting to `port` this way gets an answer from Temporal (or why not). */
  async function answers(port: number, tls?: TLSConfig): Promise<true | string> {
    try {
      const connection = await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: 1_000, interceptors: [], ...(tls && { tls }) });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    } catch (err) {
      return String(err);
    }
  }

  it('the frontend and the internal services refuse a client without a certificate of the topology\'s CA', async () => {
    const t = topology!;
    const ca = await readFile(t.tls.ca);
    const admin = await clientTlsOf(t.tls, 'admin');
    // Another CA's client certificate: made the same way, trusted by nobody here.
    const stranger = await clientTlsOf(await ensureTemporalTls(path.join(t.stateDir, 'stranger-tls')), 'admin');
    const serverName = t.tls.serverName;
    expect(await answers(t.settings.ports.frontend.grpc, sdkTls(admin))).toBe(true);
    for (const port of [t.settings.ports.frontend.grpc, t.settings.ports.history.grpc, t.settings.ports.matching.grpc]) {
      expect(await answers(port), `plaintext to ${port}`).not.toBe(true);
      expect(await answers(port, { serverRootCACertificate: ca, serverNameOverride: serverName }), `no client certificate, port ${port}`).not.toBe(true);
      expect(await answers(port, { ...sdkTls(stranger), serverRootCACertificate: ca }), `another CA's certificate, port ${port}`).not.toBe(true);
    }
    // The frontend's HTTP API too.
    const http = await fetch(`https://127.0.0.1:${t.settings.ports.frontend.http}/api/v1/namespaces`).then((r) => r.status, (e: unknown) => String(e));
    expect(http).not.toBe(200);
  });

  it('the Web UI server reads, but refuses every write (a signal sent through it never reaches the case)', async () => {
    const id = await openCase(stack!);
    await act(stack!, id, 'dispatch', { unitId: 'd01-s01' });
    const listed = await fetch(`${topology!.uiUrl}/api/v1/namespaces/default/workflows/${id}`);
    expect(listed.status).toBe(200);
    // With an Authorization header the UI server skips its CSRF check (its auth is off): what a curl would send.
    const signal = await fetch(`${topology!.uiUrl}/api/v1/namespaces/default/workflows/${id}/signal/escalate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything' },
      body: JSON.stringify({ input: { payloads: [] } }),
    });
    expect(signal.status).toBe(405);
    const view = await expectRecordMatchesWorkflow(stack!, id);
    expect(view.state.escalationLevel).toBe(0);
  });

  it('a forged Update and signal sent straight to Temporal with a valid client certificate are refused and recorded', async () => {
    const id = await openCase(stack!);
    await act(stack!, id, 'dispatch', { unitId: 'd01-s01' });
    // An operator's certificate (the CLI's): it reaches Temporal, but it is not the API.
    const connection = await Connection.connect({ address: topology!.address, tls: sdkTls(await clientTlsOf(topology!.tls, 'admin')) });
    try {
      const forger = new Client({ connection, namespace: 'default', dataConverter: stack!.dataConverter });
      const err = await forger.workflow.getHandle(id).executeUpdate(caseUpdate('accept'), { args: [{}, { id: 'nobody', role: 'unit_handler', unitId: 'd01-s01' }] }).catch((e: unknown) => e);
      expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'unauthenticated_action' });
      await forger.workflow.getHandle(id).signal(caseSignal('escalate'), { reason: '伪造', level: 3 }, { id: 'boss', role: 'supervisor' });
    } finally {
      await connection.close();
    }
    const refused = await eventually(async () => {
      const res = await stack!.http('GET', `/v1/cases/${id}/events`, undefined, stack!.as('supervisor'));
      const items = (res.body.items as Array<{ type: string; data: { action: string; reason: string } }>).filter((e) => e.type === 'action_refused');
      expect(items).toHaveLength(2);
      return items.map((e) => [e.data.action, e.data.reason]);
    });
    expect(refused).toEqual([
      ['accept', 'missing'],
      ['escalate', 'missing'],
    ]);
    const view = await expectRecordMatchesWorkflow(stack!, id);
    expect(view.state).toMatchObject({ status: 'dispatched', escalationLevel: 0 });
  });
});

/** A search attribute as the UI server's JSON gives it: a payload with base64 data, or already decoded. */
function decodePayload(p: unknown): unknown {
  if (p && typeof p === 'object' && 'data' in p && typeof (p as { data: unknown }).data === 'string') {
    const text = Buffer.from((p as { data: string }).data, 'base64').toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return p;
}
