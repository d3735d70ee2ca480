/** zod schemas of the assessment API (figures, rankings, drill-down, publications): requests and responses. */
import { z } from 'zod';
import { assessmentPolicySchema } from '../domain/assessment.policy.js';
import { FIGURE_NAMES } from '../domain/assessment.figures.js';
import { COUNTERS, PERIOD_KINDS } from '../domain/assessment.rules.js';
import { UNIT_TYPES } from '../domain/reference.types.js';
import { caseSummary, pageQuery } from './cases.schemas.js';

const unitId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'a unit id like d01-s02');

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const format = z
  .enum(EXPORT_FORMATS)
  .default('json')
  .describe('json (default); csv: UTF-8 with a BOM and a header block (period, days, policy version, formulas); xlsx: a sheet of rows and a sheet with the period, the policy version and the formulas');

const periodKind = z.enum(PERIOD_KINDS).default('assessment_month').describe('day, week (ISO), month, assessment_month (the policy’s assessmentMonth), year');
const period = z
  .string()
  .max(10)
  .regex(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/, 'a period label: 2026-04-03, 2026-W14, 2026-04, 2026')
  .optional()
  .describe('the period’s label (an assessment month is labelled by the month it ends in); default: the last complete period in the calendar’s local time');

export const rankingQuery = z.strictObject({
  level: z.enum(UNIT_TYPES).describe('the unit type ranked: street, district, department, community …'),
  periodKind,
  period,
  within: unitId.optional().describe('rank only the units of the level under this unit (within=d01: the streets of d01)'),
  format,
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const unitFiguresParams = z.object({ unitId });
export const unitFiguresQuery = z.strictObject({ periodKind, period, format });
export type UnitFiguresQuery = z.infer<typeof unitFiguresQuery>;

export const drillQuery = z.strictObject({
  unitId,
  figure: z.enum(FIGURE_NAMES).optional().describe('the cases behind this figure (its denominator); give figure or counter'),
  counter: z.enum(COUNTERS).optional().describe('the cases that added to this counter'),
  missed: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'with figure: only the cases that cost the unit on it. For a rate where higher is better, the cases in its denominator that did not ' +
        'earn the whole numerator (figure=resolutionRate&missed=true: valid callbacks not resolved); for the return and re-handle rates, ' +
        'the cases in the numerator',
    ),
  scope: z.enum(['subtree', 'own']).default('subtree').describe('subtree (default, as a ranking counts a unit): the unit and every unit below it; own: the unit alone'),
  periodKind,
  period,
  ...pageQuery,
});
export type DrillQuery = z.infer<typeof drillQuery>;

export const publishBody = z.strictObject({
  level: z.enum(UNIT_TYPES),
  periodKind,
  period: period.unwrap().describe('the period’s label: 2026-04'),
  within: unitId.optional(),
  public: z.boolean().default(false).describe('readable without signing in at /v1/public/rankings/{publicationId} (no personal data, no case numbers)'),
  note: z.string().trim().min(1).max(500).optional().describe('why this version (a correction says what it corrects)'),
});
export type PublishBody = z.infer<typeof publishBody>;

export const publicationParams = z.object({
  publicationId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'a publication id like 12')
    .transform(Number),
});
export const publicationQuery = z.strictObject({ format });

export const publicationListQuery = z.strictObject({
  level: z.enum(UNIT_TYPES).optional(),
  within: unitId.optional(),
  periodKind: z.enum(PERIOD_KINDS).optional(),
  period: period.describe('the period’s label'),
  limit: pageQuery.limit,
  cursor: z.string().regex(/^[1-9]\d{0,14}$/, 'nextCursor of the previous page').optional().describe('nextCursor of the previous page'),
});
export type PublicationListQuery = z.infer<typeof publicationListQuery>;
export const publicListQuery = publicationListQuery.omit({ within: true });

// ---------------------------------------------------------------------------------------------------------------
// Answers

export const figureView = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable().describe('numerator / denominator; null when the denominator is 0'),
});

const figuresView = z.object(Object.fromEntries(FIGURE_NAMES.map((f) => [f, figureView])) as Record<(typeof FIGURE_NAMES)[number], typeof figureView>);
const countsView = z.object(Object.fromEntries(COUNTERS.map((c) => [c, z.number()])) as Record<(typeof COUNTERS)[number], z.ZodNumber>);

const days = z.object({ from: z.string(), to: z.string() }).describe('first and last local day, inclusive');

export const formulaView = z.object({ figure: z.enum(FIGURE_NAMES), zh: z.string(), en: z.string() });
const notReportedView = z.object({ name: z.string(), zh: z.string(), en: z.string() });

export const rankingRowView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().nullable().describe('1 is best; ties share a rank (1, 1, 3); null: unranked'),
  unranked: z.enum(['below_minimum_volume']).nullable(),
  flagged: z.boolean().describe('among the bottom N of the ranked units (the policy’s ranking.bottomFlagged)'),
  score: figureView.describe('the composite score'),
  figures: figuresView,
  counts: countsView.describe('the counters behind the figures, summed over the unit’s subtree'),
  previousRank: z.number().nullable(),
  change: z.number().nullable().describe('previousRank − rank: positive when the unit moved up'),
  previousScore: z.number().nullable(),
  scoreChange: z.number().nullable(),
});
export type RankingRowView = z.infer<typeof rankingRowView>;

