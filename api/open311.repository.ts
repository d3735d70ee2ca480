/** Reads of the case record for Open311's GET Service Requests: the cases, the units' names and the replies. */
import { and, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { caseEvents, cases, units } from '../db/schema.js';
import type { ListScope } from '../domain/access.js';
import { scopeCondition } from './cases.repository.js';
import type { RequestsQuery } from './open311.mapping.js';

export function createOpen311Repository(db: Database) {
  return {
    /**
     * The cases of a GET Service Requests in the caller's list scope (a channel's key: the cases it opened, by
     * cases_channel_key_idx), newest received first, at most `limit`.
     */
    async requests(q: RequestsQuery, scope: ListScope, limit: number) {
      const where: SQL[] = [];
      const inScope = scopeCondition(scope);
      if (inScope) where.push(inScope);
      if (q.ids) {
        where.push(inArray(cases.id, q.ids));
      } else {
        where.push(gte(cases.receivedAt, q.from), lte(cases.receivedAt, q.to));
        if (q.serviceCodes) where.push(inArray(cases.categoryId, q.serviceCodes));
        if (q.statuses?.length === 1) where.push(q.statuses[0] === 'closed' ? eq(cases.status, 'closed') : ne(cases.status, 'closed'));
      }
      return db
        .select()
        .from(cases)
        .where(and(...where))
        .orderBy(desc(cases.receivedAt), desc(cases.id))
        .limit(limit);
    },

    /** The names of these units. */
    async unitNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** The latest reply (the unit's answer to the citizen) of each of these cases that has one. */
    async replies(caseIds: readonly string[]): Promise<Map<string, string>> {
      if (!caseIds.length) return new Map();
      const rows = await db
        .selectDistinctOn([caseEvents.caseId], { caseId: caseEvents.caseId, content: sql<string | null>`${caseEvents.data} ->> 'content'` })
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, [...caseIds]), eq(caseEvents.type, 'replied')))
        .orderBy(caseEvents.caseId, desc(caseEvents.seq));
      return new Map(rows.filter((r) => r.content !== null).map((r) => [r.caseId, r.content!]));
    },
  };
}

export type Open311Repository = ReturnType<typeof createOpen311Repository>;
