/** API entry point (production): serves HTTP against DATABASE_URL and TEMPORAL_ADDRESS. */
import { buildApp } from '../api/app.js';
import { loadConfig } from '../platform/config.js';
import { encryptedDataConverter, resolvePayloadKeys } from '../platform/payload-codec.js';
import { apiOptions, configuredTemporalTls, connectClient, onShutdown, prepareDatabase, say } from './bootstrap.js';

const cfg = loadConfig();
if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL is required for the API entry point (npm start runs an embedded database)');
const database = await prepareDatabase(cfg.DATABASE_URL, { migrate: cfg.RUN_MIGRATIONS, seed: cfg.SEED_DEMO_DATA, log: say });
const dataConverter = encryptedDataConverter(await resolvePayloadKeys(cfg, say));
const { client, connection } = await connectClient(cfg.TEMPORAL_ADDRESS ?? `127.0.0.1:${cfg.TEMPORAL_DEV_PORT}`, cfg.TEMPORAL_NAMESPACE, dataConverter, await configuredTemporalTls(cfg));
const app = await buildApp({ client, db: database.db, ...(await apiOptions(cfg)) });
await app.listen({ host: cfg.API_HOST, port: cfg.API_PORT });
onShutdown([
  ['API', () => app.close()],
  ['Temporal client', () => connection.close()],
  ['database pool', () => database.close()],
]);
