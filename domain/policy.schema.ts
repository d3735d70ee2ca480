/** zod schema of a case policy document, to validate what the database or an admin hands us. */
import { z } from 'zod';
import { CLOCK_NAMES, DURATION_UNITS, type CasePolicy } from './policy.types.js';
import { SLA_CLASSES } from './reference.types.js';
import { MAX_ESCALATION_LEVEL } from './case.types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const duration = z
  .object({ amount: z.number().positive(), unit: z.enum(DURATION_UNITS) })
  .refine((d) => d.unit !== 'working_days' || Number.isInteger(d.amount), { message: 'working days must be a whole number', path: ['amount'] });
const clockSet = z.partialRecord(z.enum(CLOCK_NAMES), duration);

export const casePolicySchema = z.object({
  version: z.number().int().positive(),
  yellowRatio: z.number().gt(0).lt(1),
  maxExtraRounds: z.number().int().min(0),
  clocks: z.record(z.enum(SLA_CLASSES), clockSet),
  calendar: z.object({
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    holidays: z.array(isoDate),
    workdays: z.array(isoDate),
  }),
  returnWindow: z.partialRecord(z.enum(SLA_CLASSES), duration).optional(),
  designateAfterReturns: z.number().int().min(1).optional(),
  cooperationReport: z.partialRecord(z.enum(SLA_CLASSES), duration).optional(),
  overdueLadder: z.array(z.object({ after: duration, level: z.number().int().min(1).max(MAX_ESCALATION_LEVEL), cityNotice: z.boolean().optional() })).optional(),
}) satisfies z.ZodType<CasePolicy>;
