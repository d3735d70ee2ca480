/**
 * Photos and videos of a case (issue 22): uploads at intake, by the handling unit and by the complainant (with the
 * case code); the list; short-lived download links; withdrawal. Every read passes the same access check as reading
 * the case (domain/access.ts `case.read`, measured on the case's unit, place, copies and cooperating units); adding
 * is `case.attach`, withdrawing `case.detach`, and the stage and state rules are domain/attachments.rules.ts.
 *
 * Bytes go to the attachment store (platform/attachment-store.ts), cleaned of location metadata first
 * (api/attachments.files.ts); the case record keeps a reference (the `attachments` row); nothing reaches Temporal.
 * Links that came with a complaint (Open311's media_url) are rows of kind `link`, listed here and never fetched.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { ACCESS, decide, inScope, piiLevel, type CaseAccessAction, type CaseTarget, type Principal, type Role } from '../domain/access.js';
import { attachStage, mayDetach, publicSource, visibleToComplainant, type AttachmentActor, type AttachmentStage } from '../domain/attachments.rules.js';
import type { CaseStatus } from '../domain/case.types.js';
import { DomainError, RuleViolation } from '../domain/errors.js';
import { maskPhonesInText } from '../domain/pii.js';
import type { MediaType } from '../domain/media-type.js';
import type { AttachmentStore } from '../platform/attachment-store.js';
import { checkLink, clean, cleanFileName, contentDisposition, downloadName, localLink, receive, unreadable, type LinkTerms, type Received, type UploadLimits } from './attachments.files.js';
import type { AttachmentRow, AttachmentsRepository } from './attachments.repository.js';
import type { CasesService } from './cases.service.js';
import type { ReferenceService } from './reference.service.js';

export interface AttachmentOptions extends UploadLimits {
  store: AttachmentStore;
  /** Files one case may hold (ATTACHMENT_MAX_FILES_PER_CASE); withdrawn ones do not count. */
  maxFilesPerCase: number;
  /** How long a download link lives (ATTACHMENT_LINK_TTL), in seconds. */
  linkTtlSeconds: number;
  /** Signs the local driver's links (ATTACHMENT_LINK_SECRET, or derived from CASE_CODE_SECRET). */
  linkKey: Buffer;
  /** Where uploads wait while they are checked; default the system's temporary folder. */
  tmpDir?: string;
}

export interface AttachmentsServiceDeps {
  repository: AttachmentsRepository;
  cases: Pick<CasesService, 'target'>;
  reference: Pick<ReferenceService, 'units'>;
  options: AttachmentOptions;
  log: FastifyBaseLogger;
}

/** One part of a multipart body as @fastify/multipart hands it over. */
export type UploadPart =
  | { type: 'file'; fieldname: string; filename: string; file: Readable & { truncated?: boolean } }
  | { type: 'field'; fieldname: string };

/** The staff's view of an attachment (api/attachments.routes.ts attachmentView). */
export interface AttachmentView {
  id: string;
  caseId: string;
  kind: 'file' | 'link';
  url: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  fileName: string | null;
  stage: AttachmentStage;
  addedBy: AttachmentActor;
  createdAt: string;
  removedAt: string | null;
  removedBy: AttachmentActor | null;
}

/** The complainant's view: no staff ids, no hashes; who added it in plain terms. */
export interface PublicAttachmentView {
  id: string;
  kind: 'file' | 'link';
  url: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  fileName: string | null;
  stage: AttachmentStage;
  from: 'you' | 'hotline' | 'unit';
  createdAt: string;
}

export interface AttachmentLink {
  attachmentId: string;
  url: string;
  /** Null for a link that came with the complaint (it is the address as given, with no expiry). */
  expiresAt: string | null;
  mediaType: string | null;
  fileName: string | null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Attachment ids: AT + 16 Crockford base32 characters, random. */
export function newAttachmentId(): string {
  return `AT${Array.from(randomBytes(16), (b) => CROCKFORD[b % 32]).join('')}`;
}

const actorOf = (p: Principal): AttachmentActor =>
  p.kind === 'complainant' ? { kind: 'complainant', id: p.id } : { kind: p.kind === 'system' ? 'channel' : 'staff', id: p.id, unitId: p.unitId };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function staffView(row: AttachmentRow, masked: boolean): AttachmentView {
  // File names and addresses are typed by people: a phone number in them is masked like any free text.
  const text = (s: string | null) => (s !== null && masked ? maskPhonesInText(s) : s);
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    url: text(row.url),
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    fileName: text(row.fileName),
    stage: row.stage,
    addedBy: row.addedBy,
    createdAt: row.createdAt.toISOString(),
    removedAt: iso(row.removedAt),
    removedBy: row.removedBy ?? null,
  };
}

export function publicView(row: AttachmentRow): PublicAttachmentView {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    fileName: row.fileName,
    stage: row.stage,
    from: publicSource(row),
    createdAt: row.createdAt.toISOString(),
  };
}

