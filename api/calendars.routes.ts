/** HTTP surface of the official working-day calendars: schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarRegionId } from '../domain/policy.schema.js';
import { principalOf } from './auth.js';
import type { CalendarsService } from './calendars.service.js';
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
