/** zod schemas of the reports API: the list, one report (its figures or its files), generating one on request. */
import { z } from 'zod';
import { REPORT_KINDS } from '../reports/figures.js';
import { pageQuery } from './cases.schemas.js';

const unitId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'a unit id like d01');
const periodLabel = z.string().max(10).regex(/^\d{4}-(\d{2}(-\d{2})?|W\d{2})$/, 'a period label: 2026-04-03 (daily), 2026-W14 (weekly), 2026-04 (monthly)');

export const reportListQuery = z.strictObject({
  kind: z.enum(REPORT_KINDS).optional(),
  period: periodLabel.optional(),
  unitId: unitId.optional().describe('the reports of this unit’s subtree (its scope); city=true: the city’s'),
  city: z.enum(['true', 'false']).optional().describe('true: only the city-wide reports'),
  ...pageQuery,
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportParams = z.object({
  reportId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'a report id like 12')
    .transform(Number),
});

export const REPORT_FORMATS = ['json', 'html', 'xlsx', 'docx'] as const;
export const reportQuery = z.strictObject({
  format: z
    .enum(REPORT_FORMATS)
    .default('json')
    .describe(
      'json (default): the report and the figures it was rendered from; html: the self-contained report (charts inline, prints on A4); xlsx: the figures behind every chart; ' +
        'docx: the report as a Word document (the same sections, tables and links; charts drawn by Word from their data)',
    ),
});

export const reportSummary = z.object({
  id: z.number(),
  kind: z.enum(REPORT_KINDS),
  period: z.string(),
  days: z.object({ from: z.string(), to: z.string() }),
  scopeUnitId: z.string().nullable().describe('the unit whose subtree the report covers; null: the city'),
  version: z.number().describe('1 for the first report of its kind, scope and period; generating it again makes the next'),
  supersededBy: z.number().nullable().describe('the id of the next version, if any'),
  title: z.string(),
  analysisPolicyVersion: z.number(),
  createdAt: z.string(),
  createdBy: z.string().describe('schedule:<run> or the person who asked'),
  files: z.object({ html: z.string(), xlsx: z.string(), docx: z.string() }),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportList = z.object({ items: z.array(reportSummary), nextCursor: z.string().nullable() });
export const reportView = reportSummary.extend({ figures: z.record(z.string(), z.unknown()).describe('what the files were rendered from (reports/figures.ts)') });
export type ReportView = z.infer<typeof reportView>;

export const generateBody = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  period: periodLabel.optional().describe('default: the last whole period (yesterday, last week, last month)'),
  unitId: unitId.optional().describe('the report of this unit’s subtree; absent: the city’s'),
});
export type GenerateBody = z.infer<typeof generateBody>;

export const generated = z.object({
  workflowId: z.string().describe('the report run (visible in the Temporal Web UI); its report appears in GET /v1/reports when stored'),
  kind: z.enum(REPORT_KINDS),
  period: z.string().nullable(),
  scopeUnitId: z.string().nullable(),
});
