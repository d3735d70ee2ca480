/**
 * Drift guard: docker-compose.yml is hand-written for operators, the native production topology is TypeScript;
 * both must say what platform/shared-topology.ts says. This parses docker-compose.yml and checks every shared fact
 * against that module, and checks that the native side (config defaults, rendered configs) takes them from there.
 * Pure: reads files, starts nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { CASE_SEARCH_ATTRIBUTES, CLI_TYPE_NAMES } from '../workflows/search-attributes.js';
import { loadConfig } from './config.js';
import { COMPOSE_IMAGES, SHARED_TOPOLOGY as T, TEMPORAL_SQL_PLUGIN, schemaSteps, searchAttributeSpecs } from './shared-topology.js';
import { renderDynamicConfig, renderServerConfig, standardPorts } from '../runtime/temporal-topology.js';
import { TEMPORAL_SERVER_VERSION, TEMPORAL_UI_SERVER_VERSION } from './versions.js';

const composeText = readFileSync(fileURLToPath(new URL('../docker-compose.yml', import.meta.url)), 'utf8');

interface Service {
  image?: string;
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  command?: string[] | string;
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
}
/** Compose files use YAML merge keys (`<<: *temporal-postgres-env`). */
const compose = parse(composeText, { merge: true }) as Compose;

function service(name: string): Service {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
}
function env(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([k, v]) => [k, String(v)]));
}
/** The shell script of a one-shot admin-tools job (`entrypoint: sh -c`, `command: [script]`). */
function script(name: string): string {
  const c = service(name).command;
  const text = Array.isArray(c) ? c.join('\n') : c;
  if (typeof text !== 'string') throw new Error(`${name} has no command`);
  return text;
}
/** Shell words of a simple command line (double quotes stripped; the lines checked here use no others). */
const words = (line: string) => line.trim().split(/\s+/).map((w) => w.replace(/^"(.*)"$/, '$1'));

const frontend = `temporal:${T.frontendPort}`;

