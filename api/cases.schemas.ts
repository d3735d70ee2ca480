/** zod schemas of the cases API: requests and responses, also the OpenAPI document served at /docs. */
import { z } from 'zod';
import {
  CASE_EVENT_TYPES,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CHANNELS,
  CONTACT_METHODS,
  EMERGENCY_SERVICES,
  MAX_ESCALATION_LEVEL,
  RETURN_REASONS,
  SATISFACTION,
  CALLBACK_OUTCOMES,
  REPEAT_CARDS,
  type CallbackCommand,
  TERMINATION_GROUNDS,
  TRIAGE_OUTCOMES,
  WARNING_LEVELS,
} from '../domain/case.types.js';
import { isGrantedAction, SIGNAL_ACTIONS, type CaseAction, type CasePayloads } from '../domain/case.actions.js';
import { STAFF_ACTIONS } from '../domain/case.offers.js';
import { CLOCK_NAMES } from '../domain/policy.types.js';
import { MAX_EXTENSION_DAYS } from '../domain/policy.schema.js';
import { SLA_CLASSES } from '../domain/reference.types.js';

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');
const text = (max: number) => z.string().trim().min(1).max(max);
const note = text(2000).optional();

/** Case numbers: HL and 16 upper-case letters or digits. Also the id half of a list cursor. */
export const CASE_ID_PATTERN = /^HL[0-9A-Z]{16}$/;
export const caseIdParams = z.object({ id: z.string().regex(CASE_ID_PATTERN, 'a case number like HL0123456789ABCDEF') });

/**
 * Triage without dispatch (Beijing Art. 11): how the intake answered the caller. Each outcome names what it needs;
 * the case is recorded and closed with it.
 */
const triageNote = text(2000).describe('What the caller was told');
export const triageBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('consultation'), note: triageNote.describe('The answer given on the spot') }),
  z.strictObject({ outcome: z.literal('emergency_transfer'), service: z.enum(EMERGENCY_SERVICES).describe('110 police, 119 fire, 120 ambulance, 122 traffic'), note: triageNote }),
  z.strictObject({ outcome: z.literal('referred'), referredTo: text(200).describe('The legal channel, e.g. 劳动仲裁, 法院, 信访'), note: triageNote }),
  z.strictObject({
    outcome: z.literal('repeat'),
    linkedCaseId: z.string().regex(/^HL[0-9A-Z]{16}$/, 'a case number like HL0123456789ABCDEF').describe('The earlier case this call repeats with nothing new'),
    note: triageNote,
  }),
  z.strictObject({ outcome: z.literal('out_of_scope'), note: triageNote.describe('Why the demand is outside what the hotline handles') }),
]);
export type TriageBody = z.infer<typeof triageBody>;

/**
 * Photos and videos an intake brings as links (an app's or Open311's `media_url`): kept as addresses, never fetched by
 * the server. A handful is what a complaint carries (a few photos of one place); ten keeps one intake's rows bounded
 * without refusing a real one. Files are uploaded apart (attachments).
 */
export const MAX_MEDIA_URLS = 10;
/** An absolute http(s) address, as a browser would open it: no credentials in it, no other scheme (javascript:, file:). */
export const mediaUrl = z
  .url({ protocol: /^https?$/, error: 'an absolute http or https address' })
  .max(2000)
  // zod runs this check after a failed url check too: an address URL cannot parse is that check's to refuse.
  .refine((u) => {
    const parsed = URL.canParse(u) ? new URL(u) : null;
    return parsed === null || (parsed.username === '' && parsed.password === '');
  }, 'an address without a user name or password in it');

