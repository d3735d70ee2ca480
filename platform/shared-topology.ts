/**
 * What docker-compose.yml and the native production topology (`npm run start:production`, runtime/temporal-topology.ts)
 * share, held once, as data: the images pinned to the versions of platform/versions.ts, the config values (namespace,
 * task queue, ports, the Temporal databases, role, SQL plugin, history shards, dynamic config), the custom search
 * attributes (workflows/search-attributes.ts, reused, not copied) and the temporal-sql-tool schema steps.
 *
 * The native side reads these directly (platform/config.ts takes its defaults from here; temporal-topology.ts its plugin,
 * schema steps and dynamic config). docker-compose.yml stays hand-written for operators to read;
 * platform/shared-topology.test.ts parses it and fails on any fact that says something else than this module.
 */
import { CASE_SEARCH_ATTRIBUTES, CLI_TYPE_NAMES } from '../workflows/search-attributes.js';
import { TEMPORAL_SERVER_VERSION, TEMPORAL_UI_SERVER_VERSION } from './versions.js';

/** Temporal's PostgreSQL plugin (the server's `pluginName`, temporal-sql-tool's `--plugin`, compose's `DB`). */
export const TEMPORAL_SQL_PLUGIN = 'postgres12';

/**
 * The two schemas, embedded in temporal-sql-tool (no source tree needed at run time; the same folders are
 * `schema/postgresql/v12/{temporal,visibility}` of the server module and `/etc/temporal/schema/…` in admin-tools).
 */
export const TEMPORAL_SCHEMAS = {
  temporal: 'postgresql/v12/temporal',
  visibility: 'postgresql/v12/visibility',
} as const;

/** Config values both topologies use; the native ones are platform/config.ts's defaults (each may be overridden there). */
export const SHARED_TOPOLOGY = {
  namespace: 'default',
  /** Namespace retention, set when the namespace is created. */
  retention: '72h',
  taskQueue: 'hotline-cases',
  /** The Temporal frontend's gRPC port. */
  frontendPort: 7233,
  /** The Web UI server. */
  uiPort: 8080,
  /** The hotline API (and the origin the UI server lets call its HTTP API). */
  apiPort: 3000,
  /** The role Temporal connects to PostgreSQL as, and its development password (change both in a deployment). */
  dbUser: 'temporal',
  dbPassword: 'temporal',
  databases: { temporal: 'temporal', visibility: 'temporal_visibility' },
  /** Fixed once the `temporal` database is set up. */
  numHistoryShards: 4,
  /**
   * Dynamic config entries without constraints, both topologies. PostgreSQL visibility keeps workflow ids in
   * VARCHAR(255) columns, hence the ID length limit.
   */
  dynamicConfig: { 'limit.maxIDLength': 255 } as Readonly<Record<string, string | number | boolean>>,
} as const;

const tag = (goVersion: string) => goVersion.replace(/^v/, '');

/**
 * Tools bundled in the admin-tools image published with the pinned server (tags before Temporal 1.30 carry them).
 * Its CLI is 1.5.0; natively the project builds CLI v1.5.1, the first one `go install` accepts with server 1.29.1.
 */
export const ADMIN_TOOLS_BUNDLED = { tctl: '1.18.4', cli: '1.5.0' } as const;

/** The images docker-compose.yml runs, derived from the pins the native build uses. */
export const COMPOSE_IMAGES = {
  postgres: 'postgres:16',
  server: `temporalio/server:${tag(TEMPORAL_SERVER_VERSION)}`,
  adminTools: `temporalio/admin-tools:${tag(TEMPORAL_SERVER_VERSION)}-tctl-${ADMIN_TOOLS_BUNDLED.tctl}-cli-${ADMIN_TOOLS_BUNDLED.cli}`,
  ui: `temporalio/ui:${tag(TEMPORAL_UI_SERVER_VERSION)}`,
} as const;

/** One temporal-sql-tool call: the database it runs on (`--database`) and the command with its arguments. */
export interface SchemaStep {
  database: string;
  args: readonly string[];
}

/**
 * The schema steps, in order: for `temporal`, then `temporal_visibility`: create the database (a no-op when it
 * exists), set up the versioning tables (`-v 0.0` keeps a later version), apply the schema versions not yet applied.
 * Every step is idempotent. Compose's temporal-schema-setup job runs exactly these command lines.
 */
export function schemaSteps(databases: { temporal: string; visibility: string } = SHARED_TOPOLOGY.databases): SchemaStep[] {
  return (['temporal', 'visibility'] as const).flatMap((which) => [
    { database: databases[which], args: ['create-database'] },
    { database: databases[which], args: ['setup-schema', '-v', '0.0'] },
    { database: databases[which], args: ['update-schema', '--schema-name', TEMPORAL_SCHEMAS[which]] },
  ]);
}

/** The custom search attributes as `Name:Type` in the CLI's spelling, in workflows/search-attributes.ts's order. */
export function searchAttributeSpecs(): string[] {
  return CASE_SEARCH_ATTRIBUTES.map((k) => `${k.name}:${CLI_TYPE_NAMES[k.type]}`);
}
