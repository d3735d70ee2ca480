/**
 * Activities of the case workflow. They are the only place the workflow touches PostgreSQL:
 * - resolveCaseSetup reads the category's deadline class and the active policy, for a case whose start did not
 *   carry them (recorded in history);
 * - projectCase writes what happened, idempotently: events and notices are keyed by (case id, seq), and every
 *   row carries the number of the workflow's projection batch that wrote it (`version`). A row is rewritten only by
 *   the same or a later batch: a retry writes nothing twice and a late retry never moves the record backwards.
 *
 * Why batches and not only seq: the projection runs as a local activity inside the workflow task that decided it.
 * When several Updates reach a case at once, Temporal sometimes discards a workflow task after the worker ran it
 * (its completion answers "workflow task not found"); the worker then runs the Updates again, possibly in another
 * order, so seq 7 may be a different event the second time. The batch that replaces a discarded one has the same
 * number (the workflow counts its batches deterministically), so it overwrites what the discarded task wrote, and
 * removes what it wrote beyond (events and not yet delivered notices the true history does not have).
 *
 * The assessment's counters move in the same transaction (db/assessment.counters.ts): when the batch wrote the case
 * row — it is the newest the record has seen, numbered or legacy — the case's contributions are recomputed from its
 * state and all its events, and the difference from the stored ones is written, counters included. A retried batch
 * and the batch that replaces a discarded one find their set already there and move nothing; a late retry, which
 * does not write the row, does not touch them. One statement more per batch (the read), two when a count changed.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { ApplicationFailureCategory } from '@temporalio/common';
import { eq, sql } from 'drizzle-orm';
import type { WorkCalendar } from '../domain/calendar.rules.js';
import type { CaseEvent, CaseIntake, CaseNotification, CaseState } from '../domain/case.types.js';
import type { CaseSetup } from '../domain/policy.types.js';
import { slaClassOf } from '../domain/reference.types.js';
import type { Database } from '../db/client.js';
import { loadActivePolicy } from '../db/policy.js';
import { caseRow } from '../db/case.rows.js';
import { loadCityCalendar, projectCaseContributions } from '../db/assessment.counters.js';
import { resolveCatalogueDispatch } from '../db/catalogue.js';
import { caseEvents, cases, categories, notifications } from '../db/schema.js';
import { scrubDatabaseError } from '../db/errors.js';
import { annotateSpan } from '../platform/tracing.js';

export interface ActivityDeps {
  db: Database;
  /** How long after a failed database call local attempts step aside for queued activities (default 5 s). */
  breakerMs?: number;
  /**
   * The city's calendar the assessment counts local days on (only its offset matters). Absent: the active policy's,
   * loaded by the first batch and kept for the life of the worker.
   */
  calendar?: WorkCalendar;
  /** Keep the assessment's counters with each batch (default true; ASSESSMENT_COUNTERS). */
  counters?: boolean;
  /**
   * Where the projection lag goes (hotline_projection_lag, runtime/case-worker.ts workerMetrics): seconds from the
   * newest change of a batch, by the workflow's clock, to its write's commit. A few milliseconds inside the workflow
   * task; during a database outage, as long as the outage.
   */
  projectionLag?: { record(seconds: number): void };
}

export interface ProjectionInput {
  state: CaseState;
  /** Sent with the first batch only: the row's immutable intake columns. */
  intake: CaseIntake | null;
  events: CaseEvent[];
  notifications: CaseNotification[];
  /**
   * The workflow's projection batch number (1, 2, … across continue-as-new). Absent (0) from workflows scheduled
   * before batches were numbered: those writes keep the old rule (forward by last_seq, insert-only).
   */
  version?: number;
}

/** Whether the running activity is a local one (false outside an activity, e.g. in a unit test). */
function runningLocally(): boolean {
  try {
    return Context.current().info.isLocal;
  } catch {
    return false;
  }
}