export const createCaseBody = z.strictObject({
  title: text(200),
  description: text(5000),
  categoryId: id,
  channel: z
    .enum(CHANNELS)
    .optional()
    .describe("How the complaint came in. Required, except from a channel's API key: its channel is the key's (another one is refused)"),
  channelTicketId: text(128).optional().describe("The channel's own ticket number; used as the idempotency key when no header is sent"),
  complainant: z
    .strictObject({
      name: text(64).optional(),
      phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'a phone number of 5 to 20 digits').optional(),
    })
    .refine((c) => c.name !== undefined || c.phone !== undefined, 'give a name or a phone, or leave complainant out when nobody is named')
    .optional()
    .describe(
      'Who complained. Leave it out for an anonymous complaint, an item a grid worker found or a monitoring item. Without a ' +
        'phone nobody can be reached: no acceptance notice, no contact step, no callback; the case closes after the reply ' +
        '(outcome no_contact) and does not count in the satisfaction rates.',
    ),
  location: z
    .strictObject({
      address: text(300).optional(),
      areaUnitId: id.optional(),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
    })
    .optional(),
  triage: triageBody.optional().describe('Answered at intake without dispatch: the case is recorded closed with this outcome'),
  receivedAt: z.iso
    .datetime({ offset: true })
    .refine((s) => Number.isNaN(Date.parse(s)) || storableInstant(Date.parse(s)), 'a date-time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z')
    .optional()
    .describe(
      'When the complaint was received, when that was before this request (a telephony or channel system handing it over ' +
        "late). Not in the future (beyond the policy's intake.receivedAtClockSkew) nor older than intake.receivedAtMaxAge. " +
        'The clocks that start at intake count from it; the case records who stated it.',
    ),
  mediaUrls: z
    .array(mediaUrl)
    .min(1)
    .max(MAX_MEDIA_URLS)
    .refine((urls) => new Set(urls).size === urls.length, 'each address once')
    .optional()
    .describe(
      `Links to photos or videos of the problem (http or https, at most ${MAX_MEDIA_URLS}): recorded with the case as they are, ` +
        'never fetched by the server (Open311 media_url).',
    ),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(1).max(200).optional(),
});

/**
 * The instants the record can be asked about: UTC years 0001 to 9999. drizzle sends a Date to PostgreSQL as
 * Date#toISOString(), and PostgreSQL reads that form only with a four-digit year from 0001 (there is no year 0,
 * and '+275760-…' / '-000001-…' do not parse), while RFC 3339 allows 0000 and an offset can push 9999-12-31 or
 * 0001-01-01 over the edge. Anything outside is a 400 naming the field, not a database error.
 */
export const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');
export const storableInstant = (ms: number) => Number.isFinite(ms) && ms >= EARLIEST_INSTANT && ms <= LATEST_INSTANT;
const isoDateTime = z.iso
  .datetime({ offset: true })
  // Only one error for a string that is not a date-time at all (the format check names it).
  .refine((s) => Number.isNaN(Date.parse(s)) || storableInstant(Date.parse(s)), 'a date-time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z');

/**
 * The body of each action of the action table (domain/case.actions.ts), keyed by the same CaseAction: the compiler
 * checks that every action has one and that what it parses is that action's payload.
 */
export const actionBodies = {
  dispatch: z.strictObject({
    unitId: id.describe('The unit that handles the case (the lead, in joint handling)'),
    note,
    cooperating: z
      .array(id)
      .min(1)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, 'each cooperating unit once')
      .optional()
      .describe('Cooperating units (协办): each signs for its part and reports to the lead within its own deadline'),
  }),
  accept: z.strictObject({ note }),
  return: z.strictObject({ reason: z.enum(RETURN_REASONS), note: text(2000) }),
  contact: z.strictObject({ method: z.enum(CONTACT_METHODS), note }),
  progress: z.strictObject({ note: text(2000) }),
  reply: z.strictObject({ content: text(5000), resolved: z.boolean() }),
  // One attempt: reached (the survey's three answers are required) or failed (no answers).
  callback: z
    .strictObject({
      outcome: z.enum(CALLBACK_OUTCOMES).default('reached').describe('reached, or a failed attempt: no_answer, refused, wrong_number'),
      contacted: z.boolean().optional().describe('Did the unit contact you? (reached only)'),
      resolved: z.boolean().optional(),
      satisfaction: z.enum(SATISFACTION).optional(),
      note,
    })
    .superRefine((b, ctx) => {
      for (const field of ['contacted', 'resolved', 'satisfaction'] as const) {
        if (b.outcome === 'reached' && b[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required when the complainant was reached' });
        if (b.outcome !== 'reached' && b[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'only a reached callback has survey answers' });
      }
    })
    // Runs only on a body that passed the checks above; the same object, typed as what they proved (CallbackCommand).
    .transform((b, ctx): CallbackCommand => {
      const { outcome, contacted, resolved, satisfaction } = b;
      if (outcome !== 'reached') return { ...b, outcome };
      if (contacted !== undefined && resolved !== undefined && satisfaction !== undefined) return { ...b, outcome, contacted, resolved, satisfaction };
      ctx.addIssue({ code: 'custom', message: 'a reached callback needs its survey answers' });
      return z.NEVER;
    }),
  escalate: z.strictObject({ reason: text(2000), level: z.number().int().min(1).max(MAX_ESCALATION_LEVEL).optional() }),
  reassign: z.strictObject({ unitId: id, reason: text(2000) }),
  urge: z.strictObject({ note: text(2000), unitId: id.optional().describe('A cooperating unit that owes its part; default: the unit that has the case') }),
  triage: triageBody,
  cooperate: z.strictObject({ note }),
  report: z.strictObject({ content: text(5000).describe("The cooperating unit's report of its part, for the lead unit") }),
  request_extension: z.strictObject({
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_EXTENSION_DAYS)
      .describe("Working days wanted: at most the case's policy `extension.maxDays` (10 by default; more answers 409 naming the limit)"),
    reason: text(2000),
  }),
  decide_extension: z.strictObject({
    approve: z.boolean(),
    note: text(2000),
    days: z.number().int().min(1).max(MAX_EXTENSION_DAYS).optional().describe('Grant fewer working days than asked'),
  }),
  hold: z.strictObject({
    reason: text(2000).describe('Why the problem cannot be solved now (seasonal, needs construction, policy)'),
    reviewDates: z.array(isoDateTime).min(1).max(24).describe('When to review the hold: a reminder goes out on each'),
  }),
  resume: z.strictObject({ note: text(2000) }),
  dispute: z.strictObject({ reason: text(2000) }),
  review: z.strictObject({ demandReasonable: z.boolean(), handlingCompliant: z.boolean(), reason: text(2000) }),
  terminate: z.strictObject({ grounds: z.enum(TERMINATION_GROUNDS), reason: text(2000) }),
  rate: z.strictObject({ satisfaction: z.enum(SATISFACTION), resolved: z.boolean(), comment: text(500).optional() }),
  // Sent by the API itself at intake (api/repeats.service.ts), never a request body: here so every action has one.
  repeat: z.strictObject({ caseId: caseIdParams.shape.id }),
} satisfies { [A in CaseAction]: z.ZodType<CasePayloads[A]> };

