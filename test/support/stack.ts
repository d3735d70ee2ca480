/**
 * A test file's own stack on the shared Temporal server and PostgreSQL: its own database (migrated and
 * seeded), its own task queue and worker, and the API built by buildApp with the same wiring as production.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../api/app.js';
import type { CaseCodeLimits } from '../../api/auth-throttle.js';
import type { OidcOptions } from '../../api/oidc.js';
import type { AttachmentOptions } from '../../api/attachments.service.js';
import { caseCode } from '../../api/auth.js';
import { createDatabase, type DatabaseHandle } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import { demoSeed, seedReferenceData } from '../../db/seed.js';
import type { CasePolicy } from '../../domain/policy.types.js';
import type { PolicyDocument } from '../../domain/policy.schema.js';
import type { DispatchRuleRecord } from '../../domain/dispatch-catalogue.js';
import { STAFF_ROLES, type StaffRole } from '../../domain/access.js';
import { generateAuthKeys, mintToken, type AuthKeys, type TokenClaims } from '../../platform/auth-keys.js';
import { createCaseWorker } from '../../runtime/case-worker.js';
import { clientInterceptors } from '../../platform/temporal-interceptors.js';
import { CONSOLE_DIST } from '../../runtime/console-build.js';
import { formatActionKeys, generateActionKey, workerDataConverter, type ActionKey } from '../../platform/action-assertion.js';
import { clientTlsOf, sdkTls, tlsEnv, type TemporalTlsFiles } from '../../runtime/temporal-tls.js';
import { getCaseQuery } from '../../workflows/case.messages.js';
import { encryptedDataConverter, formatPayloadKeys, generatePayloadKey } from '../../platform/payload-codec.js';
import type { NotificationChannel } from '../../notifications/channels.js';
import { createNotificationDeliverer, type BackoffOptions, type NotificationDeliverer } from '../../notifications/deliverer.js';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this test worker process
}

export interface TestStack {
  app: FastifyInstance;
  client: Client;
  database: DatabaseHandle;
  taskQueue: string;
  /** The in-process worker (absent when the test runs its own, e.g. in a child process it can kill). */
  worker: Worker | undefined;
  /** The file's own database, directly (not through any proxy). */
  databaseUrl: string;
  temporalAddress: string;
  /** TEMPORAL_TLS_* for worker/API child processes (the worker's certificate); empty without mutual TLS. */
  temporalTlsEnv: Record<string, string>;
  /** This file's payload keys as PAYLOAD_KEYS (a random key per file), for worker/API child processes; '' when not encrypting. */
  payloadKeys: string;
  /** The data converter the API client and the worker use (replay needs it for histories recorded in the run). */
  dataConverter: DataConverter;
  /** The worker's data converter: the same, plus the check of the API's proofs (replaying this file's histories needs it). */
  workerDataConverter: DataConverter;
  /** This file's action assertion keys (a random key per file): the API signs, the worker verifies. */
  actionKeys: ActionKey[];
  /** The same as ACTION_ASSERTION_KEYS, for worker/API child processes. */
  actionKeysEnv: string;
  /**
   * What a worker or API child process of this stack is started with: its database, server, task queue, payload and
   * action keys, TLS files, no migrations, and no metrics endpoint (a fixed default port would clash between files;
   * test/metrics.test.ts turns it on with ports of its own).
   */
  processEnv: Record<string, string>;
  /** This file's authentication keys (random per file). */
  authKeys: AuthKeys;
  /** A case's verification code under this file's CASE_CODE_SECRET (what the complainant's acceptance notice carries). */
  caseCode(caseId: string): string;
  /** A bearer token signed with this file's key, as its issuer for its audience, valid 8 hours (within the 12-hour cap). */
  token(claims: TokenClaims): string;
  /** `{ authorization: 'Bearer …' }` for a person with these roles in this unit. */
  as(roles: StaffRole | StaffRole[], unit?: string | null, sub?: string): Record<string, string>;
  /**
   * HTTP through the real Fastify stack (routing, authentication, validation, serialisation, error handler).
   * Without credentials in `headers`, it calls as a city-level principal holding every staff role, or, for the
   * actions only the case's own unit may take (accept, return, contact, progress, reply, extension requests), as a handler of the
   * unit the case is at. The access matrix test (test/access.test.ts) sends its own credentials.
   */
  http<T = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  /** The running notification deliverer, when StackOptions.deliverer asked for one. */
  deliverer: NotificationDeliverer | undefined;
  close(): Promise<void>;
}

