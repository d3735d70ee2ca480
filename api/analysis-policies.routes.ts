/**
 * HTTP surface of the analysis policy versions (domain/analysis.policy.ts: group-complaint and surge thresholds, the
 * cells of hot spots, the category ranking's length, when reports run): whoever reads the analysis reads them; admins
 * store a new version (put in force at once) or put an earlier one back in force. Served by the generic policy
 * versions service (api/policy-versions.service.ts) over db/analysis-policy.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisPolicyInputSchema, analysisPolicySchema, type AnalysisPolicy } from '../domain/analysis.policy.js';
import type { Database } from '../db/client.js';
import { analysisPolicyOf, analysisPolicyStore, type VersionedAnalysisPolicy } from '../db/analysis-policy.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import { createPolicyVersionsService } from './policy-versions.service.js';

type AnalysisPolicyInput = AnalysisPolicy & { note?: string | undefined };

export function createAnalysisPoliciesService(deps: { db: Database }) {
  return createPolicyVersionsService<VersionedAnalysisPolicy, AnalysisPolicyInput>({
    db: deps.db,
    store: analysisPolicyStore,
    documentOf: analysisPolicyOf,
    label: 'analysis policy',
    storeRoute: 'POST /v1/analysis-policies',
    split: ({ note, ...document }) => ({ document, note: note ?? null }),
  });
}
export type AnalysisPoliciesService = ReturnType<typeof createAnalysisPoliciesService>;

const versionParams = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'a version number like 3')
    .transform(Number),
});

const summaryView = z.object({
  version: z.number(),
  active: z.boolean().describe('the version analysis answers and reports are computed with now (exactly one is)'),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('who stored it (the seed: "seed")'),
});
const policyView = summaryView.extend({ document: analysisPolicySchema.extend({ version: z.number() }) });
const inputSchema = analysisPolicyInputSchema.extend({ note: z.string().trim().min(1).max(500).optional().describe('why this version (kept with it)') });

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

const VERSIONS =
  'Analysis answers use the version in force when asked; a stored report names the version it was computed with and never ' +
  'changes. The report Schedules take their times from the version in force when the worker starts (REPORT_*_CRON overrides).';

export function analysisPoliciesRoutes(policies: AnalysisPoliciesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/analysis-policies',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Analysis policy versions, newest first, and which one is in force',
          response: { 200: z.object({ activeVersion: z.number().nullable(), items: z.array(summaryView) }), ...denied },
        },
      },
      async () => policies.list(),
    );

    app.get(
      '/v1/analysis-policies/active',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'The analysis policy in force: top N, hot-spot cells, group-complaint and surge thresholds, report times',
          response: { 200: policyView, 404: problemSchema, ...denied },
        },
      },
      async () => policies.active(),
    );

    app.get(
      '/v1/analysis-policies/:version',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'One analysis policy version',
          params: versionParams,
          response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => policies.get(req.params.version),
    );

    app.post(
      '/v1/analysis-policies',
      {
        config: { access: 'analysis_policy.write' },
        schema: {
          tags: ['analysis'],
          summary: 'Store a new analysis policy version and put it in force (admins)',
          description: `The body is a whole document without its version (the next number is given) and an optional note; unknown fields are refused; errors name the field, e.g. body.groupComplaint.minComplainants. ${VERSIONS}`,
          body: inputSchema,
          response: { 201: policyView, 400: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const stored = await policies.store(req.body, principalOf(req));
        return reply.code(201).header('location', `/v1/analysis-policies/${stored.version}`).send(stored);
      },
    );

    app.post(
      '/v1/analysis-policies/:version/activate',
      {
        config: { access: 'analysis_policy.write' },
        schema: {
          tags: ['analysis'],
          summary: 'Put a stored analysis policy version in force again (admins)',
          description: VERSIONS,
          params: versionParams,
          response: { 200: policyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => policies.activate(req.params.version),
    );
  };
}
