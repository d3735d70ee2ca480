/**
 * zod schemas of a case policy, to validate what the database or an administrator hands us. Two shapes:
 *
 * - the **policy document** (`PolicyDocument`, `policyDocumentSchema`): what case_policies stores and what an admin
 *   writes. It names its calendar in one of two ways, exactly one of them: `calendarRegion` (the official calendar
 *   of a region in work_calendars / calendar_years, maintained on its own and filled in when the policy is loaded)
 *   or an inline `calendar` (documents from before the calendar tables: versions 1 and 2).
 * - the **resolved policy** (`CasePolicy`, `casePolicySchema`): a document whose calendar is filled in. This is what
 *   a case opens under and keeps in its workflow history; the rest of the code only sees this shape.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar.rules.js';
import { CLOCK_NAMES, DURATION_UNITS, type CasePolicy, type DurationUnit } from './policy.types.js';
import { SLA_CLASSES } from './reference.types.js';
import { MAX_ESCALATION_LEVEL, REPEAT_CARDS } from './case.types.js';

/** A stored or written policy: a CasePolicy whose calendar may be left to its `calendarRegion`. */
export type PolicyDocument = Omit<CasePolicy, 'calendar'> & { calendar?: WorkCalendar };

/** What an admin sends to store a new version: a document without its version (the store numbers it) and a note. */
export type PolicyInput = Omit<PolicyDocument, 'version'> & { note?: string };

/** A region id of work_calendars, e.g. 'CN' (mainland China) or 'CN-BJ'. */
export const calendarRegionId = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,8})?$/, "a region id like 'CN' or 'CN-BJ' (upper-case letters and digits)");

/** A real local date (2027-02-30 is not), YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date');

/**
 * The longest clock a policy may set, per unit (about a year): deadline arithmetic walks the calendar day by day,
 * so an absurd length (1e12 working days) would stall the case's workflow instead of being refused here.
 */
export const MAX_DURATION: Record<DurationUnit, number> = {
  seconds: 31_622_400,
  minutes: 527_040,
  hours: 8_784,
  days: 366,
  working_days: 260,
  working_hours: 2_100,
};

/** The most working days one extension may add in any policy (a policy's own `extension.maxDays` is the limit). */
export const MAX_EXTENSION_DAYS = 365;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Local working periods of a working day: 'HH:MM' to a later 'HH:MM', in order, not overlapping. */
export const workingHoursSchema = z
  .array(z.object({ start: z.string().regex(TIME, "expected 'HH:MM'"), end: z.string().regex(TIME, "expected 'HH:MM' ('24:00' allowed)") }))
  .min(1)
  .max(8)
  .superRefine((periods, ctx) => {
    periods.forEach((p, i) => {
      if (!TIME.test(p.start) || !TIME.test(p.end)) return;
      if (minutesOf(p.start) >= minutesOf(p.end)) ctx.addIssue({ code: 'custom', path: [i, 'end'], message: 'must be later than start' });
      const prev = periods[i - 1];
      if (prev && TIME.test(prev.end) && minutesOf(p.start) < minutesOf(prev.end)) {
        ctx.addIssue({ code: 'custom', path: [i, 'start'], message: 'periods must be in order and not overlap' });
      }
    });
  });

/**
 * The schemas built two ways: lenient (unknown keys dropped) for documents read back from the database, so a field
 * a newer release added does not stop an older one; strict (unknown keys refused) for what an admin writes, so a
 * misspelt optional field is an error instead of silently missing.
 */
