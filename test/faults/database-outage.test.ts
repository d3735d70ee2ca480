/**
 * The database is unreachable for 30 s during intake (a TCP proxy in front of PostgreSQL is cut). Every
 * POST /v1/cases still answers 201, every case can be read, and the rows appear once the database is back.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { complaint, expectRecordMatchesWorkflow, openCase } from '../support/cases.js';
import { startStack, type TestStack } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const OUTAGE_MS = 30_000;
let proxy: TcpProxy;
let stack: TestStack;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  const admin = new URL(inject('adminDatabaseUrl'));
  proxy = await startTcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
  stack = await startStack({
    name: 'fault_db_outage',
    routeDatabase: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(proxy.port);
      return u.toString();
    },
  });
});
afterAll(async () => {
  proxy?.restore();
  await stack?.close();
  await proxy?.close();
});

describe('database unreachable during intake', () => {
  it('accepts every complaint (201) and writes the rows once the database is back', async () => {
    const before = await openCase(stack);
    await expectRecordMatchesWorkflow(stack, before);

    proxy.cut();
    const started = Date.now();
    const ids: string[] = [];
    let i = 0;
    while (Date.now() - started < OUTAGE_MS - 2_000) {
      const res = await stack.http('POST', '/v1/cases', complaint({ title: `断库期间受理 ${i++}` }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.id);
      // Readable at once: the workflow answers, not the database.
      const got = await stack.http('GET', `/v1/cases/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ status: 'received', source: 'workflow' });
      await sleep(1_000);
    }
    const readiness = await stack.http('GET', '/readyz');
    expect(readiness.status).toBe(503);
    expect(readiness.body.checks.database.status).toBe('down');
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - started)));
    proxy.restore();

    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) await expectRecordMatchesWorkflow(stack, id);
    // And the cases work normally afterwards.
    const dispatched = await stack.http('POST', `/v1/cases/${ids[0]}/dispatch`, { unitId: 'd01-s01' });
    expect(dispatched.status).toBe(200);
  });
});
