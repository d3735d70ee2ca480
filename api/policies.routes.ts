/** HTTP surface of the case policy versions: schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policyDocumentSchema, policyInputSchema } from '../domain/policy.schema.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import type { PoliciesService } from './policies.service.js';

const versionParams = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'a version number like 3')
    .transform(Number),
});

const summaryView = z.object({
  version: z.number(),
  active: z.boolean().describe('the version new cases open under (exactly one is)'),
  note: z.string().nullable(),
  createdAt: z.string(),
});
const policyView = summaryView.extend({
  document: policyDocumentSchema.describe('the stored document; a calendarRegion is resolved to that region’s official calendar when a case opens'),
});

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

const VERSIONS =
  'A case keeps the version it opened under (its deadlines never move because a policy changed); a new version ' +
  'applies to cases opened after it: on this API instance at once, on others within their reference refresh interval (a minute).';

export function policiesRoutes(policies: PoliciesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/policies',
      {
        config: { access: 'policy.read' },
        schema: {
          tags: ['policies'],
          summary: 'Case policy versions, newest first, and which one is in force',
          response: { 200: z.object({ activeVersion: z.number().nullable(), items: z.array(summaryView) }), ...denied },
        },
      },
      async () => policies.list(),
    );

    app.get(
      '/v1/policies/active',
      {
        config: { access: 'policy.read' },
        schema: {
          tags: ['policies'],
          summary: 'The policy version in force (new cases open under it)',
          response: { 200: policyView, 404: problemSchema, ...denied },
        },
      },
      async () => policies.active(),
    );

    app.get(
      '/v1/policies/:version',
      {
        config: { access: 'policy.read' },
        schema: {
          tags: ['policies'],
          summary: 'One policy version',
          params: versionParams,
          response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => policies.get(req.params.version),
    );

    app.put(
      '/v1/policies',
      {
        config: { access: 'policy.write' },
        schema: {
          tags: ['policies'],
          summary: 'Store a new policy version and put it in force (admins)',
          description:
            'The body is a whole policy document without its version (the next number is given) and an optional note. ' +
            'Name the official calendar with calendarRegion (e.g. CN) or give an inline calendar, not both. ' +
            `Unknown fields are refused; errors name the field, e.g. body.clocks.general.reply.unit. ${VERSIONS}`,
          body: policyInputSchema,
          response: { 201: policyView, 400: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const stored = await policies.store(req.body, principalOf(req));
        return reply.code(201).header('location', `/v1/policies/${stored.version}`).send(stored);
      },
    );
  };
}
