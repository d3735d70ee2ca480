/**
 * HTTP surface of a case's photos and videos (api/attachments.service.ts): staff routes under /v1/cases/:id, the
 * complainant's under /v1/public/cases/:number (case number + X-Case-Code, as the rest of self-service), and the
 * local driver's signed download route. Uploads are multipart/form-data with one part named `file`; the multipart
 * parser is registered for these routes only (every other route takes JSON alone).
 */
import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_STAGES } from '../domain/attachments.rules.js';
import { DomainError } from '../domain/errors.js';
import type { Principal } from '../domain/access.js';
import { principalOf } from './auth.js';
import { caseIdParams, problemSchema } from './cases.schemas.js';
import type { AttachmentsService, UploadPart } from './attachments.service.js';
import { caseCodeHeaders, publicCaseParams } from './public.routes.js';

const instant = z.string().describe('ISO 8601, UTC');
/** Attachment ids: AT + 16 characters here; rows written by other adapters (Open311 links) may have their own. */
const attachmentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an attachment id such as AT0123456789ABCDEF');
const actor = z.object({
  kind: z.enum(['staff', 'channel', 'complainant']),
  id: z.string(),
  unitId: z.string().nullable().optional(),
});

export const attachmentView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.enum(['file', 'link']).describe('file: uploaded, held by the attachment store; link: an address that came with the complaint, never fetched'),
    url: z.string().nullable().describe('kind link: the address as given'),
    mediaType: z.string().nullable().describe('kind file: the type judged from the content, not the name'),
    sizeBytes: z.number().nullable().describe('after location metadata was taken out'),
    sha256: z.string().nullable().describe('of the stored bytes'),
    fileName: z.string().nullable().describe('as the uploader named it, cleaned; shown, never used as a path'),
    stage: z.enum(ATTACHMENT_STAGES),
    addedBy: actor,
    createdAt: instant,
    removedAt: instant.nullable(),
    removedBy: actor.nullable(),
  })
  .describe('A photo, video or link of a case, as staff see it');

export const publicAttachmentView = z
  .object({
    id: z.string(),
    kind: z.enum(['file', 'link']),
    url: z.string().nullable(),
    mediaType: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    fileName: z.string().nullable(),
    stage: z.enum(ATTACHMENT_STAGES),
    from: z.enum(['you', 'hotline', 'unit']).describe('who added it: you, the hotline (with the complaint), or the unit handling it (its reply)'),
    createdAt: instant,
  })
  .describe("A case's photo or video as its complainant sees it: no staff, no working photos of the unit");

export const attachmentList = z.object({ caseId: z.string(), items: z.array(attachmentView) });
export const publicAttachmentList = z.object({ caseId: z.string(), items: z.array(publicAttachmentView) });

export const attachmentLink = z.object({
  attachmentId: z.string(),
  url: z.string().describe('fetch it without credentials until expiresAt (a link that came with the complaint: the address as given)'),
  expiresAt: instant.nullable(),
  mediaType: z.string().nullable(),
  fileName: z.string().nullable(),
});

const uploadQuery = z.object({
  stage: z
    .enum(ATTACHMENT_STAGES)
    .optional()
    .describe("The stage it belongs to; default the caller's own: intake staff `intake`, the handling unit `handling` (after its reply `reply`), the complainant `complainant`"),
});
/**
 * For the OpenAPI document: the body is multipart/form-data, read as a stream by the handler, never parsed into this
 * (the multipart parser leaves the body null; a JSON body is answered 415 by the handler).
 */
const uploadBody = z
  .object({ file: z.string().meta({ format: 'binary' }).optional().describe('required: the photo or video (its type is judged from its bytes)') })
  .nullish();
const linkQuery = z.object({ download: z.enum(['0', '1', 'true', 'false']).optional().describe('1: as a download (Content-Disposition attachment); default inline') });
const attachmentParams = caseIdParams.extend({ attachmentId });
const publicAttachmentParams = publicCaseParams.extend({ attachmentId });
const contentQuery = z.object({
  expires: z.coerce.number().int().min(0).max(2 ** 40),
  download: z.enum(['0', '1']),
  masked: z.enum(['0', '1']),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a signature this API issued'),
});

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 503: problemSchema, ...denied };
const uploadErrors = { ...errors, 413: problemSchema, 415: problemSchema };
const selfServiceErrors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 429: problemSchema, 503: problemSchema };

