/** HTTP surface of the official working-day calendars: schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COUNTINGS } from '../domain/deadline-preview.js';
import { calendarRegionId, MAX_DURATION } from '../domain/policy.schema.js';
import { CLOCK_NAMES, DURATION_UNITS } from '../domain/policy.types.js';
import { SLA_CLASSES } from '../domain/reference.types.js';
import { principalOf } from './auth.js';
import type { CalendarsService, DeadlinePreviewQuery } from './calendars.service.js';
import { problemSchema } from './cases.schemas.js';

const regionParams = z.object({ region: calendarRegionId.describe("the calendar's region, e.g. CN") });
const yearParams = regionParams.extend({
  year: z
    .string()
    .regex(/^\d{4}$/, 'a year like 2027')
    .transform(Number)
    .pipe(z.number().int().min(2000).max(2199, 'a year from 2000 to 2199')),
});

/** Dates are checked in full by the service (real date, inside the year, once, not in both lists, weekends). */
const dates = (what: string) =>
  z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'))
    .max(366)
    .describe(what);

const putYearBody = z.strictObject({
  holidays: dates('Local dates off: every day of each public holiday block, weekend days included (as the State Council notice lists them)'),
  workdays: dates('Make-up working days (调休): Saturdays or Sundays that are worked'),
  source: z.string().trim().min(1).max(500).describe('Where the dates come from, e.g. the State Council notice (国办发明电〔2026〕…号)'),
});

const yearView = z.object({
  region: z.string(),
  year: z.number(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  source: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

const calendarView = z.object({
  region: z.string(),
  name: z.string(),
  timeZone: z.string(),
  utcOffsetMinutes: z.number(),
  workingHours: z.array(z.object({ start: z.string(), end: z.string() })),
  updatedAt: z.string(),
  years: z.array(
    z.object({
      year: z.number(),
      source: z.string(),
      holidays: z.number().describe('how many holidays the year lists'),
      workdays: z.number().describe('how many make-up working days the year lists'),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
    }),
  ),
});

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

/** The years a preview may start in (the calendar routes' years). */
const PREVIEW_YEARS = { from: 2000, to: 2199 } as const;
const previewStart = z.iso
  .datetime({ offset: true })
  .refine((s) => {
    const year = new Date(Date.parse(s)).getUTCFullYear();
    return Number.isNaN(year) || (year >= PREVIEW_YEARS.from && year <= PREVIEW_YEARS.to);
  }, `an instant from ${PREVIEW_YEARS.from} to ${PREVIEW_YEARS.to}`);

/**
 * A clock to preview: a length given as such (amount + unit [+ endOfDay], as a policy writes one) or a clock of the
 * policy in force (clock + slaClass or categoryId). The length obeys the policy's own rules (positive, at most about a
 * year, whole working days, endOfDay for working days only).
 */
const previewQuery = z
  .strictObject({
    start: previewStart.optional().describe('When the clock starts (RFC 3339 with an offset); default: now'),
    amount: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,6})?$/, 'a positive number, e.g. 5 or 1.5')
      .transform(Number)
      .optional()
      .describe('The length, in `unit`s'),
    unit: z.enum(DURATION_UNITS).optional(),
    endOfDay: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('working_days only: due at the end of the last working period of the last day'),
    clock: z.enum(CLOCK_NAMES).optional().describe("A clock of the policy in force, for the deadline class given by slaClass or categoryId"),
    slaClass: z.enum(SLA_CLASSES).optional(),
    categoryId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore').optional().describe("A category: its deadline class"),
  })
  .superRefine((q, ctx) => {
    const issue = (field: keyof typeof q, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const given = q.amount !== undefined || q.unit !== undefined || q.endOfDay !== undefined;
    const fromPolicy = q.clock !== undefined || q.slaClass !== undefined || q.categoryId !== undefined;
    if (given && fromPolicy) return issue('clock', 'either a length (amount, unit, endOfDay) or a clock of the policy (clock with slaClass or categoryId), not both');
    if (!given && !fromPolicy) return issue('amount', 'give a length (amount and unit) or a clock of the policy (clock with slaClass or categoryId)');
    if (fromPolicy) {
      if (q.clock === undefined) issue('clock', 'which clock of the policy: signFor, contact, reply or callback');
      if (q.slaClass === undefined && q.categoryId === undefined) issue('slaClass', 'give slaClass or categoryId: the deadline class whose clock is meant');
      if (q.slaClass !== undefined && q.categoryId !== undefined) issue('categoryId', 'give slaClass or categoryId, not both');
      return;
    }
    if (q.amount === undefined) issue('amount', 'required with unit');
    if (q.unit === undefined) return issue('unit', `required with amount: one of ${DURATION_UNITS.join(', ')}`);
    if (q.amount !== undefined) {
      if (q.amount <= 0) issue('amount', 'must be greater than 0');
      else if (q.amount > MAX_DURATION[q.unit]) issue('amount', `at most ${MAX_DURATION[q.unit]} ${q.unit} (about a year)`);
      else if (q.unit === 'working_days' && !Number.isInteger(q.amount)) issue('amount', 'working days must be a whole number');
    }
    if (q.endOfDay !== undefined && q.unit !== 'working_days') issue('endOfDay', 'endOfDay applies to working_days only');
  });
type PreviewQuery = z.infer<typeof previewQuery>;

const toPreviewQuery = (q: PreviewQuery): DeadlinePreviewQuery => {
  const start = q.start === undefined ? {} : { start: q.start };
  if (q.clock !== undefined) return { ...start, clock: q.clock, ...(q.slaClass && { slaClass: q.slaClass }), ...(q.categoryId && { categoryId: q.categoryId }) };
  return { ...start, spec: { amount: q.amount!, unit: q.unit!, ...(q.endOfDay !== undefined && { endOfDay: q.endOfDay }) } };
};

const instant = z.string().describe('RFC 3339, UTC');
const localTime = z.string().describe("'YYYY-MM-DD HH:MM' in the calendar's offset");
const deadlinePreviewView = z.object({
  region: z.string(),
  start: instant,
  spec: z.object({ amount: z.number(), unit: z.enum(DURATION_UNITS), endOfDay: z.boolean() }).describe('The length counted'),
  source: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('given') }),
      z.object({ kind: z.literal('policy'), policyVersion: z.number(), slaClass: z.enum(SLA_CLASSES), clock: z.enum(CLOCK_NAMES), categoryId: z.string().optional() }),
    ])
    .describe('Where the length came from: the query, or a clock of the policy in force'),
  counting: z.enum(COUNTINGS).describe('working days or working hours on the calendar, or the wall clock (holidays do not move it)'),
  dueAt: instant,
  yellowAt: instant.describe('When the yellow warning would fire'),
  yellowRatio: z.number(),
  policyVersion: z.number().describe('The policy in force, whose yellowRatio applies'),
  utcOffsetMinutes: z.number(),
  local: z.object({ start: localTime, dueAt: localTime, yellowAt: localTime }),
  crossed: z
    .object({ holidays: z.array(z.string()), workdays: z.array(z.string()) })
    .describe("The calendar's public holidays and make-up working days (调休) from the start's local day to the due day, both included"),
  calendarYears: z.array(z.number()).describe('The years whose holidays the calendar lists'),
  coveredByCalendar: z.boolean().describe("false: the span reaches a year the calendar does not list; that year's holidays would count as working days"),
});

