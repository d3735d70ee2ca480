/** HTTP surface of repeat complaints (并单): schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATUSES, REPEAT_CARDS } from '../domain/case.types.js';
import { principalOf } from './auth.js';
import { caseIdParams, createCaseBody, groupFlagView, pageQuery, problemSchema } from './cases.schemas.js';
import type { RepeatsService } from './repeats.service.js';

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const errors = { 400: problemSchema, 404: problemSchema, 503: problemSchema, ...denied };

/** A case in a repeat group, as lists show it: no complainant data, phone numbers in the title masked. */
const groupCase = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  title: z.string(),
  categoryId: z.string(),
  unitId: z.string().nullable(),
  areaUnitId: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  masterCaseId: z.string().nullable().describe('The master of the group this case was linked to (并单)'),
  repeatCount: z.number().describe('On a master: complaints in its group, itself included'),
  repeatCard: z.enum(REPEAT_CARDS).nullable(),
});

export const relatedList = z.object({
  caseId: z.string(),
  groupComplaint: groupFlagView
    .nullable()
    .optional()
    .describe('The flagged group complaint (群体诉求) the case is part of — many complainants on its category and place — beside its repeat group; null: none'),
  masterCaseId: z.string().nullable().describe("The master of the case's group (the case itself when it is one); null when it is in no group"),
  items: z.array(
    groupCase.extend({
      relation: z
        .enum(['master', 'member', 'match'])
        .describe("master: the group's master; member: linked to the same master; match: an earlier case with the same demand (closed ones included)"),
    }),
  ),
});

export const repeatsQuery = z.strictObject({
  card: z.enum(REPEAT_CARDS).optional().describe("masters whose group earned this card"),
  ...pageQuery,
});

export const masterList = z.object({
  items: z.array(groupCase.extend({ escalationLevel: z.number(), updatedAt: z.string() })),
  nextCursor: z.string().nullable(),
});

/** A complaint being typed: what the repeat rules compare (category, place, the complainant's phone). */
export const repeatSearchBody = createCaseBody.pick({ categoryId: true, location: true, complainant: true });

export const likelyRepeats = z.object({
  masterCaseId: z.string().nullable().describe('The master the complaint would be linked to if it were opened now; null: none'),
  items: z.array(groupCase.extend({ relation: z.enum(['master', 'match']) })),
});

export function repeatsRoutes(repeats: RepeatsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/repeats/search',
      {
        config: { access: 'case.open' },
        schema: {
          tags: ['cases'],
          summary: 'Likely repeats (并单) of a complaint being typed, before it is opened: the master it would join and earlier cases with the same demand',
          description:
            "The intake's own search and rules (same category, and the same place, nearby coordinates or the same phone, inside the " +
            "policy's window), for those who open cases. A POST so the phone never travels in a URL. Only cases the caller may read; no complainant data.",
          body: repeatSearchBody,
          response: { 200: likelyRepeats, ...errors },
        },
      },
      async (req) => repeats.likely(req.body, principalOf(req)),
    );

    app.get(
      '/v1/cases/:id/related',
      {
        config: { access: 'case.related' },
        schema: {
          tags: ['cases'],
          summary: 'Related cases (并单): the master of its repeat group, the members, and earlier cases with the same demand',
          description:
            "The case must be in the caller's scope; related cases the caller may not read are left out. No complainant data. groupComplaint: " +
            'the group complaint (群体诉求) the analysis watch flagged on its category and place whose window holds the case, looked up now.',
          params: caseIdParams,
          response: { 200: relatedList, ...errors },
        },
      },
      async (req) => repeats.related(req.params.id, principalOf(req)),
    );

    app.get(
      '/v1/repeats',
      {
        config: { access: 'repeat.read' },
        schema: {
          tags: ['supervision'],
          summary: 'Open masters of repeat complaints, hottest first, with their count and card (yellow 3, orange 4, red 5+ by default)',
          querystring: repeatsQuery,
          response: { 200: masterList, ...errors },
        },
      },
      async (req) => repeats.openMasters(req.query),
    );
  };
}
