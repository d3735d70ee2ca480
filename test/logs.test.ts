/**
 * Personal data never reaches a log. A full lifecycle (and its refusals) runs with the API logging at debug into
 * a capture, and the real worker entry point (runtime/worker.ts, a child process) logging at debug to its
 * stdout/stderr; neither holds the complainant's phone (in any spacing), name or address. Every API log line of a
 * request carries its request id. The redaction paths themselves are checked on a pino logger.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loggerOptions } from '../platform/logger.js';
import { act, driveTo, eventually } from './support/cases.js';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

const PHONE = '13698765432';
const NAME = '欧阳明月';
const ADDRESS = '江城区城关街道桂花社区十八栋二单元';
const LEAKS = [PHONE, '136 9876 5432', '9876', NAME, ADDRESS];

let stack: TestStack;
let worker: ChildProcess;
const apiLines: string[] = [];
let workerOutput = '';

beforeAll(async () => {
  stack = await startStack({ name: 'logs', worker: false, logLevel: 'debug', logStream: { write: (line: string) => void apiLines.push(line) } });
  worker = spawn(process.execPath, ['--import', 'tsx', 'runtime/worker.ts'], {
    env: {
      ...process.env,
      ...stack.processEnv,
      NODE_ENV: 'development',
      // The pre-built bundle, as production workers load it (bundling here, at debug, took most of a minute under load).
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (d: Buffer) => (workerOutput += d.toString()));
  worker.stderr!.on('data', (d: Buffer) => (workerOutput += d.toString()));
  await eventually(async () => expect(workerOutput).toContain('worker polling'), 60_000);
}, 90_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
  await stack?.close();
});

describe('logs during a full lifecycle', () => {
  it('hold no phone number, name or address, and every request line has its request id', async () => {
    const body = demoComplaint({ complainant: { name: NAME, phone: PHONE }, description: `噪音扰民，请回电 ${PHONE}`, location: { address: ADDRESS, areaUnitId: 'd01-s01-c01' } });
    const opened = await stack.http('POST', '/v1/cases', body, { ...stack.as('intake_agent'), 'x-request-id': 'log-test-open' });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    await driveTo(stack, id, 'replied', 'd01-s01');
    // Refusals and failures log too: a wrong-state action, a bad body quoting the phone, a wrong verification code.
    await act(stack, id, 'accept', {}, 409);
    expect((await stack.http('POST', '/v1/cases', { ...body, complainant: { name: NAME, phone: `${PHONE}x` } })).status).toBe(400);
    expect((await stack.http('GET', `/v1/cases/${id}`, undefined, { 'x-case-code': '12345678' })).status).toBe(401);
    await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('unit_handler', 'd01-s01'));
    await stack.http('GET', `/v1/cases/${id}/events`);
    await act(stack, id, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied', note: `已回访 ${PHONE}` });
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${id}`)).body.status).toBe('closed'));

    const api = apiLines.join('');
    expect(apiLines.length, 'the API logged the requests').toBeGreaterThan(20);
    expect(workerOutput, 'the worker logged this case at debug').toContain(id);
    for (const leak of LEAKS) {
      expect(api, `API logs contain ${leak}`).not.toContain(leak);
      expect(workerOutput, `worker logs contain ${leak}`).not.toContain(leak);
    }
    const requestLines = apiLines.map((l) => JSON.parse(l) as { req?: unknown; res?: unknown; reqId?: string; msg: string }).filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThan(10);
    for (const l of requestLines) expect(l.reqId, l.msg).toBeTruthy();
    expect(apiLines.some((l) => l.includes('log-test-open'))).toBe(true);
  }, 120_000);
});

describe('pino redaction', () => {
  it('censors complainant details, credentials and phones wherever the code logs them', () => {
    const lines: string[] = [];
    const log = pino(loggerOptions('info'), new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    log.info({ complainant: { name: NAME, phone: PHONE } }, 'top level');
    log.info({ intake: { complainant: { name: NAME, phone: PHONE } } }, 'nested');
    log.info({ input: { intake: { complainant: { name: NAME, phone: PHONE } } } }, 'deeper');
    log.info({ phone: PHONE, complainantName: NAME, complainantPhone: PHONE }, 'fields');
    log.info({ req: { headers: { authorization: 'Bearer secret.token.here', 'x-api-key': 'hl_x.y', 'x-case-code': '12345678', cookie: 'a=b' } } }, 'headers');
    const all = lines.join('');
    expect(lines).toHaveLength(5);
    for (const leak of [PHONE, NAME, 'secret.token.here', 'hl_x.y', '12345678', 'a=b']) expect(all).not.toContain(leak);
    expect(all).toContain('[redacted]');
  });
});