const RUNNING_CASES =
  'New cases opened on this API instance count on the stored dates at once (other instances within their reference ' +
  'refresh interval, a minute). Cases already open keep the calendar recorded with their policy when they opened: ' +
  'a correction never moves a running case’s deadlines.';

export function calendarsRoutes(calendars: CalendarsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/calendars',
      {
        config: { access: 'reference.read' },
        schema: {
          tags: ['calendars'],
          summary: 'The official working-day calendars: each region with its loaded years and where their dates come from',
          description: 'A year that is not loaded counts as plain weekdays and weekends: its public holidays would count as working days.',
          response: { 200: z.object({ items: z.array(calendarView) }), ...denied },
        },
      },
      async () => calendars.list(),
    );

    app.get(
      '/v1/calendars/:region/deadline-preview',
      {
        config: { access: 'reference.read' },
        schema: {
          tags: ['calendars'],
          summary: 'When a clock would be due: the due and yellow instants on a region’s calendar, and the holidays and make-up days it crosses',
          description:
            'For a start instant (default now) and a clock: a length (`amount` + `unit` [+ `endOfDay`]) or a clock of the policy ' +
            'in force (`clock` + `slaClass` or `categoryId`). Counts exactly as a case’s clock started at that instant ' +
            '(its yellow at the policy’s yellowRatio), on the region’s stored calendar.',
          params: regionParams,
          querystring: previewQuery,
          response: { 200: deadlinePreviewView, 400: problemSchema, 404: problemSchema, 503: problemSchema, ...denied },
        },
      },
      async (req) => calendars.previewDeadline(req.params.region, toPreviewQuery(req.query)),
    );

    app.get(
      '/v1/calendars/:region/years/:year',
      {
        config: { access: 'reference.read' },
        schema: {
          tags: ['calendars'],
          summary: 'One year of a region’s calendar: its public holidays and make-up working days',
          params: yearParams,
          response: { 200: yearView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => calendars.getYear(req.params.region, req.params.year),
    );

    app.put(
      '/v1/calendars/:region/years/:year',
      {
        config: { access: 'calendar.write' },
        schema: {
          tags: ['calendars'],
          summary: 'Load or correct one year of a region’s calendar (admins)',
          description:
            'Replaces the year as a whole. Every date must be a real date inside the year and listed once; no date is both ' +
            'a holiday and a make-up working day; make-up working days fall on a Saturday or Sunday; the holidays include ' +
            `weekdays. Errors name the field and index, e.g. body.workdays.1. ${RUNNING_CASES}`,
          params: yearParams,
          body: putYearBody,
          response: { 200: yearView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => calendars.putYear(req.params.region, req.params.year, req.body, principalOf(req)),
    );
  };
}