const clockSchema = z.object({
  name: z.enum(CLOCK_NAMES),
  startedAt: z.string(),
  dueAt: z.string(),
  yellowAt: z.string(),
  stoppedAt: z.string().optional(),
  yellowFiredAt: z.string().optional(),
  redFiredAt: z.string().optional(),
  result: z.enum(['met', 'breached', 'cancelled']).optional(),
  pausedAt: z.string().optional(),
  pausedMs: z.number().optional(),
  extendedBy: z.number().optional(),
  ladderStep: z.number().optional(),
});
const holdView = z.object({
  reason: z.string(),
  since: z.string(),
  fromStatus: z.enum(CASE_STATUSES),
  reviewDates: z.array(z.string()),
  reviewsSent: z.number(),
  by: z.string(),
});
const extensionView = z.object({
  n: z.number(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  days: z.number(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'denied']),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedRole: z.string().optional(),
  note: z.string().optional(),
  previousDueAt: z.string().optional(),
  newDueAt: z.string().optional(),
});

/** null: not given (an anonymous complaint, a letter without a phone). */
const complainantView = z.object({ name: z.string().nullable(), phone: z.string().nullable() });
const dispatchRecordView = z.object({
  unitId: z.string(),
  kind: z.enum(['dispatch', 'catalogue', 'designation', 'reassignment', 'rehandling']),
  at: z.string(),
  by: z.string(),
  round: z.number(),
  ruleId: z.string().optional(),
  cooperating: z.array(z.string()).optional(),
  returnedAt: z.string().optional(),
  returnReason: z.enum(RETURN_REASONS).optional(),
});
const cooperationPartView = z.object({
  unitId: z.string(),
  status: z.enum(['pending', 'accepted', 'reported']),
  requestedAt: z.string(),
  dueAt: z.string(),
  acceptedAt: z.string().optional(),
  reportedAt: z.string().optional(),
  report: z.string().optional(),
  overdueAt: z.string().optional(),
  late: z.boolean().optional(),
});
const triageView = z.object({
  outcome: z.enum(TRIAGE_OUTCOMES),
  note: z.string(),
  service: z.enum(EMERGENCY_SERVICES).optional(),
  referredTo: z.string().optional(),
  linkedCaseId: z.string().optional(),
  linkedStatus: z.string().optional(),
});
const locationView = z.object({
  address: z.string().optional(),
  areaUnitId: z.string().optional(),
  lat: z.number().optional(),
  lng: z.number().optional(),
});

/**
 * The flagged group complaint (群体诉求) a case is part of (api/group-flags.ts): no personal data — the group's place,
 * window and case numbers, as the analysis watch stored it when it flagged the group.
 */
