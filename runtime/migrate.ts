/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */
import { createDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { loadConfig } from '../platform/config.js';

const cfg = loadConfig();
if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL is required');
const handle = createDatabase(cfg.DATABASE_URL);
await runMigrations(handle.db);
await handle.close();
console.log('migrations applied');