const UPLOAD =
  'multipart/form-data with one part named `file`. Its type is judged from its bytes (ATTACHMENT_TYPES: JPEG, PNG, WebP, GIF, ' +
  'HEIC/HEIF, MP4, MOV by default); other content answers 415, a file over its limit 413 (ATTACHMENT_MAX_BYTES for images, ' +
  'ATTACHMENT_MAX_VIDEO_BYTES for videos), each naming `body.file`. Location metadata (EXIF GPS, XMP, QuickTime location) is ' +
  'taken out before the file is stored; the orientation of a photo stays. 409 when the case is not in a state its stage takes ' +
  'uploads in, or already holds ATTACHMENT_MAX_FILES_PER_CASE files.';

/** The complainant on a self-service route: the one whose code matched this case, or 404 like a case that does not exist. */
function complainantOf(principal: Principal | null, number: string): Principal {
  if (!principal || principal.kind !== 'complainant' || principal.caseId !== number) throw new DomainError('case_not_found', `no case ${number}`);
  return principal;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

export function attachmentsRoutes(service: AttachmentsService, limits: { maxBytes: number; maxVideoBytes: number }): FastifyPluginAsyncZod {
  return async (app) => {
    // Here only: the largest limit caps what the parser reads of one file; the service judges each type's own.
    await app.register(multipart, {
      limits: { fileSize: Math.max(limits.maxBytes, limits.maxVideoBytes), files: 1, fields: 10, parts: 12, fieldSize: 4096, headerPairs: 50 },
      throwFileSizeLimit: false,
    });
    const parts = (req: { parts(): AsyncIterableIterator<unknown> }) => req.parts() as AsyncIterable<UploadPart>;

    app.post(
      '/v1/cases/:id/attachments',
      {
        config: { access: 'case.attach' },
        schema: {
          tags: ['cases'],
          summary: 'Add a photo or video to a case (intake staff at intake; the handling unit while handling and with its reply)',
          description: UPLOAD,
          consumes: ['multipart/form-data'],
          params: caseIdParams,
          querystring: uploadQuery,
          body: uploadBody,
          response: { 201: z.union([attachmentView, publicAttachmentView]), ...uploadErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await service.upload(req.params.id, principalOf(req), req.query.stage, parts(req))),
    );

    app.get(
      '/v1/cases/:id/attachments',
      {
        config: { access: 'case.read' },
        schema: {
          tags: ['cases'],
          summary: "A case's photos, videos and links, oldest first (whoever may read the case)",
          description: 'Withdrawn ones are listed with removedAt. A complainant (X-Case-Code) gets their view: GET /v1/public/cases/{number}/attachments.',
          params: caseIdParams,
          response: { 200: z.union([attachmentList, publicAttachmentList]), ...errors },
        },
      },
      async (req) => service.list(req.params.id, principalOf(req)),
    );

    app.get(
      '/v1/cases/:id/attachments/:attachmentId/link',
      {
        config: { access: 'case.read' },
        schema: {
          tags: ['cases'],
          summary: "A short-lived link to an attachment's bytes (ATTACHMENT_LINK_TTL), after the access check of reading the case",
          description: 'An object store answers a presigned GET; the local store a signed link to GET /v1/attachments/{attachmentId}/content.',
          params: attachmentParams,
          querystring: linkQuery,
          response: { 200: attachmentLink, ...errors },
        },
      },
      async (req) => service.link(req.params.id, req.params.attachmentId, principalOf(req), truthy(req.query.download)),
    );

    app.delete(
      '/v1/cases/:id/attachments/:attachmentId',
      {
        config: { access: 'case.detach' },
        schema: {
          tags: ['cases'],
          summary: 'Withdraw an attachment (who added it, while the case is open; a supervisor any)',
          description: 'The record keeps it with removedAt and removedBy; its bytes are deleted from the store.',
          params: attachmentParams,
          response: { 200: z.union([attachmentView, publicAttachmentView]), ...errors },
        },
      },
      async (req) => service.remove(req.params.id, req.params.attachmentId, principalOf(req)),
    );

    // The complainant's, with the case number and X-Case-Code (a wrong or missing code: 404 like no case).
    app.post(
      '/v1/public/cases/:number/attachments',
      {
        config: { access: 'case.attach', selfService: true },
        schema: {
          tags: ['self-service'],
          summary: 'The complainant adds a photo or video to their case (until it is closed)',
          description: UPLOAD,
          consumes: ['multipart/form-data'],
          params: publicCaseParams,
          headers: caseCodeHeaders,
          querystring: uploadQuery,
          body: uploadBody,
          response: { 201: publicAttachmentView, ...selfServiceErrors, 413: problemSchema, 415: problemSchema },
        },
      },
      async (req, reply) => {
        const who = complainantOf(req.principal, req.params.number);
        return reply.code(201).send((await service.upload(req.params.number, who, req.query.stage, parts(req))) as z.infer<typeof publicAttachmentView>);
      },
    );

    app.get(
      '/v1/public/cases/:number/attachments',
      {
        config: { access: 'case.read', selfService: true },
        schema: {
          tags: ['self-service'],
          summary: 'The photos and videos of a case, for its complainant: theirs, those that came with the complaint, the unit’s reply photos',
          params: publicCaseParams,
          headers: caseCodeHeaders,
          response: { 200: publicAttachmentList, ...selfServiceErrors },
        },
      },
      async (req) => (await service.list(req.params.number, complainantOf(req.principal, req.params.number))) as z.infer<typeof publicAttachmentList>,
    );

    app.get(
      '/v1/public/cases/:number/attachments/:attachmentId/link',
      {
        config: { access: 'case.read', selfService: true },
        schema: {
          tags: ['self-service'],
          summary: 'A short-lived link to one of them',
          params: publicAttachmentParams,
          headers: caseCodeHeaders,
          querystring: linkQuery,
          response: { 200: attachmentLink, ...selfServiceErrors },
        },
      },
      async (req) => service.link(req.params.number, req.params.attachmentId, complainantOf(req.principal, req.params.number), truthy(req.query.download)),
    );

    app.delete(
      '/v1/public/cases/:number/attachments/:attachmentId',
      {
        config: { access: 'case.detach', selfService: true },
        schema: {
          tags: ['self-service'],
          summary: 'The complainant withdraws a photo or video they added (until the case is closed)',
          params: publicAttachmentParams,
          headers: caseCodeHeaders,
          response: { 200: publicAttachmentView, ...selfServiceErrors, 403: problemSchema },
        },
      },
      async (req) => (await service.remove(req.params.number, req.params.attachmentId, complainantOf(req.principal, req.params.number))) as z.infer<typeof publicAttachmentView>,
    );

    app.get(
      '/v1/attachments/:attachmentId/content',
      {
        config: { access: 'public' },
        schema: {
          tags: ['cases'],
          summary: "An attachment's bytes through a signed link (the local store's; GET …/attachments/{attachmentId}/link issues them)",
          description:
            'The signature and its expiry are the credential, issued after the access check of reading the case: 403 when the link is ' +
            'forged or has expired, 404 when the attachment was withdrawn since. One byte range (Range: bytes=a-b) is served as 206.',
          params: z.object({ attachmentId }),
          querystring: contentQuery,
          response: { 400: problemSchema, 403: problemSchema, 404: problemSchema, 416: problemSchema, 429: problemSchema },
        },
      },
      async (req, reply) => {
        const got = await service.content(req.params.attachmentId, { expires: req.query.expires, download: req.query.download === '1', masked: req.query.masked === '1', signature: req.query.signature }, req.headers.range);
        if (got.status === 416) {
          reply.header('content-range', `bytes */${got.size}`);
          throw new DomainError('range_not_satisfiable', 'the range asked for lies outside the file', { errors: [{ field: 'headers.range', reason: `outside 0-${got.size - 1}` }] });
        }
        return sendBytes(reply, got);
      },
    );
  };
}

/** The bytes of a signed link (a stream, not a JSON answer: the route's schema lists only its problems). */
function sendBytes(reply: FastifyReply, got: Exclude<Awaited<ReturnType<AttachmentsService['content']>>, { status: 416 }>) {
  reply
    .code(got.status)
    .header('content-type', got.mediaType)
    .header('content-disposition', got.disposition)
    .header('accept-ranges', 'bytes')
    .header('cache-control', `private, max-age=${got.maxAgeSeconds}`)
    // Nothing in a stored file runs: no script, no plugin, no frame (a PDF opened inline included).
    .header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('x-content-type-options', 'nosniff');
  if (got.range) reply.header('content-range', `bytes ${got.range.start}-${got.range.end}/${got.size}`).header('content-length', String(got.range.end - got.range.start + 1));
  else reply.header('content-length', String(got.size));
  return reply.send(got.stream);
}
