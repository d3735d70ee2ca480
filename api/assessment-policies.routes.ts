/** HTTP surface of the assessment policy versions: schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentPolicyInputSchema, assessmentPolicySchema } from '../domain/assessment.policy.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import type { AssessmentPoliciesService } from './assessment-policies.service.js';

const versionParams = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'a version number like 3')
    .transform(Number),
});

const summaryView = z.object({
  version: z.number(),
  active: z.boolean().describe('the version rankings and figures are computed with now (exactly one is)'),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('who stored it (the seed: "seed")'),
});
const policyView = summaryView.extend({ document: assessmentPolicySchema });

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

const VERSIONS =
  'Figures and rankings are computed with the version in force when asked; a published ranking keeps the version it was ' +
  'computed with, so a new version never changes it (publishing the period again makes its next version).';

export function assessmentPoliciesRoutes(policies: AssessmentPoliciesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/assessment-policies',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'Assessment policy versions, newest first, and which one is in force',
          response: { 200: z.object({ activeVersion: z.number().nullable(), items: z.array(summaryView) }), ...denied },
        },
      },
      async () => policies.list(),
    );

    app.get(
      '/v1/assessment-policies/active',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'The assessment policy in force: weights, factor, minimum volume, bottom N, assessment month',
          response: { 200: policyView, 404: problemSchema, ...denied },
        },
      },
      async () => policies.active(),
    );

    app.get(
      '/v1/assessment-policies/:version',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'One assessment policy version',
          params: versionParams,
          response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => policies.get(req.params.version),
    );

    app.post(
      '/v1/assessment-policies',
      {
        config: { access: 'assessment_policy.write' },
        schema: {
          tags: ['assessment'],
          summary: 'Store a new assessment policy version and put it in force (admins)',
          description:
            'The body is a whole document without its version (the next number is given) and an optional note. The weights must ' +
            `add up to 1; unknown fields are refused; errors name the field, e.g. body.ranking.minValidCallbacks. ${VERSIONS}`,
          body: assessmentPolicyInputSchema,
          response: { 201: policyView, 400: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const stored = await policies.store(req.body, principalOf(req));
        return reply.code(201).header('location', `/v1/assessment-policies/${stored.version}`).send(stored);
      },
    );

    app.post(
      '/v1/assessment-policies/:version/activate',
      {
        config: { access: 'assessment_policy.write' },
        schema: {
          tags: ['assessment'],
          summary: 'Put a stored assessment policy version in force again (admins)',
          description: VERSIONS,
          params: versionParams,
          response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => policies.activate(req.params.version),
    );
  };
}
