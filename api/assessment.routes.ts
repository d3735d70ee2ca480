/**
 * HTTP surface of the assessment read side: rankings, one unit's figures, the cases behind a figure, published
 * rankings (staff and public). Schemas in, schemas out, one service call each; `format=csv|xlsx` answers a file
 * (api/assessment.export.ts) instead of the JSON.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from './auth.js';
import { attachment, rankingFile, unitFiguresFile, type ExportFile } from './assessment.export.js';
import {
  drillList,
  drillQuery,
  publicationList,
  publicationListQuery,
  publicationParams,
  publicationQuery,
  publicationView,
  publicListQuery,
  publicRankingList,
  publicRankingView,
  publishBody,
  publishedView,
  rankingQuery,
  rankingView,
  unitFiguresParams,
  unitFiguresQuery,
  unitFiguresView,
} from './assessment.schemas.js';
import type { AssessmentService } from './assessment.service.js';
import { problemSchema } from './cases.schemas.js';

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const FILES =
  ' format=csv answers text/csv (UTF-8 with a BOM; a header block with the period, its days, the policy version and the formulas, then the ' +
  'table); format=xlsx a workbook with the table and a sheet 说明 About with the same. Headers are Chinese with the English beside them.';
const WHO =
  ' Analysts, supervisors and admins read every unit; a unit leader reads their unit and the units below it, and in a ranking sees only those ' +
  'rows, each with its rank among all peers (peers says how many; restricted: true).';

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply.header('content-type', file.contentType).header('content-disposition', attachment(file.filename)).send(file.body);
}

export function assessmentRoutes(assessment: AssessmentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/rankings',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'A level’s ranking for a period: rank, score, every rate with its numerator and denominator, the change since the previous period',
          description:
            'Units of the level (under `within`, or all) ranked by composite score with the assessment policy in force: ties share a rank ' +
            '(1, 1, 3); units below the policy’s minimum of valid callbacks are listed unranked after the others; the bottom N are flagged. ' +
            'A unit’s figures are its subtree’s (the unit and every unit below it).' +
            WHO +
            FILES,
          querystring: rankingQuery,
          response: { 200: rankingView, 400: problemSchema, 503: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const { format, ...q } = req.query;
        const view = await assessment.ranking(q, principalOf(req));
        return format === 'json' ? view : sendFile(reply, await rankingFile(format, view));
      },
    );

    app.get(
      '/v1/units/:unitId/figures',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'One unit’s figures for a period: its own, and its subtree’s (what a ranking of its level shows)',
          description: `Each figure with its numerator and denominator, and the counters behind them.${WHO}${FILES}`,
          params: unitFiguresParams,
          querystring: unitFiguresQuery,
          response: { 200: unitFiguresView, 400: problemSchema, 404: problemSchema, 503: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const { format, ...q } = req.query;
        const view = await assessment.unitFigures(req.params.unitId, q, principalOf(req));
        return format === 'json' ? view : sendFile(reply, await unitFiguresFile(format, view));
      },
    );

    app.get(
      '/v1/assessment/cases',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'The cases behind a figure or a counter of a unit in a period (drill-down), masked as the case list',
          description:
            'figure=resolutionRate lists the cases in the figure’s denominator (the valid callbacks) with what each added to the numerator ' +
            'and what it cost (`lost`); missed=true keeps only the ones that cost the unit (valid but not resolved). counter=returned lists ' +
            'the cases that added to a counter. Keyset pages in (day, case, unit) order.' +
            WHO,
          querystring: drillQuery,
          response: { 200: drillList, 400: problemSchema, 404: problemSchema, 503: problemSchema, ...denied },
        },
      },
      async (req) => assessment.drill(req.query, principalOf(req)),
    );

    app.post(
      '/v1/rankings/publications',
      {
        config: { access: 'assessment.publish' },
        schema: {
          tags: ['assessment'],
          summary: 'Publish a period’s ranking: frozen with the assessment policy version in force; again for the same period makes its next version',
          description:
            'Computes the ranking now and stores it as version n+1 of (level, within, period kind, period); earlier versions never change. ' +
            '`changes` lists the rows whose rank or score differ from the version before. Admins publish any ranking, a supervisor those ' +
            'within their subtree (within=their unit or one below it). public: true makes it readable at /v1/public/rankings/{publicationId}.',
          body: publishBody,
          response: { 201: publishedView, 400: problemSchema, 503: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const published = await assessment.publish(req.body, principalOf(req));
        return reply.code(201).header('location', `/v1/rankings/publications/${published.id}`).send(published);
      },
    );

    app.get(
      '/v1/rankings/publications',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'Published rankings and their versions, newest first',
          querystring: publicationListQuery,
          response: { 200: publicationList, 400: problemSchema, ...denied },
        },
      },
      async (req) => assessment.publications(req.query, principalOf(req)),
    );

    app.get(
      '/v1/rankings/publications/:publicationId',
      {
        config: { access: 'assessment.read' },
        schema: {
          tags: ['assessment'],
          summary: 'One published ranking as it was published (and the version that corrected it, if any)',
          description: WHO + FILES,
          params: publicationParams,
          querystring: publicationQuery,
          response: { 200: publicationView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const view = await assessment.publication(req.params.publicationId, principalOf(req));
        if (req.query.format === 'json') return view;
        const { ranking, ...publication } = view;
        return sendFile(reply, await rankingFile(req.query.format, ranking, publication));
      },
    );

    app.get(
      '/v1/public/rankings',
      {
        config: { access: 'public' },
        schema: {
          tags: ['assessment'],
          summary: 'Rankings published as public, newest first (no sign-in)',
          querystring: publicListQuery,
          response: { 200: publicRankingList, 400: problemSchema, 429: problemSchema },
        },
      },
      async (req) => assessment.publicRankings(req.query),
    );

    app.get(
      '/v1/public/rankings/:publicationId',
      {
        config: { access: 'public' },
        schema: {
          tags: ['assessment'],
          summary: 'A ranking published as public (no sign-in): units, ranks, scores and rates; no staff, no notes, no case numbers',
          description: 'A ranking that was not published as public answers 404 exactly like one that does not exist.',
          params: publicationParams,
          response: { 200: publicRankingView, 400: problemSchema, 404: problemSchema, 429: problemSchema },
        },
      },
      async (req) => assessment.publicRanking(req.params.publicationId),
    );
  };
}
