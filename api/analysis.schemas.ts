/** zod schemas of the analysis API (categories, trends, hot spots, group complaints, the cases behind a figure). */
import { z } from 'zod';
import { PLACE_LEVELS } from '../domain/analysis.policy.js';
import { PERIOD_KINDS } from '../domain/assessment.rules.js';
import { caseSummary, pageQuery } from './cases.schemas.js';

const unitId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'a unit id like d01-s02');
const categoryId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'a category id like env.noise');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD');

/** The days a figure covers: from–to (local dates, both included), or a period of a kind (default: the last complete month). */
export const rangeQuery = {
  from: day.optional().describe('first local day (YYYY-MM-DD, the calendar’s time zone), with `to`'),
  to: day.optional().describe('last local day, included; at most 731 days after `from`'),
  periodKind: z.enum(PERIOD_KINDS).default('month').describe('without from/to: the period’s kind (day, week, month, assessment_month, year)'),
  period: z
    .string()
    .max(10)
    .regex(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/, 'a period label: 2026-04-03, 2026-W14, 2026-04, 2026')
    .optional()
    .describe('without from/to: the period’s label; default the last complete period'),
  unitId: unitId.optional().describe('the cases placed in or sent to this unit and the units below it (a unit leader: default and at most their own)'),
  categoryId: categoryId.optional().describe('the cases of this category and every category below it'),
};

export const categoriesQuery = z.strictObject({
  ...rangeQuery,
  level: z.coerce.number().int().min(1).max(5).default(1).describe('taxonomy level counted at: 1 = the root categories'),
  topN: z.coerce.number().int().min(1).max(100).optional().describe('categories listed by name (default the analysis policy’s); the rest are one row'),
});
export type CategoriesQuery = z.infer<typeof categoriesQuery>;

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const trendsQuery = z.strictObject({
  ...rangeQuery,
  granularity: z.enum(GRANULARITIES).default('day').describe('local days, Monday–Sunday weeks (named by their Monday), or months'),
  basis: z
    .enum(['received', 'dispatched'])
    .default('received')
    .describe('received: complaints by the day they came in (every complaint); dispatched: the times cases were sent to units, by the day sent (the assessment’s workload counter)'),
});
export type TrendsQuery = z.infer<typeof trendsQuery>;

export const hotspotsQuery = z.strictObject({
  ...rangeQuery,
  by: z.enum(['unit', 'cell']).default('unit').describe('unit: per unit of place at `level`; cell: per geohash cell of the coordinates at `precision`'),
  level: z.enum(PLACE_LEVELS).default('community').describe('with by=unit: district, street, community or grid'),
  precision: z.coerce.number().int().min(1).max(12).optional().describe('with by=cell: geohash precision (default the analysis policy’s; 7 ≈ 153 m)'),
  limit: z.coerce.number().int().min(1).max(500).default(20).describe('rows, the hottest first'),
});
export type HotspotsQuery = z.infer<typeof hotspotsQuery>;

export const groupComplaintsQuery = z.strictObject({ ...rangeQuery });
export type GroupComplaintsQuery = z.infer<typeof groupComplaintsQuery>;

const caseIdList = z
  .string()
  .max(20 * 200)
  .regex(/^HL[0-9A-Z]{16}(,HL[0-9A-Z]{16}){0,199}$/, 'case numbers, comma-separated (at most 200)');

export const analysisCasesQuery = z.strictObject({
  ...rangeQuery,
  placeUnitId: unitId.optional().describe('the cases placed in this unit and the units below it (a hot spot’s)'),
  cell: z.string().regex(/^[0-9b-hjkmnp-z]{1,12}$/, 'a geohash like wx4g0ec').optional().describe('the cases whose coordinates are in this geohash cell'),
  caseIds: caseIdList.optional().describe('these cases (a group complaint’s)'),
  categoryScope: z
    .enum(['subtree', 'own'])
    .default('subtree')
    .describe('with categoryId: subtree (default) the category and every category below it; own: cases recorded at that category itself'),
  ...pageQuery,
});
export type AnalysisCasesQuery = z.infer<typeof analysisCasesQuery>;

