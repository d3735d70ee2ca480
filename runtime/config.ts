/**
 * Configuration, parsed once at start-up with zod; nothing else in the code base reads process.env.
 * Bad values stop the process with a message naming the variable.
 */
import { z } from 'zod';
import { parseActionKeys, type ActionKey } from './action-assertion.js';
import { parseJwtKeys, parseSecret, resolveAuthKeys, type JwtKey } from './auth-keys.js';
import { parsePayloadKeys, type PayloadKey } from './payload-codec.js';
import { SHARED_TOPOLOGY as T } from './shared-topology.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);

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
  /** Production topology: the Web UI server. The defaults shared with docker-compose.yml come from runtime/shared-topology.ts. */
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
  RUN_MIGRATIONS: bool.default(true),
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
   * Keys of the API's proof that it sent an action (runtime/action-assertion.ts), `id:base64key,…` (≥ 32 bytes each;
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
  /** Token issuers (`iss`) accepted, comma-separated; the first is the one dev tokens carry. Default `hotline`. */
  AUTH_JWT_ISSUERS: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean))),
  /** The audience (`aud`) a token must name. Default `hotline-api`. */
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  /**
   * The secret complainants' verification codes are derived from (base64, ≥ 32 bytes): the API checks codes with it,
   * the worker's deliverer puts the code into the acceptance notice. The same value for both; required in
   * production. Unset elsewhere, both read it from the development file in the data folder (caseCodeSecretOf).
   */
  CASE_CODE_SECRET: parsed<Buffer>(parseSecret),
  /** Requests per minute per credential (API keys can carry their own limit). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
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
  /** Where the worker delivers notices (notifications/): `log` (one masked log line each) or `webhook`. */
  NOTIFY_CHANNEL: z.enum(['log', 'webhook']).default('log'),
  /** The webhook receiver (required with NOTIFY_CHANNEL=webhook; https when NODE_ENV=production). */
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The HMAC-SHA256 key webhook requests are signed with (required with NOTIFY_CHANNEL=webhook). */
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Pause between delivery passes when nothing more is due, in milliseconds. */
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  /** Notices claimed per delivery pass. */
  NOTIFY_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Attempts before a notice is given up (failed_at). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
}).superRefine((cfg, ctx) => {
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
  const managed: Array<[keyof typeof cfg, string]> = [
    ['PAYLOAD_KEYS', 'workflow payloads must be encrypted with managed keys'],
    ['ACTION_ASSERTION_KEYS', 'the workflow takes only actions the API signed, with a managed key'],
    ['AUTH_JWT_KEYS', 'tokens must be verified with managed keys'],
    ['CASE_CODE_SECRET', 'verification codes must come from a managed secret'],
  ];
  for (const [name, why] of managed) {
    if (cfg.NODE_ENV === 'production' && !cfg[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when NODE_ENV=production (${why})` });
  }
});

/** The CORS origins in force: configured, or the local Web UIs (dev server and production topology's UI server). */
export function corsOrigins(cfg: Config): string[] {
  return cfg.CORS_ORIGINS ?? [`http://localhost:${cfg.TEMPORAL_UI_PORT}`, `http://127.0.0.1:${cfg.TEMPORAL_UI_PORT}`, `http://localhost:${cfg.TEMPORAL_UI_SERVER_PORT}`, `http://127.0.0.1:${cfg.TEMPORAL_UI_SERVER_PORT}`];
}

export type Config = z.infer<typeof envSchema>;

/**
 * CASE_CODE_SECRET for the worker's deliverer, as the API resolves it (runtime/auth-keys.ts): the configured one
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
