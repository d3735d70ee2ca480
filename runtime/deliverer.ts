/**
 * The notification deliverer as its own process (NOTIFY_DELIVERY=separate on the workers): claims due notices from
 * the outbox, sends them through NOTIFY_CHANNEL and records each attempt (notifications/deliverer.ts). Any number may
 * run against one database; they never take the same notice (FOR UPDATE SKIP LOCKED with a lease).
 */
import { createConfiguredDeliverer, DELIVERER_POOL_SIZE } from './case-worker.js';
import { caseCodeSecretOf, loadConfig } from '../platform/config.js';
import { onShutdown, prepareDatabase, say } from './bootstrap.js';

const cfg = loadConfig();
if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL is required for the deliverer entry point (npm start delivers in its own process)');
const database = await prepareDatabase(cfg.DATABASE_URL, { migrate: cfg.RUN_MIGRATIONS, seed: false, log: say, poolSize: DELIVERER_POOL_SIZE });
// The acceptance notice carries the complainant's verification code: the API's CASE_CODE_SECRET.
const deliverer = createConfiguredDeliverer(cfg, { db: database.db, caseCodeSecret: await caseCodeSecretOf(cfg, say) });
deliverer.start();
say(`deliverer sending notices through the ${cfg.NOTIFY_CHANNEL} channel`);
onShutdown([
  ['notification deliverer (finishing sends)', () => deliverer.stop()],
  ['database pool', () => database.close()],
]);