export function createAttachmentsService({ repository, cases, reference, options, log }: AttachmentsServiceDeps) {
  const { store } = options;
  const attachmentNotFound = (id: string) => new DomainError('not_found', `no attachment ${id} on this case`);

  /** The case, after the access table's word on this action: 404 out of scope, 403 not held; the roles that grant it. */
  async function authorize(caseId: string, principal: Principal, action: CaseAccessAction): Promise<{ target: CaseTarget; roles: Role[] }> {
    const target = await cases.target(caseId);
    const d = decide(principal, action, reference.units, target);
    if (d.outcome === 'not_found') throw new DomainError('case_not_found', `no case ${caseId}`);
    if (d.outcome === 'forbidden') throw new DomainError('forbidden', `${principal.roles.join(', ')} may not ${action.slice('case.'.length)} on this case`);
    const roles = principal.roles.filter((r) => {
      const scope = ACCESS[r]?.[action];
      return scope !== undefined && inScope(principal, scope, target, reference.units);
    });
    return { target, roles };
  }

  function present(row: AttachmentRow, principal: Principal, target: CaseTarget): AttachmentView | PublicAttachmentView {
    return principal.kind === 'complainant' ? publicView(row) : staffView(row, piiLevel(principal, target, reference.units) !== 'all');
  }

  /** An attachment of the case the caller may see (a complainant: not the unit's working photos, nothing withdrawn). */
  async function visible(caseId: string, attachmentId: string, principal: Principal): Promise<AttachmentRow> {
    const row = await repository.findInCase(caseId, attachmentId);
    if (!row || (principal.kind === 'complainant' && !visibleToComplainant(row))) throw attachmentNotFound(attachmentId);
    return row;
  }

  /** The one file part of an upload, received and checked; the rest of the body read to its end. */
  async function receiveParts(parts: AsyncIterable<UploadPart>): Promise<{ received: Received; fileName: string | undefined }> {
    let received: Received | undefined;
    let fileName: string | undefined;
    const iterator = parts[Symbol.asyncIterator]();
    try {
      for (;;) {
        let step: IteratorResult<UploadPart>;
        try {
          step = await iterator.next();
        } catch (err) {
          throw unreadable(err);
        }
        if (step.done) break;
        const part = step.value;
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || received) {
          part.file.resume();
          const reason = received ? 'one file per request' : `the file goes in a part named "file", not ${JSON.stringify(part.fieldname.slice(0, 40))}`;
          throw new DomainError('validation_failed', reason, { errors: [{ field: 'body.file', reason }] });
        }
        received = await receive(part.file, options, options.tmpDir);
        fileName = part.filename;
      }
    } catch (err) {
      if (received) await rm(received.path, { force: true });
      throw err;
    }
    if (!received) throw new DomainError('validation_failed', 'no file: send it in a multipart part named "file"', { errors: [{ field: 'body.file', reason: 'required' }] });
    return { received, fileName };
  }

  return {
    /**
     * Adds one file to a case: the caller may attach here, at a stage that fits the case's state, within the case's
     * file limit; then the body is read (type from its bytes, size against the type's limit), cleaned, stored and
     * recorded. Answers the attachment as the caller sees it.
     */
    async upload(caseId: string, principal: Principal, asked: AttachmentStage | undefined, parts: AsyncIterable<UploadPart>) {
      const { target, roles } = await authorize(caseId, principal, 'case.attach');
      const status = target.status as CaseStatus;
      const decision = attachStage(roles, status, asked);
      if (decision.outcome === 'forbidden') {
        const at = decision.stages.length ? `only at ${decision.stages.join(', ')}` : 'at no stage';
        throw new DomainError('forbidden', `${principal.roles.join(', ')} add attachments ${at}`, { errors: [{ field: 'query.stage', reason: `not a stage of this caller (${at})` }] });
      }
      if (decision.outcome === 'wrong_state') {
        throw new RuleViolation(`attachments at stage ${decision.stage} are taken while the case is ${decision.statuses.join(', ')}`, status, { stage: decision.stage, statuses: decision.statuses });
      }
      if ((await repository.countFiles(caseId)) >= options.maxFilesPerCase) {
        throw new RuleViolation(`the case holds ${options.maxFilesPerCase} files already, the most one case may`, status, { maxFiles: options.maxFilesPerCase });
      }
      const { received, fileName } = await receiveParts(parts);
      try {
        const cleaned = await clean(received);
        const id = newAttachmentId();
        const storageKey = `cases/${caseId}/${id}`;
        await store.put(storageKey, cleaned.body, received.mediaType);
        let row: AttachmentRow;
        try {
          row = await repository.insertFile({
            id,
            caseId,
            storageKey,
            mediaType: received.mediaType,
            sizeBytes: cleaned.size,
            sha256: cleaned.sha256,
            fileName: cleanFileName(fileName),
            stage: decision.stage,
            addedBy: actorOf(principal),
          });
        } catch (err) {
          await store.delete(storageKey).catch(() => undefined);
          throw err;
        }
        // What was taken out, by name only (never a value: coordinates are personal data).
        log.info({ caseId, attachmentId: id, mediaType: received.mediaType, sizeBytes: cleaned.size, stage: decision.stage, metadataRemoved: cleaned.removed }, 'attachment stored');
        return present(row, principal, target);
      } finally {
        await rm(received.path, { force: true });
      }
    },

    /** The case's attachments, files and links, as the caller may see them (a complainant: their public view). */
    async list(caseId: string, principal: Principal) {
      const { target } = await authorize(caseId, principal, 'case.read');
      const rows = await repository.listForCase(caseId);
      if (principal.kind === 'complainant') return { caseId, items: rows.filter(visibleToComplainant).map(publicView) };
      const masked = piiLevel(principal, target, reference.units) !== 'all';
      return { caseId, items: rows.map((r) => staffView(r, masked)) };
    },

    /** A short-lived link to an attachment's bytes, after the same access check as reading the case. */
    async link(caseId: string, attachmentId: string, principal: Principal, download: boolean): Promise<AttachmentLink> {
      const { target } = await authorize(caseId, principal, 'case.read');
      const row = await visible(caseId, attachmentId, principal);
      if (row.removedAt) throw attachmentNotFound(attachmentId);
      // The name as this reader sees it in the list, also in the download's Content-Disposition.
      const masked = principal.kind !== 'complainant' && piiLevel(principal, target, reference.units) !== 'all';
      const shown = staffView(row, masked);
      if (row.kind === 'link') return { attachmentId, url: shown.url!, expiresAt: null, mediaType: row.mediaType, fileName: shown.fileName };
      const expires = Math.floor(Date.now() / 1000) + options.linkTtlSeconds;
      const mediaType = row.mediaType ?? 'application/octet-stream';
      const presigned = await store.presign(row.storageKey!, {
        expiresInSeconds: options.linkTtlSeconds,
        mediaType,
        contentDisposition: contentDisposition(downloadName(row.id, shown.fileName, mediaType), download),
      });
      return {
        attachmentId,
        url: presigned ?? localLink(options.linkKey, row.id, { expires, download, masked }),
        expiresAt: new Date(expires * 1000).toISOString(),
        mediaType: row.mediaType,
        fileName: shown.fileName,
      };
    },

    /**
     * Withdraws an attachment: who added it while the case is open, a supervisor any time. The row stays (with who
     * withdrew it and when); the bytes leave the store.
     */
    async remove(caseId: string, attachmentId: string, principal: Principal) {
      const { target, roles } = await authorize(caseId, principal, 'case.detach');
      const row = await visible(caseId, attachmentId, principal);
      if (row.removedAt) throw attachmentNotFound(attachmentId);
      const verdict = mayDetach({ id: principal.id, roles }, row.addedBy, target.status as CaseStatus);
      if (verdict.outcome === 'forbidden') throw new DomainError('forbidden', verdict.why);
      if (verdict.outcome === 'wrong_state') throw new RuleViolation('the case is closed: its attachments stay as they are', target.status);
      const removed = await repository.markRemoved(caseId, attachmentId, actorOf(principal));
      if (!removed) throw attachmentNotFound(attachmentId);
      if (removed.kind === 'file' && removed.storageKey) {
        await store.delete(removed.storageKey).catch((err: unknown) => log.warn({ err, attachmentId, caseId }, 'withdrawn attachment: deleting its bytes failed; they stay in the store'));
      }
      return present(removed, principal, target);
    },

    /**
     * GET /v1/attachments/:id/content, the local driver's signed link: the signature and its expiry are the whole
     * credential (it was issued after the access check). 403 when forged or expired, 404 when withdrawn since.
     */
    async content(attachmentId: string, q: LinkTerms & { signature: string }, rangeHeader: string | undefined) {
      const verdict = checkLink(options.linkKey, attachmentId, q, q.signature);
      if (verdict !== 'valid') throw new DomainError('forbidden', verdict === 'expired' ? 'the link has expired: ask for a new one' : 'the link is not valid');
      const row = await repository.findById(attachmentId);
      if (!row || row.removedAt || row.kind !== 'file' || !row.storageKey) throw new DomainError('not_found', `no attachment ${attachmentId}`);
      const size = row.sizeBytes ?? 0;
      const range = parseRange(rangeHeader, size);
      if (range === 'unsatisfiable') return { status: 416 as const, size };
      const stream = await store.read(row.storageKey, range ?? undefined);
      if (!stream) throw new DomainError('not_found', `no attachment ${attachmentId}`);
      const mediaType = (row.mediaType ?? 'application/octet-stream') as MediaType;
      return {
        status: range ? (206 as const) : (200 as const),
        stream,
        size,
        range,
        mediaType,
        disposition: contentDisposition(downloadName(row.id, staffView(row, q.masked).fileName, mediaType), q.download),
        maxAgeSeconds: Math.max(0, q.expires - Math.floor(Date.now() / 1000)),
      };
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

/** One byte range of `Range: bytes=a-b` (or `a-`, `-n`); null for none or one this server does not serve (several). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