/** The kinds of stored alerts a reader lists (the watch's day markers are no alert). */
export const ALERT_KINDS = ['group_complaint', 'surge'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const alertsQuery = z.strictObject({
  kind: z.enum(ALERT_KINDS).optional().describe('group_complaint (群体诉求) or surge (诉求激增); absent: both'),
  from: day.optional().describe('alerts detected on or after this local day (YYYY-MM-DD, the calendar’s time zone)'),
  to: day.optional().describe('alerts detected on or before this local day'),
  unitId: unitId
    .optional()
    .describe('alerts told to this unit or a unit below it (a group’s or surge’s street), or placed at one (a group on a grid or community)'),
  ...pageQuery,
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Answers

const link = z.string().describe('the cases behind this figure: GET it with the same credentials (a masked case list)');

export const rangeView = z.object({
  from: z.string(),
  to: z.string(),
  periodKind: z.enum(PERIOD_KINDS).nullable().describe('null when asked by from/to'),
  period: z.string().nullable(),
});

const filterView = {
  range: rangeView,
  unitId: z.string().nullable(),
  categoryId: z.string().nullable(),
  policyVersion: z.number().describe('the analysis policy version the answer used'),
};

export const categoriesView = z.object({
  ...filterView,
  level: z.number(),
  topN: z.number(),
  total: z.number(),
  cases: link,
  top: z.array(z.object({ categoryId: z.string(), name: z.string(), count: z.number(), shareBp: z.number().describe('share of the whole in basis points (1/10,000); the rows and `other` add up to 10,000'), cases: link })),
  other: z.object({ categories: z.number(), count: z.number(), shareBp: z.number() }).nullable(),
  topShareBp: z.number(),
});
export type CategoriesView = z.infer<typeof categoriesView>;

const changeView = z.object({
  period: z.string(),
  count: z.number(),
  delta: z.number(),
  ratio: z.number().nullable().describe('(count − base) / base; null when the base is 0'),
});

export const trendsView = z.object({
  ...filterView,
  granularity: z.enum(GRANULARITIES),
  basis: z.enum(['received', 'dispatched']),
  total: z.number(),
  periods: z.array(
    z.object({
      period: z.string(),
      from: z.string(),
      to: z.string(),
      count: z.number(),
      previous: changeView.describe('环比: against the period before'),
      yearAgo: changeView.describe('同比: against the same period a year before'),
      cases: link,
    }),
  ),
});
export type TrendsView = z.infer<typeof trendsView>;

const bounds = z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() });
export const hotspotsView = z.object({
  ...filterView,
  by: z.enum(['unit', 'cell']),
  level: z.enum(PLACE_LEVELS).nullable(),
  precision: z.number().nullable(),
  total: z.number(),
  unplaced: z.number().describe('cases without a unit at the level (by=unit) or without usable coordinates (by=cell)'),
  rows: z.array(
    z.object({
      unitId: z.string().nullable(),
      name: z.string().nullable(),
      cell: z.string().nullable(),
      bounds: bounds.nullable(),
      centre: z.object({ lat: z.number(), lng: z.number() }).nullable(),
      count: z.number(),
      cases: link,
    }),
  ),
});
export type HotspotsView = z.infer<typeof hotspotsView>;

export const groupComplaintView = z.object({
  id: z.string().describe('stable: the category, the place and the group’s first case'),
  categoryId: z.string(),
  categoryName: z.string(),
  place: z.object({
    kind: z.enum(['cell', 'unit']),
    cell: z.string().nullable(),
    bounds: bounds.nullable(),
    unitId: z.string().nullable(),
    name: z.string().nullable(),
  }),
  windowStart: z.string(),
  windowEnd: z.string(),
  detectedAt: z.string().describe('when the group reached the threshold: the receipt of the case that made it'),
  detectedByCaseId: z.string(),
  complainants: z.number().describe('distinct complainants (told apart by phone)'),
  caseIds: z.array(z.string()),
  cases: link,
});
export type GroupComplaintView = z.infer<typeof groupComplaintView>;

export const groupComplaintsView = z.object({
  ...filterView,
  policy: z.object({ minComplainants: z.number(), windowDays: z.number(), cellPrecision: z.number() }),
  items: z.array(groupComplaintView),
});
export type GroupComplaintsView = z.infer<typeof groupComplaintsView>;

export const analysisCaseList = z.object({
  range: rangeView,
  items: z.array(caseSummary),
  nextCursor: z.string().nullable(),
});
export type AnalysisCaseList = z.infer<typeof analysisCaseList>;

export const alertView = z.object({
  id: z.number(),
  kind: z.enum(ALERT_KINDS),
  categoryId: z.string(),
  categoryName: z.string(),
  unitId: z.string().nullable().describe('the unit told: the street of the place (null: the city platform)'),
  unitName: z.string().nullable(),
  detectedAt: z.string().describe('a group: the receipt of the case that made it; a surge: the watch run that found it'),
  recordedAt: z.string().describe('when the watch recorded it (and sent its notices)'),
  group: z
    .object({
      place: z.object({ kind: z.enum(['cell', 'unit']), cell: z.string().nullable(), unitId: z.string().nullable(), name: z.string().nullable() }),
      windowStart: z.string(),
      windowEnd: z.string(),
      complainants: z.number().describe('distinct complainants when it was flagged (told apart by phone; never the phones)'),
      caseIds: z.array(z.string()).describe('the cases in the group when it was flagged; later cases of its category and place inside its window join it'),
      detectedByCaseId: z.string(),
      cases: link,
    })
    .nullable()
    .describe('kind group_complaint'),
  surge: z
    .object({
      day: z.string().describe('the local day evaluated'),
      windowFrom: z.string(),
      count: z.number(),
      baselineFrom: z.string(),
      baselineTo: z.string(),
      baselineCount: z.number(),
      baselineAverage: z.number(),
      endedOn: z.string().nullable().describe('the first day it no longer held; null: going on'),
      cases: link,
    })
    .nullable()
    .describe('kind surge'),
});
export type AlertView = z.infer<typeof alertView>;

export const alertList = z.object({ items: z.array(alertView), nextCursor: z.string().nullable() });
export type AlertList = z.infer<typeof alertList>;
