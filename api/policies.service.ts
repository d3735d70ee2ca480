/**
 * Case policy versions (SLA clocks, warnings, rounds, the calendar they count on): analysts, dispatchers,
 * supervisors and admins read them; admins write a new version, which becomes the one in force.
 *
 * A version is never changed once stored: a write stores the next version and activates it, in one transaction.
 * A case keeps the version it opened under (the policy travels in its workflow input and history), so a new
 * version changes the deadlines of cases opened after it only. The write refreshes this instance's reference copy
 * at once; other instances pick the new version up within their refresh interval.
 */
import { eq } from 'drizzle-orm';
import type { Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { z } from 'zod';
import { policyDocumentSchema, type PolicyInput } from '../domain/policy.schema.js';
import type { Database } from '../db/client.js';
import { getActivePolicyRow, getPolicy, listPolicies, storePolicyVersion, type PolicyRow } from '../db/policy.js';
import { units, workCalendars } from '../db/schema.js';
import type { ReferenceService } from './reference.service.js';

export interface PolicySummaryView {
  version: number;
  active: boolean;
  note: string | null;
  createdAt: string;
}

export interface PolicyView extends PolicySummaryView {
  document: z.output<typeof policyDocumentSchema>;
}

const summary = (r: PolicyRow): PolicySummaryView => ({ version: r.version, active: r.active, note: r.note, createdAt: r.createdAt.toISOString() });
const view = (r: PolicyRow): PolicyView => ({ ...summary(r), document: policyDocumentSchema.parse(r.document) });

export function createPoliciesService(deps: { db: Database; reference: ReferenceService }) {
  const { db, reference } = deps;

  return {
    async list(): Promise<{ activeVersion: number | null; items: PolicySummaryView[] }> {
      const rows = await listPolicies(db);
      return { activeVersion: rows.find((r) => r.active)?.version ?? null, items: rows.map(summary) };
    },

    async active(): Promise<PolicyView> {
      const row = await getActivePolicyRow(db);
      if (!row) throw new DomainError('not_found', 'no policy version is active: run the seed or store one');
      return view(row);
    },

    async get(version: number): Promise<PolicyView> {
      const row = await getPolicy(db, version);
      if (!row) throw new DomainError('not_found', `no policy version ${version}`);
      return view(row);
    },

    /**
     * Stores the document as the next version and activates it. The note records who wrote it (case_policies has no
     * author column), which also keeps it from ever reading like the seed's default note (db/seed.ts replaces an
     * active default policy on upgrade, never an administrator's).
     */
    async store(input: PolicyInput, p: Principal): Promise<PolicyView> {
      const { note, ...document } = input;
      const row = await storePolicyVersion(db, document, note ? `${note} (by ${p.id})` : `by ${p.id}`, async (tx) => {
        if (document.centreUnitId !== undefined) {
          const [centre] = await tx.select({ id: units.id }).from(units).where(eq(units.id, document.centreUnitId));
          if (!centre) {
            throw new DomainError('unknown_reference', `no unit ${document.centreUnitId}`, {
              errors: [{ field: 'body.centreUnitId', reason: `no unit with id ${document.centreUnitId} (GET /v1/units lists them)` }],
            });
          }
        }
        if (document.calendarRegion === undefined) return;
        const [region] = await tx.select({ region: workCalendars.region }).from(workCalendars).where(eq(workCalendars.region, document.calendarRegion));
        if (!region) {
          throw new DomainError('unknown_reference', `no calendar region ${document.calendarRegion}`, {
            errors: [{ field: 'body.calendarRegion', reason: `no calendar for region ${document.calendarRegion} (GET /v1/calendars lists them)` }],
          });
        }
      });
      await reference.refresh().catch(() => undefined);
      return view(row);
    },
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
