/**
 * CI fallback when the machine has no PostgreSQL server: the embedded one on :54329 until killed. As root in a
 * folder the postgres system user cannot enter, its files go where that user can reach them (runtime/embedded-db.ts).
 */
import { startEmbeddedDatabase } from '../runtime/embedded-db.js';

const db = await startEmbeddedDatabase('.data/ci', 54329, { database: 'postgres', log: console.log });
console.log(`embedded PostgreSQL ready: ${db.url}`);
const stop = () => void db.stop().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => {}, 1 << 30);