export const rankingView = z.object({
  level: z.string(),
  within: z.string().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  period: z.string(),
  days,
  previous: z.object({ period: z.string(), days }),
  policyVersion: z.number(),
  policy: assessmentPolicySchema,
  figureScope: z.literal('subtree').describe('a unit’s figures are its subtree’s: the unit and every unit below it'),
  formulas: z.array(formulaView),
  notReported: z.array(notReportedView),
  computedAt: z.string(),
  peers: z.object({ ranked: z.number(), unranked: z.number() }).describe('how many units the ranking has, whatever the reader is shown'),
  restricted: z.boolean().describe('true: the reader sees only the rows of their own subtree, each with its rank among all peers'),
  rows: z.array(rankingRowView),
});
export type RankingView = z.infer<typeof rankingView>;

const scopeFigures = z.object({ counts: countsView, figures: figuresView });
export const unitFiguresView = z.object({
  unit: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  periodKind: z.enum(PERIOD_KINDS),
  period: z.string(),
  days,
  policyVersion: z.number(),
  formulas: z.array(formulaView),
  notReported: z.array(notReportedView),
  own: scopeFigures.describe('what was counted for the unit itself'),
  subtree: scopeFigures.extend({ units: z.number() }).describe('the unit and every unit below it (what a ranking of its level shows)'),
});
export type UnitFiguresView = z.infer<typeof unitFiguresView>;

const termView = z.object({ counter: z.enum(COUNTERS), weight: z.number() });
export const drillItem = z.object({
  caseId: z.string(),
  unitId: z.string().describe('the unit the case counted for (in a subtree, the unit below)'),
  day: z.string().describe('the local day the contribution is dated (the callback, the dispatch, the clock’s stop …)'),
  counts: z.record(z.string(), z.number()).describe('what the case added to each counter of the figure'),
  numerator: z.number().nullable().describe('what the case added to the figure’s numerator (weighted); null for a counter'),
  denominator: z.number().describe('what the case added to the denominator (for a counter: to that counter)'),
  lost: z.number().nullable().describe('what the case cost the unit: denominator − numerator where higher is better, the numerator where lower is'),
  case: caseSummary.nullable().describe('the case as the case list shows it (personal data masked); null if the record lacks it'),
});
export const drillList = z.object({
  unitId: z.string(),
  scope: z.enum(['subtree', 'own']),
  periodKind: z.enum(PERIOD_KINDS),
  period: z.string(),
  days,
  policyVersion: z.number(),
  figure: z.object({ name: z.enum(FIGURE_NAMES), better: z.enum(['higher', 'lower']), denominator: z.enum(COUNTERS), numerator: z.array(termView), formula: formulaView }).nullable(),
  counter: z.enum(COUNTERS).nullable(),
  missed: z.boolean(),
  items: z.array(drillItem),
  nextCursor: z.string().nullable(),
});
export type DrillList = z.infer<typeof drillList>;

export const publicationSummary = z.object({
  id: z.number(),
  level: z.string(),
  within: z.string().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  period: z.string(),
  version: z.number().describe('1, 2 …: a correction of the same ranking is its next version; earlier versions never change'),
  policyVersion: z.number().describe('the assessment policy version it was computed with'),
  public: z.boolean(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  supersededBy: z.number().nullable().describe('the id of the version that corrected it, if any'),
});
export type PublicationSummary = z.infer<typeof publicationSummary>;

export const publicationView = publicationSummary.extend({ ranking: rankingView });
export type PublicationView = z.infer<typeof publicationView>;

const standing = z.object({ rank: z.number().nullable(), score: z.number().nullable() });
export const publicationChanges = z
  .object({
    previousId: z.number(),
    previousVersion: z.number(),
    previousPolicyVersion: z.number(),
    rows: z.array(z.object({ unitId: z.string(), unitName: z.string(), before: standing.nullable(), after: standing.nullable() })),
  })
  .nullable()
  .describe('what this version changed against the one before: the rows whose rank or score differ (null for version 1)');
export const publishedView = publicationView.extend({ changes: publicationChanges });
export type PublishedView = z.infer<typeof publishedView>;

export const publicationList = z.object({ items: z.array(publicationSummary), nextCursor: z.string().nullable() });

/** What anyone may read of a public ranking: no staff, no notes, no case numbers, no personal data. */
export const publicRankingRow = rankingRowView.omit({ counts: true });
export const publicRankingView = z.object({
  id: z.number(),
  level: z.string(),
  within: z.string().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  period: z.string(),
  days,
  version: z.number(),
  policyVersion: z.number(),
  publishedAt: z.string(),
  supersededBy: z.number().nullable(),
  formulas: z.array(formulaView),
  rows: z.array(publicRankingRow),
});
export type PublicRankingView = z.infer<typeof publicRankingView>;
export const publicRankingSummary = publicRankingView.omit({ rows: true, formulas: true, days: true });
export const publicRankingList = z.object({ items: z.array(publicRankingSummary), nextCursor: z.string().nullable() });
