/**
 * HTTP surface of the analysis (未诉先办): category distribution, trends, hot spots, group complaints, the alerts the
 * watch stored, and the cases behind a figure. Schemas in, schemas out, one service call each (api/analysis.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from './auth.js';
import {
  alertList,
  alertsQuery,
  analysisCaseList,
  analysisCasesQuery,
  categoriesQuery,
  categoriesView,
  groupComplaintsQuery,
  groupComplaintsView,
  hotspotsQuery,
  hotspotsView,
  trendsQuery,
  trendsView,
} from './analysis.schemas.js';
import type { AnalysisService } from './analysis.service.js';
import { problemSchema } from './cases.schemas.js';

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const failures = { 400: problemSchema, 503: problemSchema, ...denied };

const COMMON =
  ' Days are local dates of the calendar’s time zone: from–to (both included, at most 731 days), or periodKind and period (default the ' +
  'last complete month). unitId: the cases placed in or sent to that unit and the units below it; categoryId: that category and below. ' +
  'Analysts, supervisors and admins read the whole city; a unit leader their own unit’s subtree (by default, and at most). Every figure ' +
  'carries `cases`: a link to the cases behind it.';

export function analysisRoutes(analysis: AnalysisService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/analysis/categories',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Category distribution of the complaints received: the top N at a taxonomy level with their share of the whole',
          description:
            'Shares are whole basis points (1/10,000) apportioned by the largest remainder, so the rows and `other` add up to exactly 10,000. ' +
            'A case counts at its category’s ancestor of the level (a case recorded above the level counts as its own category).' +
            COMMON,
          querystring: categoriesQuery,
          response: { 200: categoriesView, ...failures },
        },
      },
      async (req) => analysis.categories(req.query, principalOf(req)),
    );

    app.get(
      '/v1/analysis/trends',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Volume per day, week or month, with month-on-month (环比) and year-on-year (同比) change',
          description:
            'Whole periods from the one containing `from` to the one containing `to`; each with the period before and the same period a year ' +
            'before (a week: 52 weeks before; 29 February: the 28th). basis=received counts complaints by the day they came in; ' +
            'basis=dispatched the times cases were sent to units by the day sent (its `cases` links to the assessment’s drill-down).' +
            COMMON,
          querystring: trendsQuery,
          response: { 200: trendsView, ...failures },
        },
      },
      async (req) => analysis.trends(req.query, principalOf(req)),
    );

    app.get(
      '/v1/analysis/hotspots',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Hot spots: complaints per unit of place (community, grid, street, district) or per geohash cell of their coordinates',
          description: `by=unit counts each case at its place unit’s ancestor of the level; by=cell at the cell of its coordinates (precision from the analysis policy unless given).${COMMON}`,
          querystring: hotspotsQuery,
          response: { 200: hotspotsView, ...failures },
        },
      },
      async (req) => analysis.hotspots(req.query, principalOf(req)),
    );

    app.get(
      '/v1/analysis/group-complaints',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Group complaints (群体诉求): many distinct complainants on one category and one place within the policy’s window',
          description:
            'A group is flagged at the case that brings the distinct complainants (told apart by phone; complaints without one count for ' +
            'nobody) of one category and one place — the geohash cell of the coordinates, else the grid or community — within the window to ' +
            'the policy’s minimum; later cases of the same issue inside its window join it. Listed are the groups flagged on the days asked.' +
            COMMON,
          querystring: groupComplaintsQuery,
          response: { 200: groupComplaintsView, ...failures },
        },
      },
      async (req) => analysis.groupComplaints(req.query, principalOf(req)),
    );

    app.get(
      '/v1/analysis/alerts',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Alerts the analysis watch flagged: group complaints (群体诉求) and surges (诉求激增), the latest detected first',
          description:
            'Each finding once, as it was recorded when it was first flagged (and its notices sent): a group’s category, place, window, ' +
            'complainants and cases; a surge’s street, window, count and baseline, and the day it ended. from–to: local days of detection. ' +
            'Analysts, supervisors and admins read all; a unit leader those told to or placed at their unit or a unit below it. No personal ' +
            'data. Keyset pages.',
          querystring: alertsQuery,
          response: { 200: alertList, ...failures },
        },
      },
      async (req) => analysis.alerts(req.query, principalOf(req)),
    );

    app.get(
      '/v1/analysis/cases',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'The cases behind an analysis figure, newest received first, masked as the case list masks them',
          description: `Filters as the figures take them, and placeUnitId (a hot spot’s unit), cell (a hot spot’s geohash) or caseIds (a group complaint’s). Keyset pages.${COMMON}`,
          querystring: analysisCasesQuery,
          response: { 200: analysisCaseList, ...failures },
        },
      },
      async (req) => analysis.cases(req.query, principalOf(req)),
    );
  };
}