describe('docker-compose.yml agrees with platform/shared-topology.ts', () => {
  it('parses as YAML without errors or warnings', () => {
    const doc = parseDocument(composeText, { merge: true });
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('runs the images pinned to the native versions', () => {
    expect(COMPOSE_IMAGES.server).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION.replace(/^v/, '')}`);
    expect(COMPOSE_IMAGES.ui).toBe(`temporalio/ui:${TEMPORAL_UI_SERVER_VERSION.replace(/^v/, '')}`);
    expect(COMPOSE_IMAGES.adminTools.startsWith(`temporalio/admin-tools:${TEMPORAL_SERVER_VERSION.replace(/^v/, '')}-`)).toBe(true);
    expect(service('postgresql').image).toBe(COMPOSE_IMAGES.postgres);
    expect(service('temporal-schema-setup').image).toBe(COMPOSE_IMAGES.adminTools);
    expect(service('temporal').image).toBe(COMPOSE_IMAGES.server);
    expect(service('temporal-create-namespace').image).toBe(COMPOSE_IMAGES.adminTools);
    expect(service('temporal-ui').image).toBe(COMPOSE_IMAGES.ui);
    // Every Temporal image the file names, the comments' list of pins included, is a pinned one.
    const named = new Set([...composeText.matchAll(/temporalio\/(?:server|admin-tools|ui):[^\s"']+/g)].map((m) => m[0]));
    expect([...named].sort()).toEqual([COMPOSE_IMAGES.adminTools, COMPOSE_IMAGES.server, COMPOSE_IMAGES.ui].sort());
  });

  it('connects Temporal to PostgreSQL with the shared plugin, role and password', () => {
    for (const name of ['temporal-schema-setup', 'temporal']) {
      const e = env(name);
      expect(e.DB, name).toBe(TEMPORAL_SQL_PLUGIN);
      expect(e.POSTGRES_USER, name).toBe(T.dbUser);
      expect(e.POSTGRES_PWD, name).toBe(T.dbPassword);
    }
    expect(env('temporal-schema-setup').SQL_PASSWORD).toBe(T.dbPassword);
    // The PostgreSQL superuser of the compose database is that role (the schema tool creates the databases).
    expect(env('postgresql')).toMatchObject({ POSTGRES_USER: T.dbUser, POSTGRES_PASSWORD: T.dbPassword });
  });

  it('runs the same schema steps, in the same order, on the same databases', () => {
    const text = script('temporal-schema-setup');
    const toolCalls = text.split('\n').filter((l) => /^\s*sql_tool\s/.test(l));
    const steps = toolCalls.map((line) => {
      const [, flag, database, ...args] = words(line);
      expect(flag, line).toBe('--database');
      return { database, args };
    });
    expect(steps).toEqual(schemaSteps(T.databases));
    // sql_tool is temporal-sql-tool with the plugin of the environment above, and nothing else calls the tool.
    expect(text).toMatch(/temporal-sql-tool --plugin "\$\$DB"/);
    expect(text.match(/temporal-sql-tool/g)).toHaveLength(1);
  });

  it('runs the server on the shared frontend port, history shards and dynamic config', () => {
    const temporal = service('temporal');
    expect(temporal.ports).toEqual([`127.0.0.1:${T.frontendPort}:${T.frontendPort}`]);
    expect(temporal.healthcheck?.test).toContain(String(T.frontendPort));
    expect(env('temporal').NUM_HISTORY_SHARDS).toBe(String(T.numHistoryShards));
    const dynamic = parse(compose.configs['temporal-dynamic-config']?.content ?? '') as Record<string, unknown>;
    expect(dynamic).toEqual(Object.fromEntries(Object.entries(T.dynamicConfig).map(([k, value]) => [k, [{ value, constraints: {} }]])));
  });

  it('creates the shared namespace with the shared retention and registers exactly CASE_SEARCH_ATTRIBUTES', () => {
    expect(env('temporal-create-namespace')).toMatchObject({ TEMPORAL_ADDRESS: frontend, DEFAULT_NAMESPACE: T.namespace, NAMESPACE_RETENTION: T.retention });
    const text = script('temporal-create-namespace');
    expect(text).toContain('operator namespace create --namespace "$$NAMESPACE" --retention "$$RETENTION"');
    const loop = /for spec in \\\n([\s\S]*?)\n\s*do\n/.exec(text);
    expect(loop, 'the `for spec in … do` list of search attributes').not.toBeNull();
    const specs = words(loop![1]!.replace(/\\\n/g, ' '));
    expect(specs).toEqual(CASE_SEARCH_ATTRIBUTES.map((k) => `${k.name}:${CLI_TYPE_NAMES[k.type]}`));
    expect(specs).toEqual(searchAttributeSpecs());
    // Registered one by one from that list, with the name and type taken apart.
    expect(text).toContain('operator search-attribute create --namespace "$$NAMESPACE"');
    expect(text.match(/search-attribute create/g)).toHaveLength(1);
  });

  it('points the UI at the frontend, on the shared UI port and namespace, open to the API origin', () => {
    expect(env('temporal-ui')).toMatchObject({ TEMPORAL_ADDRESS: frontend, TEMPORAL_DEFAULT_NAMESPACE: T.namespace, TEMPORAL_CORS_ORIGINS: `http://localhost:${T.apiPort}` });
    expect(service('temporal-ui').ports).toEqual([`127.0.0.1:${T.uiPort}:${T.uiPort}`]);
  });

  it('gives the API and the worker the shared namespace, task queue, frontend and API port', () => {
    for (const name of ['hotline-api', 'hotline-worker']) {
      expect(env(name), name).toMatchObject({ TEMPORAL_ADDRESS: frontend, TEMPORAL_NAMESPACE: T.namespace, TEMPORAL_TASK_QUEUE: T.taskQueue });
    }
    expect(env('hotline-api').API_PORT).toBe(String(T.apiPort));
    expect(service('hotline-api').ports).toEqual([`${T.apiPort}:${T.apiPort}`]);
    expect(service('hotline-api').healthcheck?.test.join(' ')).toContain(`127.0.0.1:${T.apiPort}/healthz`);
  });
});

describe('the native topology takes the same facts from platform/shared-topology.ts', () => {
  it('has them as its configuration defaults', () => {
    const cfg = loadConfig({});
    expect({
      namespace: cfg.TEMPORAL_NAMESPACE,
      retention: cfg.TEMPORAL_RETENTION,
      taskQueue: cfg.TEMPORAL_TASK_QUEUE,
      frontendPort: cfg.TEMPORAL_FRONTEND_PORT,
      uiPort: cfg.TEMPORAL_UI_SERVER_PORT,
      apiPort: cfg.API_PORT,
      dbUser: cfg.TEMPORAL_DB_USER,
      dbPassword: cfg.TEMPORAL_DB_PASSWORD,
      databases: { temporal: cfg.TEMPORAL_DB_NAME, visibility: cfg.TEMPORAL_VISIBILITY_DB_NAME },
      numHistoryShards: cfg.TEMPORAL_HISTORY_SHARDS,
    }).toEqual(Object.fromEntries(Object.entries(T).filter(([key]) => key !== 'dynamicConfig')));
  });

  it('renders the shared plugin, databases, shards and dynamic config into its server config', () => {
    const server = parse(
      renderServerConfig(
        {
          postgres: { host: '127.0.0.1', port: 5432 },
          user: T.dbUser,
          password: T.dbPassword,
          databases: T.databases,
          numHistoryShards: T.numHistoryShards,
          ports: standardPorts(T.frontendPort),
          bindHost: '127.0.0.1',
          logLevel: 'info',
          namespaceRefresh: '10s',
          maxConns: 20,
        },
        'dynamic.yaml',
      ),
    ) as { persistence: { numHistoryShards: number; datastores: Record<string, { sql: { pluginName: string; databaseName: string } }> }; services: { frontend: { rpc: { grpcPort: number } } } };
    expect(server.persistence.numHistoryShards).toBe(T.numHistoryShards);
    expect(Object.values(server.persistence.datastores).map((d) => [d.sql.pluginName, d.sql.databaseName])).toEqual([
      [TEMPORAL_SQL_PLUGIN, T.databases.temporal],
      [TEMPORAL_SQL_PLUGIN, T.databases.visibility],
    ]);
    expect(server.services.frontend.rpc.grpcPort).toBe(T.frontendPort);
    const dynamic = parse(renderDynamicConfig({ namespaceRefresh: '10s' })) as Record<string, Array<{ value: unknown }>>;
    for (const [key, value] of Object.entries(T.dynamicConfig)) expect(dynamic[key], key).toEqual([{ value, constraints: {} }]);
  });
});
