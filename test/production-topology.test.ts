/**
 * The production Temporal topology (runtime/temporal-topology.ts): the Temporal Server on PostgreSQL with its
 * own databases and the separate Web UI server, on free ports, brought up from nothing; one complaint opened
 * through the API and driven to closed; the UI server's HTTP API lists the workflow with its search attributes.
 *
 * Needs the binaries `npm run tools:install -- production` builds (5–8 minutes, once). Without them the suite
 * is reported as skipped, naming what is missing; it never builds them itself.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEphemeralTopology, type EphemeralTopology } from '../runtime/temporal-ephemeral.js';
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
    stack = await startStack({ name: 'topology', temporalAddress: topology.address });
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
