/**
 * The soak's run (bench/soak.ts): its options, parsed once (a wrong one prints the usage and exits with 2, --help
 * prints the help and exits with 0, before anything starts), the run's identity and keys, the people who act, the
 * places and categories its complaints use, and what every part of it shares.
 */
import { randomBytes } from 'node:crypto';
import { demoUnits } from '../../db/seed-data.js';
import type { PostgresProcesses } from '../processes.js';
import { BenchRun, type BenchEnv, type CaseStack } from '../stack.js';
import type { WebhookReceiver } from '../webhook-receiver.js';
import { HELP, parseSoakArgs, USAGE, type SoakOptions } from './options.js';

let parsed: SoakOptions;
try {
  parsed = parseSoakArgs(process.argv.slice(2));
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n(npm run soak -- --help says more)`);
  process.exit(2);
}
if (parsed.help) {
  console.log(HELP);
  process.exit(0);
}
export const OPTS = parsed;
export const RUN = new BenchRun(OPTS.keep);
export const TOPOLOGY_LABEL = process.env.TEMPORAL_ADDRESS ? 'external server (TEMPORAL_ADDRESS)' : `${OPTS.topology} topology`;
/** The worker's webhook channel signs with this; the soak's receiver checks it. */
export const WEBHOOK_SECRET = randomBytes(32).toString('hex');

/** What the soak stands on: bench/stack.ts's environment, the notices' receiver, the product's worker and API. */
export interface SoakEnv extends BenchEnv {
  receiver: WebhookReceiver;
  stack: CaseStack;
  /** The PostgreSQL server's processes, when it runs on this machine. */
  postgres: PostgresProcesses | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Places and categories (db/seed-data.ts)

/** The street offices (and towns) of the demo city: where the complaints are, who handles them. */
export const STREETS: readonly string[] = demoUnits.filter((u) => u.type === 'street').map((u) => u.id);
/**
 * Categories: one the dispatch catalogue sends to the street of the place at intake (社会生活噪音, one rule), one
 * it leaves to a dispatcher (施工噪音, two rules), and the timed cases' (停水: the water bureau by the catalogue,
 * deadline class utilities, the only class the soak policy changes).
 */
export const CATEGORIES = { catalogue: 'env.noise.living', dispatcher: 'env.noise.construction', timed: 'utility.water.outage' } as const;
export const TIMED_CLASS = 'utilities';

// ---------------------------------------------------------------------------------------------------------------
// People, signed with this run's keys

export const INTAKE = RUN.bearer('intake_agent');
export const DISPATCHER = RUN.bearer('dispatcher');
export const SUPERVISOR = RUN.bearer('supervisor');
export const CALLBACK = RUN.bearer('callback_agent');
const handlers = new Map<string, Record<string, string>>();
/** A handler of `unit` (each street office has its own: the API takes the unit from the token). */
export function handlerOf(unit: string): Record<string, string> {
  let h = handlers.get(unit);
  if (!h) handlers.set(unit, (h = RUN.bearerAs({ sub: `soak-handler-${unit}`, role: 'unit_handler', unit, name: `承办人 ${unit}` })));
  return h;
}
