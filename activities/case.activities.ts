/**
 * Activities of the case workflow. They are the only place the workflow touches PostgreSQL:
 * - resolveCaseSetup reads the category's deadline class and the active policy, for a case whose start did not
 *   carry them (recorded in history);
 * - projectCase writes what happened, idempotently: events and notices are keyed by (case id, seq), and the
 *   case row only ever moves forward (its last_seq never decreases). A retry writes nothing twice.
 */
import { eq, sql } from 'drizzle-orm';
import type { CaseEvent, CaseIntake, CaseNotification, CaseState } from '../domain/case.types.js';
import { replyDueAt } from '../domain/case.machine.js';
import type { CaseSetup } from '../domain/policy.types.js';
import { slaClassOf } from '../domain/reference.types.js';
import type { Database } from '../db/client.js';
import { loadActivePolicy } from '../db/policy.js';
import { caseEvents, cases, categories, notifications } from '../db/schema.js';

export interface ActivityDeps {
  db: Database;
}

export interface ProjectionInput {
  state: CaseState;
  /** Sent with the first batch only: the row's immutable intake columns. */
  intake: CaseIntake | null;
  events: CaseEvent[];
  notifications: CaseNotification[];
}

const dateOrNull = (iso: string | null) => (iso ? new Date(iso) : null);

export function createActivities({ db }: ActivityDeps) {
  return {
    async resolveCaseSetup({ categoryId }: { categoryId: string }): Promise<CaseSetup> {
      const policy = await loadActivePolicy(db);
      if (!policy) throw new Error('no active case policy: run the seed or activate a policy version');
      const [category] = await db.select({ slaClass: categories.slaClass }).from(categories).where(eq(categories.id, categoryId));
      return { policy, slaClass: slaClassOf(category?.slaClass) };
    },

    async projectCase({ state, intake, events, notifications: notices }: ProjectionInput): Promise<void> {
      const live = {
        slaClass: state.slaClass,
        policyVersion: state.policyVersion,
        status: state.status,
        outcome: state.outcome,
        unitId: state.unitId,
        round: state.round,
        warningLevel: state.warningLevel,
        escalationLevel: state.escalationLevel,
        clocks: state.clocks,
        replyDueAt: dateOrNull(replyDueAt(state)),
        dispatchCount: state.dispatchCount,
        returnCount: state.returnCount,
        reassignCount: state.reassignCount,
        updatedAt: new Date(state.updatedAt),
        closedAt: dateOrNull(state.closedAt),
        lastSeq: state.seq,
      };
      await db.transaction(async (tx) => {
        if (intake) {
          await tx
            .insert(cases)
            .values({
              id: state.caseId,
              title: intake.title,
              description: intake.description,
              channel: intake.channel,
              channelTicketId: intake.channelTicketId ?? null,
              idempotencyKey: intake.idempotencyKey ?? null,
              categoryId: intake.categoryId,
              complainantName: intake.complainant.name,
              complainantPhone: intake.complainant.phone,
              address: intake.location?.address ?? null,
              areaUnitId: intake.location?.areaUnitId ?? null,
              lat: intake.location?.lat ?? null,
              lng: intake.location?.lng ?? null,
              createdAt: new Date(state.createdAt),
              ...live,
            })
            .onConflictDoUpdate({ target: cases.id, set: live, setWhere: sql`${cases.lastSeq} <= ${state.seq}` });
        } else {
          await tx.update(cases).set(live).where(sql`${cases.id} = ${state.caseId} and ${cases.lastSeq} <= ${state.seq}`);
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
              })),
            )
            .onConflictDoNothing();
        }
        if (notices.length) {
          const at = new Map(events.map((e) => [e.seq, new Date(e.at)]));
          await tx
            .insert(notifications)
            .values(notices.map((n) => ({ ...n, createdAt: at.get(n.seq) ?? new Date(state.updatedAt) })))
            .onConflictDoNothing();
        }
      });
    },
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
export type { CaseSetup };
