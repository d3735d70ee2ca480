/**
 * buildApp(deps): the whole HTTP API as a Fastify instance, from explicit dependencies. The entry points and
 * the tests build it the same way.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Tracer } from '@opentelemetry/api';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import type { ActionKey } from '../platform/action-assertion.js';
import type { AuthKeys } from '../platform/auth-keys.js';
import { createLocalStore } from '../platform/attachment-store.js';
import { ATTACHMENT_DEFAULTS, DEFAULT_ATTACHMENT_TYPES } from '../platform/config.js';
import { createActionSigner } from './action-signer.js';
import { loggerOptions } from '../platform/logger.js';
import { createApiKeyService } from './api-keys.service.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { createAttachmentsRepository } from './attachments.repository.js';
import { createOpen311Repository } from './open311.repository.js';
import { handleOpen311FrameworkError, OPEN311_PREFIX, open311Routes } from './open311.routes.js';
import { createOpen311Service } from './open311.service.js';
import { analysisPoliciesRoutes, createAnalysisPoliciesService } from './analysis-policies.routes.js';
import { createAnalysisRepository } from './analysis.repository.js';
import { analysisRoutes } from './analysis.routes.js';
import { createGroupFlags } from './group-flags.js';
import { createAnalysisService } from './analysis.service.js';
import { createReportStore } from '../db/reports.js';
import { reportsRoutes } from './reports.routes.js';
import { createReportsService } from './reports.service.js';
import { assessmentPoliciesRoutes } from './assessment-policies.routes.js';
import { createAssessmentPoliciesService } from './assessment-policies.service.js';
import { createAssessmentRepository } from './assessment.repository.js';
import { assessmentRoutes } from './assessment.routes.js';
import { createAssessmentService } from './assessment.service.js';
import { calendarsRoutes } from './calendars.routes.js';
import { createCalendarsService } from './calendars.service.js';
import { codecRoutes } from './codec.routes.js';
import { codecSessionRoutes } from './codec-session.routes.js';
import { consoleRoutes, type ConsoleOptions } from './console.routes.js';
import { registerAuth } from './auth.js';
import { DEFAULT_CASE_CODE_LIMITS, DEFAULT_UNAUTHENTICATED_PER_MINUTE, type CaseCodeLimits } from './auth-throttle.js';
import { createCasesRepository } from './cases.repository.js';
import { casesRoutes } from './cases.routes.js';
import { createCasesService } from './cases.service.js';
import { createDispatchRulesRepository } from './dispatch-rules.repository.js';
import { dispatchRulesRoutes } from './dispatch-rules.routes.js';
import { createDispatchRulesService } from './dispatch-rules.service.js';
import { healthRoutes } from './health.routes.js';
import { createPoliciesService } from './policies.service.js';
import { policiesRoutes } from './policies.routes.js';
import { publicRoutes } from './public.routes.js';
import { createPublicService } from './public.service.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { notificationsRoutes } from './notifications.routes.js';
import { DomainError } from '../domain/errors.js';
import { handleClientError, handleError, MAX_PARAM_LENGTH, registerErrorHandling, type FieldError } from './problem.js';
import { referenceRoutes } from './reference.routes.js';
import { createCaseFeed, type CaseFeed } from './live.feed.js';
import { createOidc, type OidcOptions } from './oidc.js';
import { liveRoutes, type LiveOptions } from './live.routes.js';
import { attachmentsRoutes } from './attachments.routes.js';
import { createAttachmentsService, type AttachmentOptions } from './attachments.service.js';
import { createRepeatsRepository } from './repeats.repository.js';
import { repeatsRoutes } from './repeats.routes.js';
import { createRepeatMatcher, createRepeatsService } from './repeats.service.js';
import { createReferenceService, type ReferenceService } from './reference.service.js';
import type { ApiMetrics } from './metrics.js';
import { registerTelemetry } from './telemetry.js';
import { REQUEST_ID_PATTERN } from '../workflows/request-id.js';

export interface AppDeps {
  client: Client;
  db: Database;
  taskQueue: string;
  logLevel?: string;
  bodyLimit?: number;
  /** Pass a ready one to share it; otherwise one is made and refreshed every minute. */
  reference?: ReferenceService;
  /** JWT keys and the verification-code secret (platform/auth-keys.ts). */
  authKeys: AuthKeys;
  /** Requests per minute per credential (an API key may carry its own). Default 600. */
  rateLimitPerMinute?: number;
  /** Failed or missing credentials per minute per client address, counted before authentication. Default 60. */
  unauthenticatedPerMinute?: number;
  /** Wrong verification codes per address, address and case, and case, in windows (api/auth-throttle.ts). */
  caseCodeLimits?: CaseCodeLimits;
  /** The API key look-up cache (API_KEY_CACHE_TTL / API_KEY_CACHE_ENTRIES): 30 s, 10,000 keys by default. */
  apiKeyCache?: { cacheMs: number; maxEntries: number };
  /** Reverse proxies whose X-Forwarded-For names the client (Fastify's trustProxy); default none. */
  trustProxy?: string[] | number;
  /** Origins allowed to call the API from a browser (the Temporal Web UI, for the codec endpoint). */
  corsOrigins?: string[];
  /** A pino destination for the API's logs (tests capture them); default stdout. */
  logStream?: { write(line: string): void };
  /** Link repeat complaints (并单) at intake (default true); the test stack leaves it off unless a test file asks. */
  repeatMatching?: boolean;
  /** IDEMPOTENCY_LEGACY_LOOKUP: find cases opened under a key before keys were scoped to their caller (default off). */
  legacyIdempotencyLookup?: boolean;
  /** How long an Update Temporal dropped is tried again before 503 (UPDATE_RETRY_MS); default 5 s. */
  updateRetryMs?: number;
  /** ACTION_ASSERTION_KEYS: the first signs every start, Update and signal the API sends (the worker verifies). */
  actionKeys: readonly ActionKey[];
  /** The web console at /console and its development sign-in (api/console.routes.ts); default: not built, no sign-in. */
  console?: ConsoleOptions;
  /** Live lists (api/live.routes.ts): the record's change feed (default: one LISTEN connection like the pool's) and its limits. */
  live?: { feed?: CaseFeed; options?: LiveOptions };
  /** Sign-in with an OpenID Connect provider (api/oidc.ts): its tokens are taken besides AUTH_JWT_KEYS'; default none. */
  oidc?: OidcOptions;
  /**
   * Photos and videos of cases (api/attachments.service.ts): the store, the types and limits, the link key (ATTACHMENT_*).
   * Default: the local driver in a fresh temporary folder (removed when the app closes), the default limits, a
   * random link key — for tools and tests that do not look at attachments.
   */
  attachments?: AttachmentOptions;
  /** Prometheus metrics (api/metrics.ts): each answer observed by route and status; default none. */
  metrics?: ApiMetrics;
  /** Tracing (platform/tracing.ts): a span per request, parent of the workflow's; default none. */
  tracer?: Tracer;
}