export const groupFlagView = z
  .object({
    alertId: z.number().describe('the stored alert (GET /v1/analysis/alerts)'),
    categoryId: z.string(),
    place: z.object({ kind: z.enum(['cell', 'unit']), cell: z.string().nullable(), unitId: z.string().nullable() }),
    windowStart: z.string(),
    windowEnd: z.string(),
    detectedAt: z.string().describe('when the group reached the policy’s number of complainants'),
    complainants: z.number().describe('distinct complainants when it was flagged'),
    caseIds: z.array(z.string()).describe('the cases it was flagged with'),
    listed: z.boolean().describe('true: this case is one it was flagged with; false: it joined later (same category and place, inside the window)'),
  })
  .describe(
    'A group complaint flagged on this case’s own category and place whose window holds its receipt: the case is part of it. Looked up when ' +
      'the case is read (the intake does not wait for it); the analysis watch flags a group within 15 minutes of the case that makes it.',
  );
export type GroupFlagView = z.infer<typeof groupFlagView>;

export const caseView = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  title: z.string(),
  description: z.string(),
  channel: z.enum(CHANNELS),
  channelTicketId: z.string().nullable(),
  /** The channel's API key that handed the complaint over (which system); null when staff opened the case. */
  channelKeyId: z.string().nullable(),
  categoryId: z.string(),
  slaClass: z.enum(SLA_CLASSES).nullable(),
  policyVersion: z.number().nullable(),
  unitId: z.string().nullable(),
  round: z.number(),
  escalationLevel: z.number(),
  warningLevel: z.enum(WARNING_LEVELS),
  replyDueAt: z.string().nullable(),
  clocks: z.partialRecord(z.enum(CLOCK_NAMES), clockSchema),
  dispatchCount: z.number(),
  returnCount: z.number(),
  reassignCount: z.number(),
  /** Every time the case went to a unit, oldest first (failed dispatches carry returnedAt). */
  dispatches: z.array(dispatchRecordView),
  /** Set once the case was designated (指定) after repeated failed dispatches: that unit may not return it. */
  designatedUnitId: z.string().nullable(),
  /** Until when the unit that has the case may return it (退单); null when it may not. */
  returnDueAt: z.string().nullable(),
  /** Units following the case by copy (抄送): a street's district. */
  copiedUnitIds: z.array(z.string()),
  /** Joint handling (协办): each cooperating unit's part. */
  cooperation: z.array(cooperationPartView),
  /** Cooperating units that have not reported their part yet (the lead cannot reply before they do). */
  owing: z.array(z.string()),
  /** How the case was answered at triage, without dispatch. */
  triage: triageView.nullable(),
  /** The nearest due time of a counting clock (none while all are stopped or paused on hold). */
  nextDueAt: z.string().nullable(),
  /** The hold (挂账) the case is on. */
  hold: holdView.nullable(),
  /** Extension requests (延期) and their decisions. */
  extensions: z.array(extensionView),
  /** Every callback attempt (回访) and each handling round's result as the callback found it. */
  callbackAttempts: z.array(
    z.object({ at: z.string(), by: z.string(), round: z.number(), outcome: z.enum(CALLBACK_OUTCOMES), note: z.string().optional() }),
  ),
  rounds: z.array(
    z.object({
      round: z.number(),
      unitId: z.string().nullable(),
      repliedAt: z.string().nullable(),
      callbackAt: z.string(),
      contacted: z.boolean(),
      resolved: z.boolean(),
      satisfaction: z.enum(SATISFACTION),
    }),
  ),
  /** The unit disputed an unsatisfied result; the third-party review's verdict; whether the demand was found unreasonable (out of the rates). */
  disputed: z.boolean(),
  review: z.object({ at: z.string(), by: z.string(), demandReasonable: z.boolean(), handlingCompliant: z.boolean(), reason: z.string() }).nullable(),
  demandUnreasonable: z.boolean(),
  /** Repeat complaints (并单): the master this case is linked to; on a master, the group's size, members and card. */
  masterCaseId: z.string().nullable(),
  repeatCount: z.number(),
  linkedCaseIds: z.array(z.string()),
  repeatCard: z.enum(REPEAT_CARDS).nullable(),
  /** GET /v1/cases/:id only: the flagged group complaint it is part of (null: none; absent where not looked up). */
  groupComplaint: groupFlagView.nullable().optional(),
  /** The complainant's online rating. */
  rating: z.object({ at: z.string(), satisfaction: z.enum(SATISFACTION), resolved: z.boolean(), comment: z.string().optional() }).nullable(),
  complainant: complainantView,
  /**
   * No way to reach the complainant (no phone): no acceptance notice, no contact step, no callback; the case closes
   * after the reply with outcome no_contact, out of the satisfaction rates.
   */
  noContact: z.boolean(),
  location: locationView.nullable(),
  /** When the complaint was received: the clocks that start at intake count from it (createdAt unless an intake stated it). */
  receivedAt: z.string(),
  /** Who stated receivedAt (the one who opened the case); null when the case was received when it was opened. */
  receivedAtStatedBy: z.object({ id: z.string(), role: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Number of events so far (the last event's sequence number). */
  seq: z.number(),
  /** Where this view came from: the live workflow, or the database record once the workflow is gone. */
  source: z.enum(['workflow', 'record']),
  /**
   * true when the complainant's name and phone are masked for this caller (they are not handling the case); the place
   * is masked too, except for a cooperating unit (domain/access.ts PII_CLEAR).
   */
  piiMasked: z.boolean(),
}).describe(
  "A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant " +
    'alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the ' +
    'webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens ' +
    '/v1/public/cases/{number} (X-Case-Code).',
);
export type CaseViewBody = z.infer<typeof caseView>;

export const caseSummary = caseView.pick({
  id: true,
  status: true,
  outcome: true,
  title: true,
  channel: true,
  categoryId: true,
  slaClass: true,
  unitId: true,
  round: true,
  escalationLevel: true,
  warningLevel: true,
  replyDueAt: true,
  nextDueAt: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  noContact: true,
  receivedAt: true,
}).extend({
  complainant: complainantView,
  seq: z.number(),
  /** Each handling round's result (the unsatisfied zone shows how the case got there). */
  rounds: caseView.shape.rounds,
  disputed: z.boolean(),
  demandUnreasonable: z.boolean(),
  repeatCard: caseView.shape.repeatCard,
});
export type CaseSummary = z.infer<typeof caseSummary>;

/** The page of every keyset-paginated list: how many, and the cursor the previous page gave. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'a cursor from nextCursor (base64url)')
    .optional()
    .describe('nextCursor of the previous page, as it was given'),
};

export const listCasesQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  unitId: id.optional(),
  within: id
    .optional()
    .describe('cases whose unit (before dispatch: whose place) is this unit or lies below it: within=d01, the cases of district d01 and its streets'),
  categoryId: id.optional(),
  warningLevel: z.enum(WARNING_LEVELS).optional(),
  minEscalationLevel: z.coerce
    .number()
    .int()
    .min(1)
    .max(9)
    .optional()
    .describe('cases supervised (督办) at this escalation level or above: 1 unit leader, 2 district, 3 city'),
  warning: z.enum(['yellow', 'red']).optional().describe('cases whose warning light is this colour (the same as warningLevel)'),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: a running clock is past its deadline (next due time before now); false: none is (or no clock runs)'),
  zone: z
    .enum(['unsatisfied', 'review'])
    .optional()
    .describe('unsatisfied: closed unsatisfied after the last allowed round (办理不满意专区), with each round; review: the third-party review queue (closed unsatisfied or disputed, not yet reviewed)'),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
  order: z
    .enum(['newest', 'oldest'])
    .default('newest')
    .describe('newest first (default), or oldest first (a work queue: the case waiting longest on top); a cursor continues in the order it was given in'),
  ...pageQuery,
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseList = z.object({ items: z.array(caseSummary), nextCursor: z.string().nullable() });

export const caseEventView = z.object({
  seq: z.number(),
  type: z.enum(CASE_EVENT_TYPES),
  at: z.string(),
  actor: z.object({ id: z.string(), role: z.string() }),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEventView = z.infer<typeof caseEventView>;
export const caseEventList = z.object({ caseId: z.string(), items: z.array(caseEventView) });

/**
 * The actions the caller may take on the case now (domain/case.offers.ts): granted to them on this case, and taken by
 * the case's rules in its state. What a console offers; the action's own answer still decides.
 */
export const caseOffers = z.object({
  caseId: z.string(),
  status: z.enum(CASE_STATUSES),
  source: caseView.shape.source,
  actions: z.array(
    z.object({
      action: z.enum(STAFF_ACTIONS),
      role: z.string().describe('The role that grants it (the timeline records the action under it)'),
      path: z.string().describe('POST /v1/cases/{id}/<path>, with the body schema of that route'),
      message: z.enum(['update', 'signal']).describe('update: answered 200 with the case; signal: 202'),
    }),
  ),
});

/** The signals staff send (the supervisor pushes): the action table's signals a principal is granted. */
export const STAFF_SIGNALS = SIGNAL_ACTIONS.filter(isGrantedAction);
export type StaffSignal = (typeof STAFF_SIGNALS)[number];
export const signalAccepted = z.object({ caseId: z.string(), action: z.enum(STAFF_SIGNALS), accepted: z.literal(true) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    state: z.string().optional(),
  })
  .loose()
  .describe('application/problem+json (RFC 9457)');
