/**
 * The attachments of cases (db/schema.ts `attachments`): links (kind 'link': an address kept as given, never fetched
 * by the server) and, apart, uploaded files. The case holds no bytes; these rows say what came with it.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { attachments } from '../db/schema.js';

export type AttachmentAddedBy = typeof attachments.$inferInsert.addedBy;

export function createAttachmentsRepository(db: Database) {
  return {
    /**
     * The links an intake brought (stage 'intake'), in their order. Idempotent: a link's id is derived from the case
     * and its place in the intake, so a retried intake writes nothing twice.
     */
    async insertLinks(caseId: string, urls: readonly string[], addedBy: AttachmentAddedBy): Promise<void> {
      if (!urls.length) return;
      await db
        .insert(attachments)
        .values(urls.map((url, i) => ({ id: `${caseId}-link-${String(i + 1).padStart(2, '0')}`, caseId, kind: 'link' as const, url, stage: 'intake' as const, addedBy })))
        .onConflictDoNothing();
    },

    /** The links of these cases (not withdrawn), oldest first, by case. */
    async links(caseIds: readonly string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (!caseIds.length) return out;
      const rows = await db
        .select({ caseId: attachments.caseId, url: attachments.url })
        .from(attachments)
        .where(and(inArray(attachments.caseId, [...caseIds]), eq(attachments.kind, 'link'), isNull(attachments.removedAt)))
        .orderBy(asc(attachments.caseId), asc(attachments.createdAt), asc(attachments.id));
      for (const r of rows) if (r.url !== null) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r.url]);
      return out;
    },
  };
}

export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;
