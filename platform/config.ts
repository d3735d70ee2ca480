/**
 * Configuration, parsed once at start-up with zod; nothing else in the code base reads process.env.
 * Bad values stop the process with a message naming the variable.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseActionKeys, type ActionKey } from './action-assertion.js';
import { DEFAULT_MAX_TOKEN_LIFETIME, parseJwtKeys, parseSecret, resolveAuthKeys, type JwtKey } from './auth-keys.js';
import { formatDuration, parseDuration } from './duration.js';
import { parseRoleMap } from './oidc-roles.js';
import { parsePayloadKeys, type PayloadKey } from './payload-codec.js';
import { SHARED_TOPOLOGY as T } from './shared-topology.js';
import { MEDIA_TYPES, type MediaType } from '../domain/media-type.js';

/** ATTACHMENT_TYPES unless configured: photos and videos as phones take them; PDF only when asked for. */
export const DEFAULT_ATTACHMENT_TYPES: readonly MediaType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'video/mp4', 'video/quicktime'];
/** The attachment limits when ATTACHMENT_* say nothing (also what an app built without attachment options uses). */
export const ATTACHMENT_DEFAULTS = { maxBytes: 20 * 1024 * 1024, maxVideoBytes: 200 * 1024 * 1024, maxFilesPerCase: 20, linkTtlSeconds: 300 } as const;

/** RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE unless configured. */
export const DEFAULT_UNAUTHENTICATED_PER_MINUTE = 60;

/** CASE_CODE_WINDOW and the CASE_CODE_FAILURES_* budgets. */
export interface CaseCodeLimits {
  windowMs: number;
  /** Wrong codes per address across all cases. */
  perAddress: number;
  /** Wrong codes per address on one case. */
  perAddressAndCase: number;
  /** Wrong codes on one case from all addresses, after which each address has one try left on it. */
  perCase: number;
}

/** CASE_CODE_WINDOW (15m) and the CASE_CODE_FAILURES_* budgets unless configured. */
export const DEFAULT_CASE_CODE_LIMITS: CaseCodeLimits = { windowMs: 15 * 60_000, perAddress: 20, perAddressAndCase: 5, perCase: 10 };
const CODES = DEFAULT_CASE_CODE_LIMITS;


const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);

/** A duration (`90s`, `30m`, `12h`, `7d`) in seconds, within limits. */
function duration(fallback: string, limits: { min?: number; max?: number } = {}) {
  return z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parseDuration(v, limits);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    });
}
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** An address a listener binds to: an IP literal and a port (`127.0.0.1:9464`, `0.0.0.0:9464`, `[::1]:9464`). */
export interface BindAddress {
  host: string;
  port: number;
  /** As given, e.g. for the Temporal SDK's Prometheus exporter (which takes no host names). */
  text: string;
}

/** Parses `ip:port` (IPv6 in brackets); host names are refused (the SDK's exporter binds only to an address). */
export function parseBindAddress(text: string): BindAddress {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(text.trim());
  const host = m ? (m[1] ?? m[2])! : '';
  const port = m ? Number(m[3]) : 0;
  if (!m || isIP(host) === 0 || port < 1 || port > 65535) throw new Error('an IP address and a port, e.g. 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464');
  return { host, port, text: text.trim() };
}
const bindAddress = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parseBindAddress(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    });

/**
 * OTEL_EXPORTER_OTLP_HEADERS as OpenTelemetry writes it: `key=value,key2=value2`, values percent-encoded. Errors
 * never quote a value (they are usually credentials).
 */
export function parseHeaderList(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const key = at > 0 ? entry.slice(0, at).trim() : '';
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) throw new Error('entries must be key=value with an HTTP header name as the key');
    let value: string;
    try {
      value = decodeURIComponent(entry.slice(at + 1).trim());
    } catch {
      throw new Error(`the value of "${key}" is not percent-encoded properly`);
    }
    headers[key.toLowerCase()] = value;
  }
  return headers;
}
/** A comma-separated list of ids (unit ids, unit types, roles): at least one. */
const idList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'ids of letters, digits, . _ -')).min(1));