export interface StackOptions {
  name: string;
  policy?: Partial<CasePolicy>;
  /** The dispatch catalogue to seed; default none, so every case waits for a dispatcher unless a test asks. */
  dispatchRules?: DispatchRuleRecord[];
  /** Another Temporal server than the run's shared one (a test that needs special server settings). */
  temporalAddress?: string;
  /** That server's mutual TLS (a production topology's files); the shared server's comes from the global set-up. */
  temporalTls?: TemporalTlsFiles;
  /** false: no in-process worker; the test runs its own. */
  worker?: boolean;
  /** Rewrites the database URL the API and worker use (e.g. through a TCP proxy the test can cut). */
  routeDatabase?: (url: string) => string;
  /** false: payloads in clear (recording replay histories to commit, which must not need a key). Default true. */
  encryptPayloads?: boolean;
  /** ACTION_ASSERTION_KEYS of the API and worker; default a random key for the file (recorded histories need a fixed one). */
  actionKeys?: ActionKey[];
  /** Requests per minute per credential; default: unlimited for practical purposes. */
  rateLimitPerMinute?: number;
  /** Failed or missing credentials per minute per client address (app.inject comes from 127.0.0.1 unless a test
   * gives `remoteAddress`); default: unlimited for practical purposes, as the fuzzer sends thousands. */
  unauthenticatedPerMinute?: number;
  /** Wrong verification codes per address, address and case, and case; default: unlimited for practical purposes. */
  caseCodeLimits?: CaseCodeLimits;
  /** Browser origins allowed by CORS; default none. */
  corsOrigins?: string[];
  /** Where the API's logs go (a test that reads them); default: silent. */
  logStream?: { write(line: string): void };
  logLevel?: string;
  /** Deliver the outbox through this channel (a deliverer on this file's database, stopped by close()). */
  deliverer?: { channel: NotificationChannel; pollMs?: number; maxAttempts?: number; backoff?: BackoffOptions; batchSize?: number };
  /**
   * Link repeat complaints (并单) at intake, as production does. Off unless asked: every test complaint is the same
   * demo complaint (same category, place and phone), so linking would put every file's cases in one repeat group.
   */
  repeats?: boolean;
  /** Look up cases opened under unscoped idempotency keys (IDEMPOTENCY_LEGACY_LOOKUP); default off as in production. */
  legacyIdempotencyLookup?: boolean;
  /** Serve the built web console at /console with the development sign-in (api/console.routes.ts); default off. */
  console?: boolean;
  /** Sign-in with an OpenID Connect provider (api/oidc.ts; test/support/oidc-provider.ts runs one); default none. */
  oidc?: OidcOptions;
  /** The attachment store and limits (api/attachments.service.ts); default a local store in a temporary folder. */
  attachments?: AttachmentOptions;
}

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-case-code'];
/** Actions only the case's own unit may take: the default caller becomes a handler of that unit. */
const UNIT_ACTION = /^\/v1\/cases\/(HL[0-9A-Z]{16})\/(accept|return|contact|progress|reply|extension-requests)$/;

/**
 * The stack's policy: the default document with the test's fields over it. A test that gives an inline calendar
 * without a calendarRegion counts on that calendar; one that gives both (a spread of a resolved policy) on the region.
 */
function stackPolicy(over: Partial<CasePolicy> = {}): PolicyDocument {
  const merged: PolicyDocument = { ...demoSeed.policy, ...over };
  if (over.calendar && !('calendarRegion' in over)) delete merged.calendarRegion;
  return merged;
}

export function withDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const dbName = `hotline_t_${name.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, dbName),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${dbName}" with (force)`);
      await c.end();
    },
  };
}