export function createActivities({ db, breakerMs = 5_000, calendar: givenCalendar, counters = true, projectionLag }: ActivityDeps) {
  let calendar = givenCalendar;
  /**
   * A circuit breaker for local attempts. A local activity holds its workflow task open, and with it every query
   * and Update of that case; so for a while after the database failed, local attempts give up at once and the
   * workflow hands the write to a queued activity, which retries without blocking anything.
   */
  let failedAt = -Infinity;
  async function guarded<T>(write: () => Promise<T>): Promise<T> {
    if (runningLocally() && Date.now() - failedAt < breakerMs) {
      // BENIGN: an expected step aside, logged at debug level, not one warning per case during an outage.
      throw ApplicationFailure.create({
        message: 'the database failed moments ago: leaving this call to a queued activity',
        type: 'DatabaseRecentlyDown',
        nonRetryable: true,
        category: ApplicationFailureCategory.BENIGN,
      });
    }
    try {
      return await write();
    } catch (err) {
      failedAt = Date.now();
      // The failure is logged by the worker and kept in Temporal's history: never with the query's values.
      throw scrubDatabaseError(err);
    }
  }

  return {
    /** `catalogue`: also ask the dispatch catalogue for the unit (a case that will not close at triage). */
    resolveCaseSetup: ({ categoryId, areaUnitId, catalogue }: { categoryId: string; areaUnitId?: string | null; catalogue?: boolean }): Promise<CaseSetup> =>
      guarded(async () => {
        const policy = await loadActivePolicy(db);
        if (!policy) throw new Error('no active case policy: run the seed or activate a policy version');
        const [category] = await db.select({ slaClass: categories.slaClass }).from(categories).where(eq(categories.id, categoryId));
        const dispatch = catalogue ? await resolveCatalogueDispatch(db, { categoryId, areaUnitId: areaUnitId ?? null }) : null;
        return { policy, slaClass: slaClassOf(category?.slaClass), ...(dispatch && { dispatch }) };
      }),

    projectCase: ({ state, intake, events, notifications: notices, version = 0 }: ProjectionInput): Promise<void> =>
      guarded(async () => {
        annotateSpan({ caseId: state.caseId, unitId: state.unitId, categoryId: state.categoryId, status: state.status });
        const row = caseRow(state, intake, version);
        // The same or a later batch may rewrite a row; unnumbered (legacy) writes only move forward.
        const caseRowIsOlder =
          version > 0 ? sql`${cases.projectionVersion} <= ${version}` : sql`${cases.projectionVersion} = 0 and ${cases.lastSeq} <= ${state.seq}`;
        await db.transaction(async (tx) => {
          // Whether this batch wrote the row: then its state is the case as the record has it.
          const written = row.insert
            ? await tx.insert(cases).values(row.insert).onConflictDoUpdate({ target: cases.id, set: row.set, setWhere: caseRowIsOlder }).returning({ id: cases.id })
            : await tx.update(cases).set(row.set).where(sql`${cases.id} = ${state.caseId} and ${caseRowIsOlder}`).returning({ id: cases.id });
          if (version > 0) {
            // Events beyond this batch written by this or an earlier batch: a discarded workflow task's.
            await tx.delete(caseEvents).where(sql`${caseEvents.caseId} = ${state.caseId} and ${caseEvents.seq} > ${state.seq} and ${caseEvents.projectionVersion} <= ${version}`);
            // Undelivered notices from this batch's first event on that this batch does not have: the same.
            const from = events.length ? Math.min(...events.map((e) => e.seq)) : state.seq + 1;
            const kept = notices.map((n) => sql`(${n.seq}::integer, ${n.kind}::text, ${n.unitId ?? ''}::text, ${n.recipient}::text)`);
            await tx
              .delete(notifications)
              .where(
                sql`${notifications.caseId} = ${state.caseId} and ${notifications.deliveredAt} is null and ${notifications.projectionVersion} <= ${version} and ${notifications.seq} >= ${from}${
                  kept.length
                    ? sql` and (${notifications.seq}, ${notifications.kind}, coalesce(${notifications.unitId}, ''), ${notifications.recipient}) not in (${sql.join(kept, sql`, `)})`
                    : sql``
                }`,
              );
          }
          if (events.length) {
            await tx
              .insert(caseEvents)
              .values(
                events.map((e) => ({
                  caseId: state.caseId,
                  seq: e.seq,
                  type: e.type,
                  actorId: e.actor.id,
                  actorRole: e.actor.role,
                  at: new Date(e.at),
                  data: e.data,
                  projectionVersion: version,
                })),
              )
              .onConflictDoUpdate({
                target: [caseEvents.caseId, caseEvents.seq],
                set: {
                  type: sql`excluded.type`,
                  actorId: sql`excluded.actor_id`,
                  actorRole: sql`excluded.actor_role`,
                  at: sql`excluded.at`,
                  data: sql`excluded.data`,
                  projectionVersion: sql`excluded.projection_version`,
                },
                setWhere: version > 0 ? sql`${caseEvents.projectionVersion} <= ${version}` : sql`false`,
              });
          }
          if (notices.length) {
            const at = new Map(events.map((e) => [e.seq, new Date(e.at)]));
            await tx
              .insert(notifications)
              .values(notices.map((n) => ({ ...n, createdAt: at.get(n.seq) ?? new Date(state.updatedAt), projectionVersion: version })))
              .onConflictDoNothing();
          }
          if (counters && written.length) {
            calendar ??= (await loadCityCalendar(tx)).calendar;
            await projectCaseContributions(tx, state, calendar);
          }
        });
        if (projectionLag && events.length) {
          const newest = Math.max(...events.map((e) => Date.parse(e.at)));
          if (Number.isFinite(newest)) projectionLag.record(Math.max(0, (Date.now() - newest) / 1000));
        }
      }),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
export type { CaseSetup };