/**
 * A schedule as Temporal takes it in `cronExpressions`: 5 to 7 cron fields (minute hour day-of-month month
 * day-of-week [year], or second first), a shorthand (`@daily`, `@hourly` …) or an interval (`@every 6h`, with an
 * optional `/phase`). The time zone is given apart (no `CRON_TZ=` prefix).
 */
const CRON_FIELD = /^[0-9A-Za-z*?/,-]+$/;
export function isScheduleExpression(text: string): boolean {
  const t = text.trim();
  if (/^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/.test(t)) return true;
  if (/^@every \d+[smhd](\/\d+[smhd])?$/.test(t)) return true;
  const fields = t.split(/\s+/);
  return fields.length >= 5 && fields.length <= 7 && fields.every((f) => CRON_FIELD.test(f));
}

/** Whether the runtime knows an IANA time zone name (Temporal's server loads the same tz database). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An optional variable parsed by `parse`, whose error message becomes the zod issue (never echoing the value). */
function parsed<T>(parse: (text: string) => T) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T | undefined => {
      if (v === undefined || v.trim() === '') return undefined;
      try {
        return parse(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    });
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL for the record. Unset: `npm start` runs an embedded PostgreSQL under the data folder. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** A running Temporal server (host:port). Unset: `npm start` starts the Temporal CLI dev server. */
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port').optional(),
  /**
   * Mutual TLS to TEMPORAL_ADDRESS (runtime/temporal-tls.ts): the CA that signed the frontend's certificate, and this
   * process's client certificate and key (PEM files). All three or none. `npm run start:production` makes its own.
   */
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  /** The name the frontend's certificate must carry, when it is not the host of TEMPORAL_ADDRESS. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default(T.namespace),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(T.taskQueue),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(T.apiPort),
  /** Where `npm start` keeps the embedded database and the dev server's SQLite file. */
  HOTLINE_DATA_DIR: z.string().min(1).default('.data'),
  /** Where the Temporal CLI is built once and reused. */
  HOTLINE_TOOLS_DIR: z.string().min(1).default('.tools'),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  EMBEDDED_PG_PORT: port.default(54329),
  /** Production topology (`npm run start:production`): the Temporal frontend's gRPC port; the other services
   * follow Temporal's layout around it (history +1, matching +2, worker +6, HTTP +10, membership -300…). */
  TEMPORAL_FRONTEND_PORT: port.default(T.frontendPort),
  /** Production topology: the Web UI server. The defaults shared with docker-compose.yml come from platform/shared-topology.ts. */
  TEMPORAL_UI_SERVER_PORT: port.default(T.uiPort),
  /** Production topology: history shards, fixed when the Temporal database is first set up. */
  TEMPORAL_HISTORY_SHARDS: z.coerce.number().int().min(1).max(16384).default(T.numHistoryShards),
  /** Production topology: the role Temporal connects to PostgreSQL as (created if missing), and its databases. */
  TEMPORAL_DB_USER: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case PostgreSQL role name').default(T.dbUser),
  TEMPORAL_DB_PASSWORD: z.string().min(1).default(T.dbPassword),
  TEMPORAL_DB_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/).default(T.databases.temporal),
  TEMPORAL_VISIBILITY_DB_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/).default(T.databases.visibility),
  /** Production topology: how long closed workflows stay (namespace retention, set when it is created). */
  TEMPORAL_RETENTION: z.string().regex(/^\d+[hm]$/, 'hours or minutes, e.g. 72h').default(T.retention),
  /** A pre-built workflow bundle (npm run build); unset, the worker bundles workflows/ at start. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /**
   * The worker's memory budget for cached workflows (MiB) and what one cached case costs (KiB, measured by
   * `npm run bench`'s memory phase): the sticky cache holds budget ÷ cost cases. Idle cases beyond it are evicted
   * and replayed when their next timer or action comes, so memory stays flat as open cases grow.
   */
  WORKER_CACHE_BUDGET_MIB: z.coerce.number().int().min(8).max(65_536).default(128),
  WORKER_CACHED_CASE_KIB: z.coerce.number().int().min(16).max(65_536).default(320),
  RUN_MIGRATIONS: bool.default(true),
  /**
   * While clients may retry Idempotency-Keys they sent before keys were scoped to their caller (an upgrade from a
   * version before that): look those cases up, one database read more on every keyed open. Off by default.
   */
  IDEMPOTENCY_LEGACY_LOOKUP: bool.default(false),
  /** Seed the demo city when the database is empty. */
  SEED_DEMO_DATA: bool.default(true),
  /** Body size limit of the API in bytes. */
  API_BODY_LIMIT: z.coerce.number().int().positive().default(256 * 1024),
  /**
   * Workflow payload encryption keys, `id:base64key,id:base64key` (32-byte keys; the first encrypts, the others
   * only decrypt). Required in production; unset elsewhere, a development key is kept in the data folder.
   */
  PAYLOAD_KEYS: parsed<PayloadKey[]>(parsePayloadKeys),
  /**
   * Keys of the API's proof that it sent an action (platform/action-assertion.ts), `id:base64key,…` (≥ 32 bytes each;
   * the first signs, every listed one verifies). The API and the worker need the same list; to rotate, give the
   * worker the new key (second) first, then put it first on both. Required in production; unset elsewhere, a
   * development key is kept in the data folder.
   */
  ACTION_ASSERTION_KEYS: parsed<ActionKey[]>(parseActionKeys),
  /**
   * Keys that verify bearer tokens, by key id: `kid:base64secret` (HS256) or `kid:@/path/public.pem` (RS256/ES256
   * of an identity provider). The first signs (dev tokens, tests); list the next key first to rotate, keep the old
   * one until its tokens have expired. Required in production; unset elsewhere, kept in the data folder.
   */
  AUTH_JWT_KEYS: parsed<JwtKey[]>(parseJwtKeys),
  /**
   * Token issuers (`iss`) accepted, comma-separated; the first is the one dev tokens carry. Required in production;
   * elsewhere `hotline`, the issuer `npm run auth` signs as.
   */
  AUTH_JWT_ISSUERS: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean))),
  /** The audience (`aud`) a token must name. Required in production; elsewhere `hotline-api`. */
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  /**
   * The longest a token may live: exp − iat (exp − now without iat, or when iat is in the future) above it is
   * refused, as are tokens without exp, iss or aud. `npm run auth` mints within it. Seconds, from `12h`-style text.
   */
  AUTH_JWT_MAX_LIFETIME: duration(DEFAULT_MAX_TOKEN_LIFETIME, { max: 30 * 86_400 }),
  /**
   * The secret complainants' verification codes are derived from (base64, ≥ 32 bytes): the API checks codes with it,
   * the worker's deliverer puts the code into the acceptance notice. The same value for both; required in
   * production. Unset elsewhere, both read it from the development file in the data folder (caseCodeSecretOf).
   */
  CASE_CODE_SECRET: parsed<Buffer>(parseSecret),
  /** Requests per minute per credential (API keys can carry their own limit). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /**
   * Requests per minute per client address (IPv6: per /64) whose credential fails or is missing, counted before
   * authentication: past it every request from the address answers 429 before its credential is looked at (a
   * bearer token, checked without I/O, still gets through).
   */
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: count(DEFAULT_UNAUTHENTICATED_PER_MINUTE),
  /**
   * Reverse proxies whose X-Forwarded-For names the client (comma-separated addresses or CIDRs, or a hop count).
   * Unset: the connection's address is the client, which is right when nothing stands in front of the API.
   */
  API_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): string[] | number | undefined => {
      if (v === undefined || v.trim() === '') return undefined;
      if (/^\d+$/.test(v.trim())) return Number(v.trim());
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((a) => !isAddressOrCidr(a));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `not an address or CIDR: ${bad.join(', ')}` });
      return list;
    }),
  /** How long the API keeps an API key look-up (hits and misses): a revoked key stops within this time. */
  API_KEY_CACHE_TTL: duration('30s', { max: 300 }),
  /** API keys (and, apart, unknown key ids) kept in that cache, least recently used leaving first. */
  API_KEY_CACHE_ENTRIES: count(10_000),
  /**
   * Guessing complainants' verification codes: wrong codes are counted per client address, per address and case,
   * and per case, each in windows of CASE_CODE_WINDOW. An address past its budget waits (429 with Retry-After)
   * before its next code is checked; a case past CASE_CODE_FAILURES_PER_CASE gives each address one more try only,
   * so an address that has not guessed wrong — the complainant's — always gets its code checked.
   */
  CASE_CODE_WINDOW: duration(formatDuration(CODES.windowMs / 1000), { max: 86_400 }),
  CASE_CODE_FAILURES_PER_ADDRESS: count(CODES.perAddress),
  CASE_CODE_FAILURES_PER_ADDRESS_AND_CASE: count(CODES.perAddressAndCase),
  CASE_CODE_FAILURES_PER_CASE: count(CODES.perCase),
  /**
   * How long the API keeps trying an action (an Update) that Temporal dropped or did not answer — several actions
   * racing on one case — before it answers 503 with Retry-After, in milliseconds. 0: answer 503 at once.
   */
  UPDATE_RETRY_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * Browser origins allowed to call the API (comma-separated): the Temporal Web UI for the codec endpoint.
   * Default: the dev server's Web UI and the production topology's UI server on this machine.
   */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, ''))).optional()),
  /**
   * The Temporal Web UI the console's case page links to (a case's workflow). Default: the dev server's UI of
   * `npm start` on this machine (http://127.0.0.1:TEMPORAL_UI_PORT).
   */
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, '')).optional(),
  /**
   * Sign-in with an OpenID Connect provider (the console; api/oidc.ts): its issuer URL (discovery at
   * <issuer>/.well-known/openid-configuration) and this client's id — both, or neither; the secret of a confidential
   * client; the scopes asked for; the `aud` its access tokens carry for this API (ID tokens name the client id); a
   * resource indicator if the provider wants one; where the roles and the unit are in the token's claims (dotted
   * paths); provider role names → hotline's (`hl-dispatcher=dispatcher,…`).
   */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, '')).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile'),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_RESOURCE: z.url().optional(),
  OIDC_ROLES_CLAIM: z.string().regex(/^[\w-]+(\.[\w-]+)*$/, 'a claim name or a dotted path').default('roles'),
  OIDC_UNIT_CLAIM: z.string().regex(/^[\w-]+(\.[\w-]+)*$/, 'a claim name or a dotted path').default('unit'),
  OIDC_ROLE_MAP: parsed(parseRoleMap),
  /** Where the worker delivers notices (notifications/): `log` (one masked log line each) or `webhook`. */
  NOTIFY_CHANNEL: z.enum(['log', 'webhook']).default('log'),
  /** The webhook receiver (required with NOTIFY_CHANNEL=webhook; https when NODE_ENV=production). */
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The HMAC-SHA256 key webhook requests are signed with (required with NOTIFY_CHANNEL=webhook). */
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /**
   * Which process delivers the outbox: `worker` (runtime/worker.ts delivers beside the case workflows, the default)
   * or `separate` (the worker does not; `npm run start:deliverer`, runtime/deliverer.ts, runs as its own process, as
   * many as wanted: they never take the same notice). Separate, a herd of warnings and its notices do not share the
   * worker's event loop and cores with each other. `npm start` (one process) always delivers.
   */
  NOTIFY_DELIVERY: z.enum(['worker', 'separate']).default('worker'),
  /** Pause between delivery passes when nothing more is due, in milliseconds. */
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  /** Notices claimed per delivery pass. */
  NOTIFY_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Attempts before a notice is given up (failed_at). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /**
   * The assessment's reconciliation Schedule (runtime/assessment-schedule.ts), created or brought up to date by the
   * worker at boot: on or off (off pauses it; it stays visible in the Web UI), when it runs (a cron expression or
   * `@every …`), and in which time zone (default: the city calendar's, Asia/Shanghai for the demo city).
   */
  ASSESSMENT_RECONCILE: bool.default(true),
  /**
   * Whether the projection keeps the assessment's counters (db/assessment.counters.ts) as it writes each batch. Off
   * only to measure what they cost (npm run bench) or for a bulk load; turned back on, `npm run assessment:rebuild`
   * brings the counters up to date (the nightly reconciliation reports the drift until then).
   */
  ASSESSMENT_COUNTERS: bool.default(true),
  ASSESSMENT_RECONCILE_CRON: z
    .string()
    .default('0 2 * * *')
    .refine(isScheduleExpression, 'a cron expression (minute hour day month weekday), a shorthand such as @daily, or @every 6h'),
  ASSESSMENT_RECONCILE_TIMEZONE: z.string().min(1).refine(isTimeZone, 'an IANA time zone name, e.g. Asia/Shanghai').optional(),
  /**
   * The report Schedules (runtime/report-schedules.ts: daily notice, weekly summary, monthly report), created or brought
   * up to date by the worker at boot: on or off (off pauses them; they stay visible in the Web UI); when each runs (a
   * cron expression or `@every …`; unset: the analysis policy's times); the time zone (default the city calendar's);
   * the scopes each run reports on (`city`, unit types such as `district`, or unit ids); who is told a report is ready
   * (roles of the report's scope unit — principal_leader, deputy_leader, handler — or unit ids, whose desk hears of the
   * city's reports); and the base of the links in the files (the API as their readers reach it).
   */
  REPORTS: bool.default(true),
  REPORT_DAILY_CRON: z.string().refine(isScheduleExpression, 'a cron expression, a shorthand such as @daily, or @every 1h').optional(),
  REPORT_WEEKLY_CRON: z.string().refine(isScheduleExpression, 'a cron expression, a shorthand such as @weekly, or @every 7d').optional(),
  REPORT_MONTHLY_CRON: z.string().refine(isScheduleExpression, 'a cron expression, a shorthand such as @monthly').optional(),
  REPORT_TIMEZONE: z.string().min(1).refine(isTimeZone, 'an IANA time zone name, e.g. Asia/Shanghai').optional(),
  REPORT_SCOPES: idList('city,district'),
  REPORT_RECIPIENTS: idList('principal_leader'),
  REPORT_LINK_BASE: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, '')).optional(),
  /** The analysis watch Schedule (group complaints and surges flagged and announced once each): on or off, and how often. */
  ANALYSIS_WATCH: bool.default(true),
  ANALYSIS_WATCH_CRON: z.string().default('*/15 * * * *').refine(isScheduleExpression, 'a cron expression, a shorthand such as @hourly, or @every 15m'),
  /**
   * Photos and videos of cases (api/attachments.service.ts, platform/attachment-store.ts): where their bytes go
   * (`local`: files under ATTACHMENT_DIR, default `<HOTLINE_DATA_DIR>/attachments`; `s3`: an S3-compatible bucket),
   * the types taken (sniffed from the content), the size limits (images and documents; videos), the files one case
   * may hold, and how long a download link lives. Links of the local driver are signed with ATTACHMENT_LINK_SECRET
   * (base64, ≥ 32 bytes), by default a key derived from CASE_CODE_SECRET (the same on every API instance).
   */
  ATTACHMENT_DRIVER: z.enum(['local', 's3']).default('local'),
  ATTACHMENT_DIR: z.string().min(1).optional(),
  ATTACHMENT_TYPES: z
    .string()
    .default(DEFAULT_ATTACHMENT_TYPES.join(','))
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.enum(MEDIA_TYPES, { error: `a media type this server can check: ${MEDIA_TYPES.join(', ')}` })).min(1)),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(ATTACHMENT_DEFAULTS.maxBytes),
  ATTACHMENT_MAX_VIDEO_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 ** 3).default(ATTACHMENT_DEFAULTS.maxVideoBytes),
  ATTACHMENT_MAX_FILES_PER_CASE: z.coerce.number().int().min(1).max(1000).default(ATTACHMENT_DEFAULTS.maxFilesPerCase),
  ATTACHMENT_LINK_TTL: duration(`${ATTACHMENT_DEFAULTS.linkTtlSeconds}s`, { min: 10, max: 3600 }),
  ATTACHMENT_LINK_SECRET: parsed<Buffer>(parseSecret),
  /** The bucket (required with ATTACHMENT_DRIVER=s3), its region, endpoint (unset: AWS), the endpoint browsers reach if it differs, path-style addressing (MinIO), a key prefix. */
  ATTACHMENT_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
  ATTACHMENT_S3_REGION: z.string().min(1).default('us-east-1'),
  ATTACHMENT_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  ATTACHMENT_S3_PUBLIC_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  ATTACHMENT_S3_FORCE_PATH_STYLE: bool.default(false),
  ATTACHMENT_S3_PREFIX: z.string().regex(/^([A-Za-z0-9_-]+\/)*$/, 'empty, or folder names each followed by /').default(''),
  /** Both or neither; neither: the SDK's own credential chain (AWS_* variables, a role, an instance profile). */
  ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /**
   * Prometheus metrics (ops/prometheus/): the API serves its own (requests and latency by route and status, the
   * record's gauges) at http://METRICS_API_BIND/metrics, the worker the Temporal SDK's (workflow and activity tasks,
   * schedule-to-start, sticky cache, failures) and its own at http://METRICS_WORKER_BIND/metrics. Never on the API's
   * public port. `npm start` runs both in one process: give them different ports. Off: neither listens.
   */
  METRICS: bool.default(true),
  METRICS_API_BIND: bindAddress('127.0.0.1:9464'),
  METRICS_WORKER_BIND: bindAddress('127.0.0.1:9465'),
  /** How long the API keeps the record's gauges (open and overdue cases, notices, drift) between scrapes, in seconds. */
  METRICS_GAUGE_TTL: duration('15s', { min: 1, max: 600 }),
  /**
   * Tracing (platform/tracing.ts): spans of each request, its workflow and activities, exported over OTLP/HTTP (JSON)
   * to `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`, or to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given. Neither set:
   * no tracing. Headers for the collector (`key=value,…`), the service name (default hotline-api, hotline-worker, or
   * hotline for `npm start`'s one process), and the share of new traces kept (a request that arrives with a sampled
   * `traceparent` is always kept).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, '')).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_HEADERS: parsed(parseHeaderList),
  OTEL_SERVICE_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ -').optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
}).superRefine((cfg, ctx) => {
  if (cfg.ATTACHMENT_DRIVER === 's3' && !cfg.ATTACHMENT_S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['ATTACHMENT_S3_BUCKET'], message: 'required when ATTACHMENT_DRIVER=s3' });
  if (!cfg.ATTACHMENT_S3_ACCESS_KEY_ID !== !cfg.ATTACHMENT_S3_SECRET_ACCESS_KEY) {
    const missing = cfg.ATTACHMENT_S3_ACCESS_KEY_ID ? 'ATTACHMENT_S3_SECRET_ACCESS_KEY' : 'ATTACHMENT_S3_ACCESS_KEY_ID';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'give both the access key id and its secret, or neither (the SDK then finds credentials itself)' });
  }
  const tls = (['TEMPORAL_TLS_CA', 'TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'] as const).filter((k) => cfg[k]);
  if (tls.length > 0 && tls.length < 3) {
    for (const k of (['TEMPORAL_TLS_CA', 'TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'] as const).filter((x) => !cfg[x])) {
      ctx.addIssue({ code: 'custom', path: [k], message: `required with ${tls.join(' and ')}: mutual TLS needs the CA, a client certificate and its key` });
    }
  }
  if (cfg.NOTIFY_CHANNEL === 'webhook') {
    if (!cfg.NOTIFY_WEBHOOK_URL) ctx.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_URL'], message: 'required when NOTIFY_CHANNEL=webhook' });
    if (!cfg.NOTIFY_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_SECRET'], message: 'required when NOTIFY_CHANNEL=webhook (requests are signed with it)' });
    // The acceptance notice (受理告知) carries the complainant's phone to the receiver.
    if (cfg.NODE_ENV === 'production' && cfg.NOTIFY_WEBHOOK_URL?.startsWith('http:')) {
      ctx.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_URL'], message: 'must be https when NODE_ENV=production (notices carry complainant contacts)' });
    }
  }
  if (cfg.OIDC_ISSUER && !cfg.OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'required with OIDC_ISSUER' });
  if (cfg.OIDC_CLIENT_ID && !cfg.OIDC_ISSUER) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'required with OIDC_CLIENT_ID' });
  if (cfg.NODE_ENV === 'production' && cfg.OIDC_ISSUER?.startsWith('http:')) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be https when NODE_ENV=production (its keys decide who signs in)' });
  }
  const managed: Array<[keyof typeof cfg, string]> = [
    ['PAYLOAD_KEYS', 'workflow payloads must be encrypted with managed keys'],
    ['ACTION_ASSERTION_KEYS', 'the workflow takes only actions the API signed, with a managed key'],
    ['AUTH_JWT_KEYS', 'tokens must be verified with managed keys'],
    ['CASE_CODE_SECRET', 'verification codes must come from a managed secret'],
    ['AUTH_JWT_ISSUERS', 'tokens are accepted only from the issuers named'],
    ['AUTH_JWT_AUDIENCE', 'tokens are accepted only when issued for this API'],
  ];
  for (const [name, why] of managed) {
    if (cfg.NODE_ENV === 'production' && !cfg[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when NODE_ENV=production (${why})` });
  }
});

function isAddressOrCidr(text: string): boolean {
  const [address, bits, ...rest] = text.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** The CORS origins in force: configured, or the local Web UIs (dev server and production topology's UI server). */
export function corsOrigins(cfg: Config): string[] {
  return cfg.CORS_ORIGINS ?? [`http://localhost:${cfg.TEMPORAL_UI_PORT}`, `http://127.0.0.1:${cfg.TEMPORAL_UI_PORT}`, `http://localhost:${cfg.TEMPORAL_UI_SERVER_PORT}`, `http://127.0.0.1:${cfg.TEMPORAL_UI_SERVER_PORT}`];
}

export type Config = z.infer<typeof envSchema>;

/**
 * CASE_CODE_SECRET for the worker's deliverer, as the API resolves it (platform/auth-keys.ts): the configured one
 * (required in production, see the refinement above), or outside production the one in the development file the
 * API generates and reads, so codes in notices match what the API checks.
 */
export async function caseCodeSecretOf(
  cfg: Pick<Config, 'CASE_CODE_SECRET' | 'AUTH_JWT_KEYS' | 'AUTH_JWT_ISSUERS' | 'AUTH_JWT_AUDIENCE' | 'HOTLINE_DATA_DIR'>,
  log?: (line: string) => void,
): Promise<Buffer> {
  return cfg.CASE_CODE_SECRET ?? (await resolveAuthKeys(cfg, log)).caseCodeSecret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
