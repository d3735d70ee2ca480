/**
 * The attachments table (db/schema.ts `attachments`): files uploaded to a case and links that came with it (kind
 * 'link': an address kept as given, never fetched by the server). The case holds no bytes; these rows say what came
 * with it. Rows are never deleted: a withdrawn attachment keeps its row with removed_at and removed_by, its bytes
 * leave the store.
 */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { attachments } from '../db/schema.js';
import type { AttachmentActor, AttachmentStage } from '../domain/attachments.rules.js';

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentAddedBy = typeof attachments.$inferInsert.addedBy;

export interface NewFile {
  id: string;
  caseId: string;
  storageKey: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  fileName: string | null;
  stage: AttachmentStage;
  addedBy: AttachmentActor;
}

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

    async insertFile(file: NewFile): Promise<AttachmentRow> {
      const [row] = await db
        .insert(attachments)
        .values({ ...file, kind: 'file' })
        .returning();
      return row!;
    },

    /** Every attachment of a case, files and links, withdrawn ones too, oldest first. */
    async listForCase(caseId: string): Promise<AttachmentRow[]> {
      return db.select().from(attachments).where(eq(attachments.caseId, caseId)).orderBy(asc(attachments.createdAt), asc(attachments.id));
    },

    /** One attachment of one case (an id of another case finds nothing). */
    async findInCase(caseId: string, attachmentId: string): Promise<AttachmentRow | null> {
      const [row] = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.caseId, caseId), eq(attachments.id, attachmentId)));
      return row ?? null;
    },

    async findById(attachmentId: string): Promise<AttachmentRow | null> {
      const [row] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
      return row ?? null;
    },

    /** Files a case holds now (withdrawn ones do not count against its limit). */
    async countFiles(caseId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(attachments)
        .where(and(eq(attachments.caseId, caseId), eq(attachments.kind, 'file'), isNull(attachments.removedAt)));
      return row?.n ?? 0;
    },

    /** Marks it withdrawn, once: the row after, or null when it was withdrawn already (by a racing request). */
    async markRemoved(caseId: string, attachmentId: string, by: AttachmentActor): Promise<AttachmentRow | null> {
      const [row] = await db
        .update(attachments)
        .set({ removedAt: new Date(), removedBy: by })
        .where(and(eq(attachments.caseId, caseId), eq(attachments.id, attachmentId), isNull(attachments.removedAt)))
        .returning();
      return row ?? null;
    },
  };
}

export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;
