/**
 * One request, one trace (README "Operating it"): the real entry points — runtime/api.ts and runtime/worker.ts as
 * child processes with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver in this file — and one
 * `POST /v1/cases` yields connected spans from the API through the workflow to the record: the request's span, the
 * client's StartWorkflow, the worker's RunWorkflow, the StartActivity and RunActivity of the record's write, in one
 * trace, each the parent of the next. An Update's request is traced through its HandleUpdate to the write of what it
 * changed. No span carries the complainant's name, phone or address. The request id is in the API's log lines of the
 * request, and in the worker's workflow and activity lines.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, spawnNodeEntry, waitForHttp, type NodeChild } from '../bench/processes.js';
import { authEnv } from '../bench/stack.js';
import { complaint, eventually } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  /** The span as received, for the personal-data check. */
  raw: unknown;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values?: OtlpValue[] } };
const valueOf = (v: OtlpValue | undefined): unknown =>
  v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : undefined) ?? v?.boolValue ?? v?.doubleValue ?? v?.arrayValue?.values?.map(valueOf);
const attributesOf = (list: Array<{ key: string; value: OtlpValue }> | undefined) => Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));

/** A minimal OTLP/HTTP traces receiver: POST /v1/traces with the JSON encoding (what exporter-trace-otlp-http sends). */
function otlpReceiver(): { spans: ReceivedSpan[]; requests: string[]; listen(port: number): Promise<void>; close(): Promise<void> } {
  const spans: ReceivedSpan[] = [];
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !String(req.headers['content-type']).startsWith('application/json')) {
        res.writeHead(415, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const parsed = JSON.parse(body.toString()) as {
        resourceSpans?: Array<{
          resource?: { attributes?: Array<{ key: string; value: OtlpValue }> };
          scopeSpans?: Array<{ spans?: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: Array<{ key: string; value: OtlpValue }> }> }>;
        }>;
      };
      for (const rs of parsed.resourceSpans ?? []) {
        const service = String(attributesOf(rs.resource?.attributes)['service.name']);
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, kind: s.kind, attributes: attributesOf(s.attributes), raw: s });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return {
    spans,
    requests,
    listen: (port) => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve())),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The worker's log entries (the SDK's logger: a timestamped header, then the attributes, possibly over several lines). */
