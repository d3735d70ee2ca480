/**
 * The bench's own stack: a database on the local PostgreSQL, a headless in-memory Temporal dev server (unless
 * TEMPORAL_ADDRESS is given), and the product's worker and API as child processes (`node --import tsx
 * runtime/worker.ts` / `runtime/api.ts`, so each pid is the node process whose RSS is read). Everything it starts
 * is registered with a cleanup list that runs on exit, error or Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Client } from '@temporalio/client';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedReferenceData } from '../db/seed.js';
import { DEV_PRINCIPALS, type DevPrincipal } from '../runtime/auth-cli.js';
import { mintToken, type AuthKeys } from '../runtime/auth-keys.js';
import { progress, type Cleanup } from './processes.js';

export function withDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh database named hotline_bench_<timestamp>_<random>; dropped by the returned function. */
export async function createBenchDatabase(adminUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `hotline_bench_${stamp}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  return { name, url: withDatabase(adminUrl, name), drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`) };
}

/** A person of the demo city (runtime/auth-cli.ts DEV_PRINCIPALS), by their key in dev-tokens.json. */
export function person(key: string): DevPrincipal {
  const found = DEV_PRINCIPALS.find((p) => p.key === key);
  if (!found) throw new Error(`no development principal "${key}"`);
  return found;
}

/** `Authorization: Bearer …` for that person, signed with the run's key (valid longer than any run). */
export function bearerFor(keys: AuthKeys, key: string): Record<string, string> {
  const p = person(key);
  return { authorization: `Bearer ${mintToken(keys.jwtKeys, { sub: p.sub, roles: [p.role], unit: p.unit, name: p.name }, 12 * 3600)}` };
}

/**
 * The run's own database on BENCH_DATABASE_URL's server (default the local PostgreSQL), migrated and seeded with
 * the demo city; dropped at the end unless kept.
 */
export async function prepareBenchDatabase(cleanup: Cleanup, keep: boolean): Promise<{ dbUrl: string; database: DatabaseHandle }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  progress(`creating, migrating and seeding the bench database on ${adminUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}…`);
  const db = await createBenchDatabase(adminUrl);
  cleanup.add(`database ${db.name}`, async () => {
    if (keep) progress(`kept database ${db.name} (${db.url})`);
    else await db.drop();
  });
  const database = createDatabase(db.url);
  cleanup.add('bench database pool', () => database.close());
  await runMigrations(database.db);
  await seedReferenceData(database.db);
  return { dbUrl: db.url, database };
}

/** What every bench run stands on: the Temporal server, its own database, the case workflow bundle, its logs. */
export interface BenchEnv {
  address: string;
  temporalVersion: string;
  dbUrl: string;
  database: DatabaseHandle;
  bundlePath: string;
  logDir: string;
  client: Client;
}