/**
 * A caller's X-Request-Id is kept when it looks like an id; anything else (log injection, 300 chars) gets a fresh one.
 * It travels with the workflow starts, Updates and signals of the request (workflows/request-id.ts).
 */
const REQUEST_ID = REQUEST_ID_PATTERN;

/**
 * Text PostgreSQL cannot store as given: NUL (U+0000; text columns reject it, so the query fails) and unpaired
 * surrogates (the driver would silently store U+FFFD instead). With the u flag a proper surrogate pair is one
 * code point, so \p{Cs} only matches an unpaired half.
 */
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Every string (keys too) in a parsed request part that PostgreSQL cannot store, named like zod's field paths. */
function unstorableText(part: string, value: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<[string, unknown]> = [[part, value]];
  while (stack.length && found.length < 20) {
    const [path, v] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) {
        found.push({ field: path, reason: v.includes('\u0000') ? 'contains a NUL character (U+0000)' : 'contains an unpaired surrogate (not well-formed Unicode)' });
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) found.push({ field: `${path}.${JSON.stringify(k)}`, reason: 'a key that contains a NUL character or an unpaired surrogate' });
        else stack.push([`${path}.${k}`, x]);
      }
    }
  }
  return found;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // A hop count trusts that many proxies nearest to the API.
    ...(deps.trustProxy !== undefined && { trustProxy: typeof deps.trustProxy === 'number' ? trustHops(deps.trustProxy) : deps.trustProxy }),
    logger: { ...loggerOptions(deps.logLevel ?? 'info'), ...(deps.logStream && { stream: deps.logStream }) },
    bodyLimit: deps.bodyLimit ?? 256 * 1024,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Bad percent-escapes and over-long path parameters are refused before routing, by Fastify itself: without
    // this they are answered with Fastify's own JSON, not problem+json (under /open311, in GeoReport's error shape).
    frameworkErrors: (err, req, reply) => (req.url.startsWith(`${OPEN311_PREFIX}/`) ? handleOpen311FrameworkError(err, req, reply) : handleError(err, req, reply)),
    // Requests Node's HTTP parser refuses (not HTTP/1.1, oversized headers): problem+json too.
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();
  // Before any route: every handler runs as part of its request (its id, its span); every answer is measured.
  registerTelemetry(app, { metrics: deps.metrics, tracer: deps.tracer });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Before any route's schema: one check for every route, present and future, on every part of the request.
  app.addHook('preValidation', async (req) => {
    const errors = [...unstorableText('params', req.params), ...unstorableText('query', req.query), ...unstorableText('body', req.body)];
    if (errors.length) throw new DomainError('validation_failed', 'the request contains text that cannot be stored', { errors });
  });
  registerErrorHandling(app);
  // A JSON API: anything but application/json gets 415 rather than a string body.
  app.removeContentTypeParser('text/plain');

  const repository = createCasesRepository(deps.db);
  const reference = deps.reference ?? createReferenceService(deps.db);
  if (!deps.reference) {
    await reference.start((err) => app.log.warn({ err }, 'reference data refresh failed; keeping the last copy'));
    app.addHook('onClose', async () => reference.stop());
  }

  // Security headers on every answer; the API serves JSON, so the strictest policy fits (the docs page sets its own).
  await app.register(helmet, { global: true });
  await app.register(cors, {
    origin: deps.corsOrigins ?? false,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    // x-namespace and authorization-extras: what the Temporal Web UI sends to the codec endpoint.
    allowedHeaders: ['authorization', 'authorization-extras', 'content-type', 'idempotency-key', 'x-api-key', 'x-case-code', 'x-request-id', 'x-namespace'],
    exposedHeaders: ['location', 'x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    credentials: true,
    maxAge: 600,
  });
  const oidc = deps.oidc ? createOidc(deps.oidc) : undefined;
  const apiKeys = createApiKeyService(deps.db, deps.apiKeyCache);
  await registerAuth(app, {
    ...(oidc && { oidc }),
    keys: deps.authKeys,
    apiKeys,
    units: () => reference.units,
    unauthenticatedPerMinute: deps.unauthenticatedPerMinute ?? DEFAULT_UNAUTHENTICATED_PER_MINUTE,
    caseCodeLimits: deps.caseCodeLimits ?? DEFAULT_CASE_CODE_LIMITS,
  });
  // Per credential (after authentication, hence preHandler); callers without one by address.
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: 60_000,
    max: (req) => req.rateLimit ?? deps.rateLimitPerMinute ?? 600,
    keyGenerator: (req) => req.principal?.id ?? `ip:${req.ip}`,
    errorResponseBuilder: (_req, ctx) =>
      new DomainError('rate_limited', `more than ${ctx.max} requests in a minute from this credential; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hotline API',
        version: '0.1.0',
        description: 'Case management for 12345 citizen complaint hotlines (接诉即办). Errors are application/problem+json.',
      },
      tags: [
        { name: 'cases', description: 'Open, read and list cases' },
        { name: 'self-service', description: 'The complainant: progress and online rating with the case number and the verification code (X-Case-Code)' },
        { name: 'case actions', description: 'Lifecycle actions (workflow Updates: 200 or 409)' },
        { name: 'supervision', description: 'Supervisor pushes (workflow signals: 202)' },
        { name: 'reference', description: 'Units and categories' },
        { name: 'catalogue', description: 'The dispatch catalogue (派单目录): which unit a new case goes to' },
        { name: 'calendars', description: 'Official working-day calendars (holidays and make-up working days) that deadlines count on' },
        { name: 'policies', description: 'Case policy versions: SLA clocks, warnings, rounds and the calendar they count on' },
        { name: 'notifications', description: 'Notices the cases sent and their delivery (admins, supervisors)' },
        { name: 'assessment', description: 'Assessment (考核): unit figures, rankings, the cases behind a figure, published rankings, assessment policy versions' },
        { name: 'analysis', description: 'Analysis (未诉先办): categories, trends, hot spots, group complaints, the cases behind a figure, analysis policy versions' },
        { name: 'codec', description: 'Temporal Web UI codec server: workflow payloads in clear, for admins' },
        { name: 'api keys', description: "Credentials of systems (admins): a channel's own key, or a system acting under staff roles; the secret is shown once" },
        {
          name: 'open311',
          description:
            "Open311 GeoReport v2 (/open311/v2, .json and .xml; discovery at /open311/discovery.json): services from the taxonomy, service requests opened and followed with a channel's API key (api_key). Answers and errors in the spec's shapes, not problem+json",
        },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const repeatsRepository = createRepeatsRepository(deps.db);
  const sign = createActionSigner(deps.actionKeys);
  const repeats = deps.repeatMatching === false ? undefined : createRepeatMatcher({ client: deps.client, repository: repeatsRepository, unitType: (id) => reference.unitType(id), log: app.log, sign });
  const attachmentRows = createAttachmentsRepository(deps.db);
  const analysisRepository = createAnalysisRepository(deps.db);
  const groupFlags = createGroupFlags({ repository: analysisRepository, unitType: (id) => reference.unitType(id), log: app.log });
  const cases = createCasesService({
    sign,
    attachments: attachmentRows,
    groupFlags,
    client: deps.client,
    taskQueue: deps.taskQueue,
    repository,
    reference,
    ...(repeats && { repeats }),
    ...(deps.updateRetryMs !== undefined && { updateRetryMs: deps.updateRetryMs }),
    legacyKeys: deps.legacyIdempotencyLookup ?? false,
  });
  // Repeat links sent after their intake's answer reach their masters before the API's client goes away.
  if (repeats) app.addHook('onClose', async () => repeats.drain());

  await app.register(healthRoutes({ pingDatabase: repository.ping, client: deps.client }));
  await app.register(referenceRoutes(reference));
  await app.register(dispatchRulesRoutes(createDispatchRulesService({ repository: createDispatchRulesRepository(deps.db), reference })));
  await app.register(calendarsRoutes(createCalendarsService({ db: deps.db, reference })));
  await app.register(policiesRoutes(createPoliciesService({ db: deps.db, reference })));
  const publicService = createPublicService({ cases, repository, db: deps.db, reference });
  await app.register(casesRoutes(cases, publicService));
  await app.register(repeatsRoutes(createRepeatsService({ repository: repeatsRepository, casesRepository: repository, cases, reference, groupFlags })));
  await app.register(publicRoutes(publicService));
  await app.register(open311Routes(createOpen311Service({ cases, reference, repository: createOpen311Repository(deps.db), attachments: attachmentRows })), { prefix: OPEN311_PREFIX });
  await app.register(apiKeysRoutes(apiKeys, reference, deps.apiKeyCache?.cacheMs ?? 30_000));
  await app.register(notificationsRoutes(createNotificationsRepository(deps.db), reference));
  await app.register(assessmentPoliciesRoutes(createAssessmentPoliciesService({ db: deps.db })));
  await app.register(assessmentRoutes(createAssessmentService({ db: deps.db, repository: createAssessmentRepository(deps.db), reference })));
  await app.register(analysisPoliciesRoutes(createAnalysisPoliciesService({ db: deps.db })));
  await app.register(analysisRoutes(createAnalysisService({ db: deps.db, repository: analysisRepository, reference })));
  await app.register(reportsRoutes(createReportsService({ db: deps.db, store: createReportStore(deps.db), reference, client: deps.client, taskQueue: deps.taskQueue })));
  // The codec the API's own client uses: what the worker and the API encrypted, the UI can read (admins only).
  const [codec] = deps.client.options.loadedDataConverter.payloadCodecs;
  await app.register(codecRoutes({ codec: codec ?? { encode: async (p) => p, decode: async (p) => p } }));
  await app.register(codecSessionRoutes());
  const temporary = deps.attachments ? null : await temporaryAttachments();
  const attachmentOptions = deps.attachments ?? temporary!.options;
  app.addHook('onClose', async () => {
    await attachmentOptions.store.close();
    await temporary?.remove();
  });
  const attachments = createAttachmentsService({ repository: attachmentRows, cases, reference, options: attachmentOptions, log: app.log });
  await app.register(attachmentsRoutes(attachments, attachmentOptions));
  const feed = deps.live?.feed ?? createCaseFeed({ db: deps.db, log: app.log });
  if (!deps.live?.feed) app.addHook('onClose', async () => feed.close());
  await app.register(liveRoutes({ feed, reference, ...(deps.live?.options && { options: deps.live.options }) }));
  await app.register(consoleRoutes(deps.console ?? { devSignIn: false, temporalUi: null }, { reference, authKeys: deps.authKeys, ...(oidc && { oidc }) }));
  return app;
}

/** The attachments of an app built without ATTACHMENT_* options: a local store in a temporary folder, removed on close. */
async function temporaryAttachments(): Promise<{ options: AttachmentOptions; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-attachments-'));
  return {
    options: {
      store: createLocalStore(dir),
      types: DEFAULT_ATTACHMENT_TYPES,
      ...ATTACHMENT_DEFAULTS,
      linkKey: randomBytes(32),
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