const entriesOf = (text: string) => text.split(/\n(?=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[)/);

const NAME = '欧阳追踪';
const PHONE = '13766554433';
const ADDRESS = '江城区城关街道桂花社区追踪楼';

describe('one request, one trace', () => {
  let stack: TestStack;
  let dir: string;
  let worker: NodeChild | undefined;
  let api: NodeChild | undefined;
  let apiUrl: string;
  const receiver = otlpReceiver();

  const post = async (url: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${apiUrl}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any, requestId: res.headers.get('x-request-id') };
  };
  /** The spans of one trace once `names` have all arrived, by name. */
  const traceOf = (traceId: string, names: string[]) =>
    eventually(async () => {
      const spans = receiver.spans.filter((s) => s.traceId === traceId);
      for (const n of names) expect(spans.map((s) => s.name), `span ${n} of trace ${traceId}; received: ${receiver.requests.length} exports`).toContain(n);
      return (name: string) => spans.find((s) => s.name === name)!;
    }, 30_000);

  beforeAll(async () => {
    stack = await startStack({ name: 'tracing', worker: false });
    dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-tracing-'));
    const [otlpPort, apiPort] = [await freePort(), await freePort()];
    await receiver.listen(otlpPort);
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const common = {
      ...stack.processEnv,
      NODE_ENV: 'test',
      ...authEnv(stack.authKeys),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
    };
    worker = spawnNodeEntry('worker', 'runtime/worker.ts', { ...common, LOG_LEVEL: 'debug', WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath') }, dir);
    api = spawnNodeEntry('api', 'runtime/api.ts', { ...common, LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false', API_HOST: '127.0.0.1', API_PORT: String(apiPort) }, dir);
    await Promise.all([worker.printed(/worker polling/, 90_000), waitForHttp(`${apiUrl}/readyz`, 90_000, () => api!.assertAlive())]);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await receiver.close();
    await stack?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('follows POST /v1/cases from the API through the workflow to the record, and its request id through the logs', async () => {
    const requestId = `trace-open-${randomBytes(4).toString('hex')}`;
    // Answered at triage: the case closes in its first workflow task, so its RunWorkflow span ends (and is exported) too.
    const body = complaint({
      complainant: { name: NAME, phone: PHONE },
      location: { address: ADDRESS, areaUnitId: 'd01-s01-c01' },
      triage: { outcome: 'consultation', note: `已答复咨询 ${PHONE}` },
    });
    const opened = await post('/v1/cases', body, { ...stack.as('intake_agent'), 'x-request-id': requestId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.requestId).toBe(requestId);
    const caseId = opened.body.id as string;

    const request = await eventually(async () => {
      const found = receiver.spans.find((s) => s.name === 'POST /v1/cases' && s.attributes['hotline.request_id'] === requestId);
      expect(found).toBeDefined();
      return found!;
    }, 30_000);
    const span = await traceOf(request.traceId, ['POST /v1/cases', 'StartWorkflow:caseWorkflow', 'RunWorkflow:caseWorkflow', 'StartActivity:projectCase', 'RunActivity:projectCase']);
    const start = span('StartWorkflow:caseWorkflow');
    const run = span('RunWorkflow:caseWorkflow');
    const schedule = span('StartActivity:projectCase');
    const write = span('RunActivity:projectCase');

    // The request: a server span of the API, with the route (not the URL), the status, the request id and the case.
    expect(request).toMatchObject({ service: 'hotline-api', kind: 2, parentSpanId: '' });
    expect(request.attributes).toMatchObject({ 'http.route': '/v1/cases', 'http.response.status_code': 201, 'hotline.case_id': caseId, 'hotline.category': 'env.noise.construction' });
    // Each the parent of the next, across the API, Temporal and the worker.
    expect(start).toMatchObject({ service: 'hotline-api', parentSpanId: request.spanId });
    expect(start.attributes.temporalWorkflowId).toBe(caseId);
    expect(run).toMatchObject({ service: 'hotline-worker', parentSpanId: start.spanId });
    expect(run.attributes['hotline.case_id']).toBe(caseId);
    expect(schedule).toMatchObject({ service: 'hotline-worker', parentSpanId: run.spanId });
    expect(write).toMatchObject({ service: 'hotline-worker', parentSpanId: schedule.spanId });
    // The record's write names the case, its category and status — and the request.
    expect(write.attributes).toMatchObject({ 'hotline.case_id': caseId, 'hotline.category': 'env.noise.construction', 'hotline.case_status': 'closed', 'hotline.request_id': requestId });

    // No span of the trace holds the complainant, the address, or the phone number in the note.
    const trace = JSON.stringify(receiver.spans.filter((s) => s.traceId === request.traceId).map((s) => s.raw));
    for (const leak of [NAME, PHONE, '5544', ADDRESS]) expect(trace).not.toContain(leak);

    // The request id: in the API's lines of the request, the workflow's line and the record write's line.
    const apiLog = await readFile(api!.logFile, 'utf8');
    expect(apiLog.split('\n').filter((l) => l.includes(`"reqId":"${requestId}"`)).length).toBeGreaterThanOrEqual(2);
    await eventually(async () => {
      const entries = entriesOf(await readFile(worker!.logFile, 'utf8')).filter((e) => e.includes(`requestId: '${requestId}'`));
      expect(entries.some((e) => e.includes('Workflow completed') && e.includes(caseId)), 'the workflow logged the request id').toBe(true);
      expect(entries.some((e) => e.includes('Activity completed') && e.includes("activityType: 'projectCase'") && e.includes(caseId)), 'the record write logged the request id').toBe(true);
    }, 15_000);
    const logs = (await readFile(api!.logFile, 'utf8')) + (await readFile(worker!.logFile, 'utf8'));
    for (const leak of [NAME, PHONE, ADDRESS]) expect(logs).not.toContain(leak);
  }, 90_000);

  it('follows an Update from its request through HandleUpdate to the write of what it changed', async () => {
    const opened = await post('/v1/cases', complaint(), stack.as('intake_agent'));
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as string;
    const requestId = `trace-dispatch-${randomBytes(4).toString('hex')}`;
    const dispatched = await post(`/v1/cases/${caseId}/dispatch`, { unitId: 'd01-s01' }, { ...stack.as('dispatcher'), 'x-request-id': requestId });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);

    const request = await eventually(async () => {
      const found = receiver.spans.find((s) => s.attributes['hotline.request_id'] === requestId && s.service === 'hotline-api');
      expect(found).toBeDefined();
      return found!;
    }, 30_000);
    expect(request.name).toBe('POST /v1/cases/:id/dispatch');
    const span = await traceOf(request.traceId, ['StartWorkflowUpdate:dispatch', 'HandleUpdate:dispatch', 'StartActivity:projectCase', 'RunActivity:projectCase']);
    const update = span('StartWorkflowUpdate:dispatch');
    const handle = span('HandleUpdate:dispatch');
    expect(update.parentSpanId).toBe(request.spanId);
    expect(handle).toMatchObject({ service: 'hotline-worker', parentSpanId: update.spanId });
    expect(span('StartActivity:projectCase').parentSpanId).toBe(handle.spanId);
    expect(span('RunActivity:projectCase').attributes).toMatchObject({ 'hotline.case_id': caseId, 'hotline.unit_id': 'd01-s01', 'hotline.case_status': 'dispatched', 'hotline.request_id': requestId });
    await eventually(async () => {
      const entries = entriesOf(await readFile(worker!.logFile, 'utf8')).filter((e) => e.includes(`requestId: '${requestId}'`));
      expect(entries.some((e) => e.includes('Activity completed') && e.includes("activityType: 'projectCase'"))).toBe(true);
    }, 15_000);
  }, 60_000);
});
