/**
 * What an operator scrapes (README "Operating it"): the real entry points — runtime/worker.ts and runtime/api.ts as
 * child processes, metrics on by default, on free ports (METRICS_WORKER_BIND, METRICS_API_BIND) — scraped by Debian's
 * Prometheus every second with ops/prometheus/alerts.yml loaded, and read back through Prometheus's HTTP API: the
 * API's requests by route and status, the worker's SDK metrics and projection lag, the record's gauges (open cases by
 * status, warning and unit level, overdue, notices, drift between Temporal and the record), and every alert rule
 * evaluating without error on real data. promtool checks the rules and the example configuration, and runs the rules'
 * unit tests (ops/prometheus/alerts.test.yml).
 *
 * Needs `prometheus` and `promtool` on PATH (Debian's `prometheus` package; .ci/run installs it). Without them the
 * file reports itself skipped, saying why — except in CI (CI set), where that is a failure.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { encryptedDataConverter, generatePayloadKey } from '../platform/payload-codec.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { freePort, ROOT, spawnNodeEntry, waitForHttp, type NodeChild } from '../bench/processes.js';
import { authEnv } from '../bench/stack.js';
import { benchComplaint } from '../bench/fixtures.js';
import { eventually } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const run = promisify(execFile);

/** An executable on PATH, or null. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

const PROMETHEUS = onPath('prometheus');
const PROMTOOL = onPath('promtool');
const missing = [!PROMETHEUS && 'prometheus', !PROMTOOL && 'promtool'].filter((m): m is string => Boolean(m));
const inCi = Boolean(process.env.CI);
const skip = missing.length > 0 && !inCi;
const why = `${missing.join(' and ')} not on PATH (Debian: apt-get install prometheus; .ci/run installs it)`;
if (skip) console.warn(`[metrics] SKIPPED: ${why}`);
const needTools = () => {
  if (missing.length) throw new Error(`${why}: in CI this is a failure, not a skip`);
};

const RULES = path.join(ROOT, 'ops/prometheus/alerts.yml');
const RULE_TESTS = path.join(ROOT, 'ops/prometheus/alerts.test.yml');
const EXAMPLE_CONFIG = path.join(ROOT, 'ops/prometheus/prometheus.yml');

describe.skipIf(skip)(skip ? `alert rules — SKIPPED: ${why}` : 'the alert rules (promtool)', () => {
  it('pass `promtool check rules`', async () => {
    needTools();
    const { stdout } = await run(PROMTOOL!, ['check', 'rules', RULES]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('and the example scrape configuration, which loads them, passes `promtool check config`', async () => {
    needTools();
    const { stdout } = await run(PROMTOOL!, ['check', 'config', EXAMPLE_CONFIG]);
    expect(stdout).toContain('SUCCESS');
  });

  it('fire when they should and not before (`promtool test rules`)', async () => {
    needTools();
    const { stdout } = await run(PROMTOOL!, ['test', 'rules', RULE_TESTS]);
    expect(stdout).toContain('SUCCESS');
  });
});

// A sign-for clock of 3 seconds: a dispatched case is overdue moments later.
const seconds = (amount: number) => ({ amount, unit: 'seconds' as const });
const fast = { signFor: seconds(3), contact: seconds(600), reply: seconds(600), callback: seconds(600) };
const policy: Partial<CasePolicy> = { clocks: Object.fromEntries(Object.keys(defaultCasePolicy.clocks).map((k) => [k, fast])) as CasePolicy['clocks'] };

describe.skipIf(skip)(skip ? `Prometheus scraping the API and the worker — SKIPPED: ${why}` : 'Prometheus scraping the API and the worker', () => {
  let stack: TestStack;
  let dir: string;
  let worker: NodeChild | undefined;
  let api: NodeChild | undefined;
  let prometheus: ChildProcess | undefined;
  let prometheusOut = '';
  let apiUrl: string;
  let promUrl: string;
  const targets = { api: '', worker: '' };

  async function query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
    const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as { status: string; error?: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
    return body.data.result;
  }
  /** The one value of a query (a sum), once Prometheus has it and it satisfies `check`. */
  async function value(expr: string, check: (v: number) => void, timeoutMs = 30_000): Promise<number> {
    return eventually(async () => {
      const result = await query(expr);
      expect(result, `${expr} has no series yet`).toHaveLength(1);
      const v = Number(result[0]!.value[1]);
      check(v);
      return v;
    }, timeoutMs);
  }
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${apiUrl}${url}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  beforeAll(async () => {
    needTools();
    stack = await startStack({ name: 'metrics', worker: false, policy });
    dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-metrics-'));
    const [apiPort, apiMetricsPort, workerMetricsPort, promPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    targets.api = `127.0.0.1:${apiMetricsPort}`;
    targets.worker = `127.0.0.1:${workerMetricsPort}`;
    apiUrl = `http://127.0.0.1:${apiPort}`;
    promUrl = `http://127.0.0.1:${promPort}`;
    const common = { ...stack.processEnv, NODE_ENV: 'test', ...authEnv(stack.authKeys), LOG_LEVEL: 'warn', METRICS: 'true' };
    worker = spawnNodeEntry('worker', 'runtime/worker.ts', { ...common, WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'), METRICS_WORKER_BIND: targets.worker }, dir);
    api = spawnNodeEntry(
      'api',
      'runtime/api.ts',
      { ...common, SEED_DEMO_DATA: 'false', API_HOST: '127.0.0.1', API_PORT: String(apiPort), METRICS_API_BIND: targets.api, METRICS_GAUGE_TTL: '1s' },
      dir,
    );
    await Promise.all([worker.printed(/worker polling/, 90_000), waitForHttp(`${apiUrl}/readyz`, 90_000, () => api!.assertAlive())]);

    const config = path.join(dir, 'prometheus.yml');
    await writeFile(
      config,
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: [${JSON.stringify(RULES)}]`,
        'scrape_configs:',
        `  - { job_name: hotline-api, static_configs: [{ targets: [${JSON.stringify(targets.api)}] }] }`,
        `  - { job_name: hotline-worker, static_configs: [{ targets: [${JSON.stringify(targets.worker)}] }] }`,
        '',
      ].join('\n'),
    );
    prometheus = spawn(PROMETHEUS!, [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--log.level=warn'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prometheus.stdout!.on('data', (d: Buffer) => (prometheusOut += d.toString()));
    prometheus.stderr!.on('data', (d: Buffer) => (prometheusOut += d.toString()));
    await waitForHttp(`${promUrl}/-/ready`, 30_000, () => {
      if (prometheus!.exitCode !== null) throw new Error(`prometheus exited (${prometheus!.exitCode}):\n${prometheusOut}`);
    });
  }, 180_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await new Promise((r) => prometheus!.once('exit', r));
    }
    await api?.stop();
    await worker?.stop();
    await stack?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('scrapes both endpoints, and reads the requests, the worker, the record and the rules from them', async () => {
    // Traffic: three cases opened, one refused, one unknown, one route that does not exist; one case dispatched to a
    // street, which its 3-second sign-for clock makes overdue.
    const intake = stack.as('intake_agent');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      // Three callers about three places (the API links repeats, as in production: these are none).
      const opened = await call('POST', '/v1/cases', benchComplaint(i), intake);
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      ids.push(opened.body.id);
    }
    expect((await call('POST', '/v1/cases', { ...benchComplaint(3), categoryId: 42 }, intake)).status).toBe(400);
    expect((await call('GET', '/v1/cases/HL0000000000000000', undefined, stack.as('dispatcher'))).status).toBe(404);
    expect((await call('GET', '/no/such/route', undefined, stack.as('dispatcher'))).status).toBe(404);
    expect((await call('POST', `/v1/cases/${ids[0]}/dispatch`, { unitId: 'd01-s01' }, stack.as('dispatcher'))).status).toBe(200);

    // Both targets up.
    await eventually(async () => {
      const res = (await (await fetch(`${promUrl}/api/v1/targets`)).json()) as { data: { activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> } };
      const health = Object.fromEntries(res.data.activeTargets.map((t) => [t.labels.job, `${t.health} ${t.lastError}`.trim()]));
      expect(health).toEqual({ 'hotline-api': 'up', 'hotline-worker': 'up' });
    }, 30_000);

    // The API: requests by route pattern and status.
    const requests = (route: string, method: string, status: number) =>
      `sum(hotline_http_request_duration_seconds_count{job="hotline-api",route="${route}",method="${method}",status="${status}"})`;
    await value(requests('/v1/cases', 'POST', 201), (v) => expect(v).toBe(3));
    await value(requests('/v1/cases', 'POST', 400), (v) => expect(v).toBe(1));
    await value(requests('/v1/cases/:id', 'GET', 404), (v) => expect(v).toBe(1));
    await value(requests('unmatched', 'GET', 404), (v) => expect(v).toBe(1));
    await value(requests('/v1/cases/:id/dispatch', 'POST', 200), (v) => expect(v).toBe(1));
    // A latency histogram per route and status: 11 buckets and +Inf.
    await value('count(hotline_http_request_duration_seconds_bucket{job="hotline-api",route="/v1/cases",method="POST",status="201"})', (v) => expect(v).toBe(12));

    // The worker: the SDK's own metrics (workflow tasks, their latency and wait, the sticky cache) and the record's lag.
    await value('sum(temporal_workflow_task_execution_latency_seconds_count{job="hotline-worker"})', (v) => expect(v).toBeGreaterThan(0));
    await value('sum(temporal_workflow_task_schedule_to_start_latency_seconds_count{job="hotline-worker"})', (v) => expect(v).toBeGreaterThan(0));
    await value('sum(temporal_sticky_cache_size{job="hotline-worker"})', (v) => expect(v).toBeGreaterThanOrEqual(1));
    // Every batch with events is measured: at least the three openings and the dispatch.
    await value('sum(hotline_projection_lag_seconds_count{job="hotline-worker"})', (v) => expect(v).toBeGreaterThanOrEqual(4));
    await value('histogram_quantile(0.5, sum by (le) (hotline_projection_lag_seconds_bucket{job="hotline-worker"}))', (v) => expect(v).toBeLessThan(5));

    // The record's gauges: three open cases, one of them dispatched to a street and red and overdue; Temporal agrees.
    await value('sum(hotline_cases_open{job="hotline-api"})', (v) => expect(v).toBe(3));
    await value('sum(hotline_cases_open{job="hotline-api",status="received",unit_level="none"})', (v) => expect(v).toBe(2));
    await value('sum(hotline_cases_open{job="hotline-api",status="dispatched",unit_level="street",warning_level="red"})', (v) => expect(v).toBe(1), 30_000);
    await value('hotline_cases_overdue{job="hotline-api",unit_level="street"}', (v) => expect(v).toBe(1));
    await value('hotline_cases_overdue{job="hotline-api",unit_level="district"}', (v) => expect(v).toBe(0));
    await value('hotline_case_workflows_open{job="hotline-api"}', (v) => expect(v).toBe(3));
    await value('hotline_projection_drift_cases{job="hotline-api"}', (v) => expect(v).toBe(0));
    // Notices: the acceptance notices and the red warning's, delivered through the log channel; none given up.
    await value('hotline_notifications_pending{job="hotline-api"}', (v) => expect(v).toBe(0));
    await value('hotline_notifications_oldest_due_seconds{job="hotline-api"}', (v) => expect(v).toBe(0));
    await value('hotline_notifications_failed{job="hotline-api"}', (v) => expect(v).toBe(0));
    await value('sum(hotline_payload_decode_failures_total)', (v) => expect(v).toBe(0));

    // The alert rules are loaded and every one evaluates without error on this data; none fires.
    await eventually(async () => {
      const res = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as {
        data: { groups: Array<{ name: string; rules: Array<{ name: string; health: string; lastError?: string; state: string }> }> };
      };
      const groups = res.data.groups;
      expect(groups.map((g) => g.name).sort()).toEqual(['hotline-cases', 'hotline-notifications', 'hotline-record', 'hotline-worker']);
      const rules = groups.flatMap((g) => g.rules);
      expect(rules.length).toBeGreaterThanOrEqual(12);
      for (const r of rules) expect(`${r.name}: ${r.health} ${r.lastError ?? ''}`.trim()).toBe(`${r.name}: ok`);
      expect(rules.filter((r) => r.state !== 'inactive').map((r) => r.name)).toEqual([]);
    }, 30_000);

    // What is exposed: counts with short, fixed labels — no case numbers, no complainant.
    for (const target of [targets.api, targets.worker]) {
      const text = await (await fetch(`http://${target}/metrics`)).text();
      expect(text).not.toMatch(/HL[0-9A-Z]{16}/);
      for (const leak of ['张三', '13900000000', '13900000001', '桂花路']) expect(text).not.toContain(leak);
    }
  }, 150_000);

  it('counts a payload the worker cannot decode and its failing workflow tasks, and the alert on it fires', async () => {
    // A workflow started with a key the worker does not have (a key removed from PAYLOAD_KEYS too early).
    const foreign = new Client({ connection: stack.client.connection, namespace: 'default', dataConverter: encryptedDataConverter([generatePayloadKey('gone')]) });
    const handle = await foreign.workflow.start('caseWorkflow', { taskQueue: stack.taskQueue, workflowId: `undecodable-${Date.now()}`, args: [{ caseId: 'x' }] });
    try {
      await value('sum(hotline_payload_decode_failures_total{job="hotline-worker"})', (v) => expect(v).toBeGreaterThanOrEqual(1));
      await value('sum(temporal_workflow_task_execution_failed_total{job="hotline-worker"})', (v) => expect(v).toBeGreaterThanOrEqual(1));
      await eventually(async () => {
        const res = (await (await fetch(`${promUrl}/api/v1/alerts`)).json()) as { data: { alerts: Array<{ labels: Record<string, string>; state: string }> } };
        const states = Object.fromEntries(res.data.alerts.map((a) => [a.labels.alertname, a.state]));
        expect(states).toMatchObject({ HotlinePayloadDecodeFailures: 'firing', HotlineWorkflowTaskFailures: 'pending' });
      }, 30_000);
    } finally {
      await handle.terminate('test: a payload nobody can decode');
    }
  }, 60_000);
});
