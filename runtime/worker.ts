/** Worker entry point (production): runs case workflows and activities on TEMPORAL_TASK_QUEUE, and delivers notices. */
import { createConfiguredCaseWorker, createConfiguredDeliverer } from './case-worker.js';
import { caseCodeSecretOf, loadConfig } from './config.js';
import { encryptedDataConverter, resolvePayloadKeys } from './payload-codec.js';
import { connectWorker, installTemporalRuntime, onShutdown, prepareDatabase, say } from './bootstrap.js';

const cfg = loadConfig();
if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL is required for the worker entry point (npm start runs an embedded database)');
installTemporalRuntime(cfg.LOG_LEVEL);
const dataConverter = encryptedDataConverter(await resolvePayloadKeys(cfg, say));
const database = await prepareDatabase(cfg.DATABASE_URL, { migrate: cfg.RUN_MIGRATIONS, seed: false, log: say });
const connection = await connectWorker(cfg.TEMPORAL_ADDRESS ?? `127.0.0.1:${cfg.TEMPORAL_DEV_PORT}`);
const worker = await createConfiguredCaseWorker(cfg, { connection, db: database.db, dataConverter });
const running = worker.run();
// The acceptance notice carries the complainant's verification code: the API's CASE_CODE_SECRET.
const deliverer = createConfiguredDeliverer(cfg, { db: database.db, caseCodeSecret: await caseCodeSecretOf(cfg, say) });
deliverer.start();
say(`worker polling task queue ${cfg.TEMPORAL_TASK_QUEUE} on namespace ${cfg.TEMPORAL_NAMESPACE}; notices through the ${cfg.NOTIFY_CHANNEL} channel`);
onShutdown([
  ['worker (draining)', async () => (worker.shutdown(), await running)],
  ['notification deliverer (finishing sends)', () => deliverer.stop()],
  ['Temporal connection', () => connection.close()],
  ['database pool', () => database.close()],
]);