function build(strict: boolean) {
  const obj = strict ? z.strictObject : z.object;

  const duration = obj({
    amount: z.number().positive(),
    unit: z.enum(DURATION_UNITS),
    endOfDay: z.boolean().optional().describe('working_days only: due at the end of the last working period of the last day'),
  }).superRefine((d, ctx) => {
    if (d.amount > MAX_DURATION[d.unit]) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `at most ${MAX_DURATION[d.unit]} ${d.unit} (about a year)` });
    }
    if (d.unit === 'working_days' && !Number.isInteger(d.amount)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'working days must be a whole number' });
    }
    if (d.endOfDay !== undefined && d.unit !== 'working_days') {
      ctx.addIssue({ code: 'custom', path: ['endOfDay'], message: 'endOfDay applies to working_days only' });
    }
  });
  const byClass = z.partialRecord(z.enum(SLA_CLASSES), duration);
  /** A length on the wall clock only (seconds to days): a bound that holds whatever the calendar says. */
  const wallClock = duration.superRefine((d, ctx) => {
    if (d.unit === 'working_days' || d.unit === 'working_hours') {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a wall-clock length: seconds, minutes, hours or days' });
    }
  });

  const calendar = obj({
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    holidays: z.array(isoDate),
    workdays: z.array(isoDate),
    region: calendarRegionId.optional(),
    workingHours: workingHoursSchema.optional(),
    years: z.array(z.number().int().min(1900).max(2999)).optional(),
  });

  const fields = {
    yellowRatio: z.number().gt(0).lt(1),
    maxExtraRounds: z.number().int().min(0).max(10),
    // Every deadline class must be present (a class without clocks is `{}`).
    clocks: z.record(z.enum(SLA_CLASSES), z.partialRecord(z.enum(CLOCK_NAMES), duration)),
    calendar: calendar.optional(),
    calendarRegion: calendarRegionId.optional(),
    returnWindow: byClass.optional().describe('退单 window per deadline class; a class without one: its cases cannot be returned (reassigned instead)'),
    designateAfterReturns: z.number().int().min(1).optional(),
    cooperationReport: byClass.optional(),
    overdueLadder: z
      .array(obj({ after: duration, level: z.number().int().min(1).max(MAX_ESCALATION_LEVEL), cityNotice: z.boolean().optional() }))
      .max(10)
      .optional(),
    extension: obj({
      maxDays: z.number().int().min(1).max(MAX_EXTENSION_DAYS),
      approvableWithoutSupervisor: z.number().int().min(0).max(100),
    }).optional(),
    callbackMaxAttempts: z.number().int().min(1).max(20).optional(),
    reviewWindow: duration.optional(),
    ratingWindow: duration.optional(),
    centreUnitId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, 'a unit id: letters, digits, dot, dash or underscore')
      .optional()
      .describe("the hotline centre's unit: the callback clock's owner (its warnings and overdue ladder); absent: the city platform"),
    repeats: obj({
      window: duration,
      distanceMeters: z.number().positive().max(100_000),
      cards: z
        .array(obj({ count: z.number().int().min(2), card: z.enum(REPEAT_CARDS), level: z.number().int().min(1).max(MAX_ESCALATION_LEVEL) }))
        .max(3)
        .superRefine((cards, ctx) => {
          cards.forEach((c, i) => {
            if (i > 0 && c.count <= cards[i - 1]!.count) ctx.addIssue({ code: 'custom', path: [i, 'count'], message: 'cards must be in ascending order of count' });
          });
        }),
    }).optional(),
    intake: obj({ receivedAtMaxAge: wallClock, receivedAtClockSkew: wallClock }).optional(),
  };
  return { fields, calendar, obj };
}

/** Exactly one way to name the calendar; the error names `calendarRegion` (or `calendar` when both are given). */
function oneCalendar(d: { calendar?: unknown; calendarRegion?: unknown }, ctx: z.RefinementCtx): void {
  const inline = d.calendar !== undefined;
  const region = d.calendarRegion !== undefined;
  if (inline && region) {
    ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'give calendarRegion or an inline calendar, not both (the region’s official calendar is used)' });
  } else if (!inline && !region) {
    ctx.addIssue({ code: 'custom', path: ['calendarRegion'], message: "name the official calendar (e.g. 'CN'), or give an inline calendar" });
  }
}

const lenient = build(false);
const strict = build(true);
const version = z.number().int().positive();

/** A stored policy document (case_policies.document), read back leniently. */
export const policyDocumentSchema = lenient.obj({ version, ...lenient.fields }).superRefine(oneCalendar) satisfies z.ZodType<PolicyDocument>;

/** What PUT /v1/policies takes: a document without `version` (unknown keys refused) and an optional note. */
export const policyInputSchema = strict
  .obj({ ...strict.fields, note: z.string().trim().min(1).max(500).optional().describe('why this version (kept with it)') })
  .superRefine(oneCalendar) satisfies z.ZodType<PolicyInput>;

/** A resolved policy: its calendar is present (and `calendarRegion`, when set, names where it came from). */
export const casePolicySchema = lenient.obj({ version, ...lenient.fields, calendar: lenient.calendar }) satisfies z.ZodType<CasePolicy>;

/** The stored form of a policy: a resolved one keeps its region and drops the calendar copy it was resolved with. */
export function toPolicyDocument(policy: PolicyDocument): PolicyDocument {
  if (policy.calendarRegion === undefined || policy.calendar === undefined) return policy;
  const { calendar: _resolved, ...document } = policy;
  return document;
}

/** A document and a calendar make a resolved policy (the calendar is the region's, or the document's own). */
export function resolvePolicy(document: PolicyDocument, calendar: WorkCalendar | undefined): CasePolicy {
  const cal = calendar ?? document.calendar;
  if (!cal) throw new Error(`policy version ${document.version} has no calendar: region ${document.calendarRegion ?? '(none)'} was not loaded`);
  return { ...document, calendar: cal };
}