export async function startStack(opts: StackOptions): Promise<TestStack> {
  const address = opts.temporalAddress ?? inject('temporalAddress');
  const testDb = await createTestDatabase(opts.name);
  const direct = createDatabase(testDb.url);
  await runMigrations(direct.db);
  await seedReferenceData(direct.db, { ...demoSeed, policy: stackPolicy(opts.policy), dispatchRules: opts.dispatchRules ?? [] });
  const database = opts.routeDatabase ? (await direct.close(), createDatabase(opts.routeDatabase(testDb.url))) : direct;

  const keys = opts.encryptPayloads === false ? [] : [generatePayloadKey(`test-${randomBytes(3).toString('hex')}`)];
  const dataConverter: DataConverter = keys.length ? encryptedDataConverter(keys) : {};
  const actionKeys = opts.actionKeys ?? [generateActionKey(`test-${randomBytes(3).toString('hex')}`)];
  // The worker's: decrypts, then checks the API's proof on actions. Replaying this file's histories needs it.
  const workerConverter = workerDataConverter(keys, actionKeys);
  const taskQueue = `test-${opts.name}-${randomBytes(4).toString('hex')}`;
  // A production topology takes only clients with a certificate of its CA: the worker and the API have their own.
  const tlsFiles = opts.temporalAddress ? opts.temporalTls : (inject('temporalTls') ?? undefined);
  const [workerTls, apiTls] = tlsFiles ? await Promise.all([clientTlsOf(tlsFiles, 'worker'), clientTlsOf(tlsFiles, 'api')]) : [];
  const workerConnection = opts.worker === false ? undefined : await NativeConnection.connect({ address, ...(workerTls && { tls: sdkTls(workerTls) }) });
  const worker = workerConnection
    ? await createCaseWorker({ connection: workerConnection, namespace: 'default', taskQueue, db: database.db, dataConverter: workerConverter, workflowBundlePath: inject('workflowBundlePath') })
    : undefined;
  const running = worker?.run();

  const connection = await Connection.connect({ address, ...(apiTls && { tls: sdkTls(apiTls) }) });
  // As the product's client (runtime/bootstrap.ts connectClient): each request's id goes with what it sends.
  const client = new Client({ connection, namespace: 'default', dataConverter, interceptors: clientInterceptors(undefined) });
  const authKeys = generateAuthKeys(`test-${randomBytes(3).toString('hex')}`);
  const app = await buildApp({
    client,
    db: database.db,
    taskQueue,
    logLevel: opts.logLevel ?? (opts.logStream ? 'info' : 'silent'),
    authKeys,
    actionKeys,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 1_000_000_000,
    unauthenticatedPerMinute: opts.unauthenticatedPerMinute ?? 1_000_000_000,
    caseCodeLimits: opts.caseCodeLimits ?? { windowMs: 60_000, perAddress: 1_000_000_000, perAddressAndCase: 1_000_000_000, perCase: 1_000_000_000 },
    ...(opts.logStream && { logStream: opts.logStream }),
    ...(opts.corsOrigins && { corsOrigins: opts.corsOrigins }),
    repeatMatching: opts.repeats ?? false,
    legacyIdempotencyLookup: opts.legacyIdempotencyLookup ?? false,
    ...(opts.console && { console: { dir: CONSOLE_DIST, devSignIn: true, temporalUi: { url: 'http://127.0.0.1:8233', namespace: 'default' } } }),
    ...(opts.oidc && { oidc: opts.oidc }),
    ...(opts.attachments && { attachments: opts.attachments }),
  });
  await app.ready();
  const deliverer = opts.deliverer
    ? createNotificationDeliverer({ db: database.db, logger: { info() {}, warn() {}, error() {} }, caseCodeSecret: authKeys.caseCodeSecret, ...opts.deliverer })
    : undefined;
  deliverer?.start();
  const token = (claims: TokenClaims) => mintToken(authKeys, claims);
  const as = (roles: StaffRole | StaffRole[], unit: string | null = 'city', sub?: string) => {
    const list = Array.isArray(roles) ? roles : [roles];
    return { authorization: `Bearer ${token({ sub: sub ?? `test-${list.join('+')}@${unit ?? 'none'}`, roles: list, unit })}` };
  };
  const everyRole = as([...STAFF_ROLES], 'city', 'test-all-roles');

  return {
    app,
    client,
    database,
    taskQueue,
    worker,
    deliverer,
    databaseUrl: testDb.url,
    temporalAddress: address,
    temporalTlsEnv: tlsFiles ? tlsEnv(tlsFiles, 'worker') : {},
    payloadKeys: formatPayloadKeys(keys),
    dataConverter,
    workerDataConverter: workerConverter,
    actionKeys,
    actionKeysEnv: formatActionKeys(actionKeys),
    processEnv: {
      DATABASE_URL: testDb.url,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      PAYLOAD_KEYS: formatPayloadKeys(keys),
      ACTION_ASSERTION_KEYS: formatActionKeys(actionKeys),
      ...(tlsFiles ? tlsEnv(tlsFiles, 'worker') : {}),
      RUN_MIGRATIONS: 'false',
      METRICS: 'false',
    },
    authKeys,
    caseCode: (caseId) => caseCode(authKeys.caseCodeSecret, caseId),
    token,
    as,
    async http(method, url, body, headers = {}) {
      let credentials: Record<string, string> = {};
      if (!Object.keys(headers).some((h) => CREDENTIAL_HEADERS.includes(h.toLowerCase()))) {
        const unitAction = UNIT_ACTION.exec(url);
        const unit = unitAction
          ? await client.workflow.getHandle(unitAction[1]!).query(getCaseQuery).then((v) => v.state.unitId, () => null)
          : null;
        credentials = unit ? as(['unit_handler'], unit, `test-handler@${unit}`) : everyRole;
      }
      const res = await app.inject({
        method,
        url,
        headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...credentials, ...headers },
        ...(body !== undefined && { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = res.body;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body: parsed as any, headers: res.headers };
    },
    async close() {
      await deliverer?.stop();
      await app.close();
      worker?.shutdown();
      await running;
      await workerConnection?.close();
      await connection.close();
      await database.close();
      await testDb.drop();
    },
  };
}
