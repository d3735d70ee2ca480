/**
 * The HTTP surface every versioned policy document shares (the assessment's, the analysis's): list the versions, read
 * the one in force or any one, store a new version (put in force at once), put an earlier one back in force. One
 * service call each (api/policy-versions.service.ts). What differs between documents is data: the path, the tag, the
 * access actions, the document's schemas and the words of the summaries.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GeneralAction } from '../domain/access.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import type { PolicyVersionsService } from './policy-versions.service.js';

export interface PolicyVersionsRoutes<D extends { version: number }, I> {
  /** '/v1/assessment-policies' */
  path: string;
  tag: string;
  /** Who reads the versions, who writes them (domain/access.ts). */
  access: { read: GeneralAction; write: GeneralAction };
  /** A stored document with its version, as answers show it. */
  document: z.ZodType<D>;
  /** What an administrator sends to store a new version (the document without its version, and a note). */
  input: z.ZodType<I>;
  /** What `active` means for this document (the summary's description of the flag). */
  activeMeans: string;
  /** How versions are used and kept (every write route's description). */
  versions: string;
  summaries: { list: string; active: string; one: string; store: string; storeDescription: string; activate: string };
}

const versionParams = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'a version number like 3')
    .transform(Number),
});

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

export function policyVersionsRoutes<D extends { version: number }, I>(service: PolicyVersionsService<D, I>, o: PolicyVersionsRoutes<D, I>): FastifyPluginAsyncZod {
  const summaryView = z.object({
    version: z.number(),
    active: z.boolean().describe(o.activeMeans),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable().describe('who stored it (the seed: "seed")'),
  });
  const policyView = summaryView.extend({ document: o.document });
  return async (app) => {
    app.get(
      o.path,
      {
        config: { access: o.access.read },
        schema: {
          tags: [o.tag],
          summary: o.summaries.list,
          response: { 200: z.object({ activeVersion: z.number().nullable(), items: z.array(summaryView) }), ...denied },
        },
      },
      async () => service.list(),
    );

    app.get(
      `${o.path}/active`,
      { config: { access: o.access.read }, schema: { tags: [o.tag], summary: o.summaries.active, response: { 200: policyView, 404: problemSchema, ...denied } } },
      async () => service.active(),
    );

    app.get(
      `${o.path}/:version`,
      {
        config: { access: o.access.read },
        schema: { tags: [o.tag], summary: o.summaries.one, params: versionParams, response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied } },
      },
      async (req) => service.get(req.params.version),
    );

    app.post(
      o.path,
      {
        config: { access: o.access.write },
        schema: {
          tags: [o.tag],
          summary: o.summaries.store,
          description: `${o.summaries.storeDescription} ${o.versions}`,
          body: o.input,
          response: { 201: policyView, 400: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        // The body was parsed by o.input (a z.ZodType<I>); the provider's generic view of it is I with undefined as unknown.
        const stored = await service.store(req.body as I, principalOf(req));
        return reply.code(201).header('location', `${o.path}/${stored.version}`).send(stored);
      },
    );

    app.post(
      `${o.path}/:version/activate`,
      {
        config: { access: o.access.write },
        schema: {
          tags: [o.tag],
          summary: o.summaries.activate,
          description: o.versions,
          params: versionParams,
          response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => service.activate(req.params.version),
    );
  };
}
