/**
 * The queryable record (drizzle-orm over pg). The case workflow is the truth; these tables are its projection,
 * plus the reference data (units, categories) and policy the workflow reads through activities.
 * Generated SQL migrations live in db/migrations (npm run db:generate); runtime/migrate.ts applies them.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type {
  CallbackAttempt,
  CaseOutcome,
  CaseStatus,
  Channel,
  Clock,
  CooperationPart,
  DispatchRecord,
  ExtensionRecord,
  HoldRecord,
  RatingRecord,
  RepeatCard,
  ReviewRecord,
  RoundRecord,
  TriageRecord,
  WarningLevel,
} from '../domain/case.types.js';
import type { ClockName } from '../domain/policy.types.js';
import type { SlaClass } from '../domain/reference.types.js';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => units.id),
    /** Materialised path of ids from the city down, '/'-separated, for subtree queries. */
    path: text('path').notNull(),
    principalLeader: text('principal_leader').notNull(),
    deputyLeader: text('deputy_leader').notNull(),
    officePhone: text('office_phone').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('units_parent_idx').on(t.parentId), index('units_path_idx').on(t.path)],
);

export const categories = pgTable(
  'categories',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => categories.id),
    slaClass: text('sla_class').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

/** Versioned case policy documents (clock lengths, warning ratio, rounds, calendar). One is active. */
export const casePolicies = pgTable(
  'case_policies',
  {
    version: integer('version').primaryKey(),
    document: jsonb('document').notNull(),
    active: boolean('active').notNull().default(false),
    note: text('note'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_policies_one_active').on(t.active).where(sql`${t.active}`)],
);

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    channelTicketId: text('channel_ticket_id'),
    idempotencyKey: text('idempotency_key'),
    /** The channel's API key that handed the complaint over (which system it came from); null: opened by staff. */
    channelKeyId: text('channel_key_id'),
    categoryId: text('category_id').notNull(),
    slaClass: text('sla_class').$type<SlaClass>(),
    policyVersion: integer('policy_version'),
    /** Personal data: shown only to those handling the case; never logged. Null: not given (an anonymous complaint). */
    complainantName: text('complainant_name'),
    complainantPhone: text('complainant_phone'),
    /**
     * No way to reach the complainant (no phone): no acceptance notice, no contact step, no callback; the case closes
     * after the reply with outcome no_contact and is not a valid callback (out of the rates' denominators).
     */
    noContact: boolean('no_contact').notNull().default(false),
    /** When the complaint was received (clocks that start at intake count from it): created_at unless an intake stated it. */
    receivedAt: tz('received_at').notNull(),
    /** Who stated received_at (the opener's id and role); null when the case was received when opened. */
    receivedAtStatedBy: jsonb('received_at_stated_by').$type<{ id: string; role: string }>(),
    address: text('address'),
    areaUnitId: text('area_unit_id'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    status: text('status').$type<CaseStatus>().notNull(),
    outcome: text('outcome').$type<CaseOutcome>(),
    unitId: text('unit_id'),
    round: integer('round').notNull().default(1),
    warningLevel: text('warning_level').$type<WarningLevel>().notNull().default('none'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    clocks: jsonb('clocks').$type<Partial<Record<ClockName, Clock>>>().notNull().default({}),
    replyDueAt: tz('reply_due_at'),
    dispatchCount: integer('dispatch_count').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0),
    reassignCount: integer('reassign_count').notNull().default(0),
    /** Every time the case was sent to a unit (dispatch, catalogue, designation, reassignment, re-handling). */
    dispatchHistory: jsonb('dispatch_history').$type<DispatchRecord[]>().notNull().default([]),
    designatedUnitId: text('designated_unit_id'),
    returnDueAt: tz('return_due_at'),
    /** Units that follow the case besides its own: copied districts (抄送) and cooperating units (协办). */
    copiedUnitIds: text('copied_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    cooperatingUnitIds: text('cooperating_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    cooperation: jsonb('cooperation').$type<CooperationPart[]>().notNull().default([]),
    /** Triage without dispatch: how the case was answered (outcome holds which). */
    triage: jsonb('triage').$type<TriageRecord>(),
    /** A repeat answered at triage: the earlier case it repeats. */
    linkedCaseId: text('linked_case_id'),
    /** The nearest due time of a running clock (null while all are stopped or paused): `overdue` lists. */
    nextDueAt: tz('next_due_at'),
    /** The hold (挂账) the case is on, or null. */
    hold: jsonb('hold').$type<HoldRecord>(),
    /** Extension requests (延期) and their decisions, oldest first. */
    extensions: jsonb('extensions').$type<ExtensionRecord[]>().notNull().default([]),
    /** Callback attempts (回访), every round, oldest first; and each handling round's result. */
    callbackAttempts: jsonb('callback_attempts').$type<CallbackAttempt[]>().notNull().default([]),
    rounds: jsonb('rounds').$type<RoundRecord[]>().notNull().default([]),
    /** Third-party review (第三方评价): the verdict, and the flag that takes the case out of rate denominators. */
    review: jsonb('review').$type<ReviewRecord>(),
    disputed: boolean('disputed').notNull().default(false),
    demandUnreasonable: boolean('demand_unreasonable').notNull().default(false),
    /** Repeat complaints (并单): the master this case is linked to; on a master, the group's size and card. */
    masterCaseId: text('master_case_id'),
    repeatCount: integer('repeat_count').notNull().default(1),
    repeatCard: text('repeat_card').$type<RepeatCard>(),
    /** The complainant's online rating (好差评), once. */
    rating: jsonb('rating').$type<RatingRecord>(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    closedAt: tz('closed_at'),
    /** Sequence number of the last projected event. */
    lastSeq: integer('last_seq').notNull(),
    /**
     * The workflow's projection batch that wrote the row (activities/case.activities.ts): a row is only rewritten by
     * the same or a later batch, so a late retry never moves it backwards and a batch from a discarded workflow task
     * is replaced by the one that took its place. 0: written before batches were numbered.
     */
    projectionVersion: bigint('projection_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    // The list reads newest first: ORDER BY created_at DESC, id DESC (NULLS FIRST, PostgreSQL's default for DESC),
    // from a keyset cursor (created_at, id) < (…). Plain ascending indexes, scanned backwards, give exactly that
    // order. Declared .desc() they were DESC NULLS LAST, an order the planner cannot use for that ORDER BY (it
    // does not reason from NOT NULL), so every page was a sequential scan and a sort.
    index('cases_created_idx').on(t.createdAt, t.id),
    index('cases_status_created_idx').on(t.status, t.createdAt, t.id),
    index('cases_unit_status_idx').on(t.unitId, t.status),
    // A unit's own list (handlers, leaders) and a subtree's (unit_id = ANY(…)), newest first.
    index('cases_unit_created_idx').on(t.unitId, t.createdAt, t.id),
    index('cases_category_idx').on(t.categoryId),
    index('cases_warning_idx').on(t.warningLevel).where(sql`${t.warningLevel} <> 'none'`),
    index('cases_reply_due_idx').on(t.replyDueAt),
    // A unit's cases where it is not the one handling them: copies and joint handling (`&& ARRAY[...]`).
    index('cases_copied_units_idx').using('gin', t.copiedUnitIds),
    index('cases_cooperating_units_idx').using('gin', t.cooperatingUnitIds),
    index('cases_linked_idx').on(t.linkedCaseId).where(sql`${t.linkedCaseId} is not null`),
    index('cases_next_due_idx').on(t.nextDueAt).where(sql`${t.nextDueAt} is not null`),
    // The repeat matcher's three indexed searches (api/repeats): same place, same coordinates cell, same complainant;
    // each with the category and a time window.
    index('cases_repeat_place_idx').on(t.categoryId, t.areaUnitId, t.createdAt),
    index('cases_repeat_coords_idx').on(t.categoryId, t.lat, t.lng).where(sql`${t.lat} is not null`),
    index('cases_repeat_complainant_idx').on(t.complainantPhone, t.categoryId, t.createdAt),
    index('cases_master_idx').on(t.masterCaseId).where(sql`${t.masterCaseId} is not null`),
    // A channel's own cases (its API key reads only those): Open311's GET requests, newest received first in a range.
    index('cases_channel_key_idx').on(t.channelKeyId, t.receivedAt).where(sql`${t.channelKeyId} is not null`),
    // The review queue: closed unsatisfied or disputed, not yet reviewed.
    index('cases_review_queue_idx').on(t.updatedAt).where(sql`(${t.outcome} = 'unsatisfied' or ${t.disputed}) and ${t.review} is null`),
    // Analysis (api/analysis.repository.ts): every count over a range of received days reads this index only (an
    // index-only scan of the range), never the wide rows: category, place, unit, coordinates and complainant, and the
    // case's id (last: the group complaints' candidates and the cases behind a figure are ids; migration 0016).
    index('cases_analysis_idx').on(t.receivedAt, t.categoryId, t.areaUnitId, t.unitId, t.lat, t.lng, t.complainantPhone, t.id),
  ],
);

/**
 * The dispatch catalogue (派单目录): a rule sends cases of a category (and everything below it in the taxonomy)
 * placed in an area (a unit and its subtree; null: anywhere) to a unit, or to the unit of a type that the place
 * belongs to ("the street office of the place"). A case matching exactly one unit is dispatched at intake.
 */
export const dispatchRules = pgTable(
  'dispatch_rules',
  {
    id: text('id').primaryKey(),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    areaUnitId: text('area_unit_id').references(() => units.id),
    /** Exactly one of unitId and unitType is set. */
    unitId: text('unit_id').references(() => units.id),
    unitType: text('unit_type'),
    note: text('note'),
    active: boolean('active').notNull().default(true),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    index('dispatch_rules_category_idx').on(t.categoryId),
    check('dispatch_rules_one_target', sql`(${t.unitId} is null) <> (${t.unitType} is null)`),
  ],
);

/**
 * The timeline. (case_id, seq) is the workflow's own numbering: a retried write changes nothing, and a batch written by a
 * workflow task that Temporal then discarded is overwritten (or removed) by the batch that took its place.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    at: tz('at').notNull(),
    data: jsonb('data').notNull().default({}),
    /** The projection batch that wrote it (see cases.projectionVersion). */
    projectionVersion: bigint('projection_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] }), index('case_events_type_at_idx').on(t.type, t.at)],
);

/** Outbox of warnings and notices the workflow decided to send; delivery marks delivered_at. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    unitId: text('unit_id'),
    recipient: text('recipient').notNull(),
    message: text('message').notNull(),
    createdAt: tz('created_at').notNull(),
    deliveredAt: tz('delivered_at'),
    /** Delivery: attempts so far, when the next one is due (null: at once), and when delivery gave up. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at'),
    failedAt: tz('failed_at'),
    lastError: text('last_error'),
    /** Who it went to, resolved from the unit's data at delivery (e.g. "副局长 田凤英"); never the complainant. */
    recipientName: text('recipient_name'),
    /** The projection batch that wrote it (see cases.projectionVersion). */
    projectionVersion: bigint('projection_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    // One notice per event, kind, unit and recipient: an event may tell several units (copies, cooperating units).
    uniqueIndex('notifications_once_per_unit').on(t.caseId, t.seq, t.kind, sql`coalesce(${t.unitId}, '')`, t.recipient),
    index('notifications_pending_idx').on(t.createdAt).where(sql`${t.deliveredAt} is null`),
    // The deliverer's queue: undelivered, not given up, by when the next attempt is due.
    index('notifications_due_idx')
      .on(sql`coalesce(${t.nextAttemptAt}, ${t.createdAt})`)
      .where(sql`${t.deliveredAt} is null and ${t.failedAt} is null`),
  ],
);

/** Every delivery attempt of a notification, successful or not (the audit of who was told what, when). */
export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notifications.id),
    channel: text('channel').notNull(),
    attempt: integer('attempt').notNull(),
    at: tz('at').notNull(),
    ok: boolean('ok').notNull(),
    /** The receiver's HTTP status, when there was one. */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('notification_attempts_notification_idx').on(t.notificationId)],
);

/** A region's official working-day calendar (time zone and working hours); its years are in calendar_years. */
export const workCalendars = pgTable('work_calendars', {
  region: text('region').primaryKey(),
  name: text('name').notNull(),
  /** IANA name for people; the offset is what the arithmetic uses (Asia/Shanghai: +480, no daylight saving). */
  timeZone: text('time_zone').notNull(),
  utcOffsetMinutes: integer('utc_offset_minutes').notNull(),
  workingHours: jsonb('working_hours').$type<Array<{ start: string; end: string }>>().notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** One year of a region's calendar: public holidays off, make-up working days (调休) on. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    region: text('region')
      .notNull()
      .references(() => workCalendars.region),
    year: integer('year').notNull(),
    holidays: text('holidays').array().notNull(),
    workdays: text('workdays').array().notNull(),
    /** Where the dates come from (a package version, a State Council notice). */
    source: text('source').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.region, t.year] })],
);

/**
 * Credentials of systems (a dispatch system, a channel adapter): `hl_<id>.<secret>`; only the secret's SHA-256 is
 * kept. Created and revoked with `npm run auth -- api-key …`. A revoked key stops working within the API's
 * credential cache time (API_KEY_CACHE_TTL, 30 s).
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    unitId: text('unit_id').references(() => units.id),
    /** Requests per minute for this key; null: the API's default. */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    /**
     * A channel's key (the telephony system, the website, an app, a WeChat account, a mailbox, an Open311 client):
     * the channel it hands complaints over from. Such a key opens cases of that channel and reads the ones it opened
     * (role `channel`; `roles` is empty). Null: a system acting under `roles`.
     */
    channel: text('channel').$type<Channel>(),
    createdAt: tz('created_at').notNull().defaultNow(),
    revokedAt: tz('revoked_at'),
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Assessment (考核): domain/assessment.rules.ts decides what each case adds to which counter; these tables keep it.

/**
 * What each case currently contributes (domain/assessment.rules.ts `caseContributions`, summed per key): the
 * projection replaces a case's rows in the same transaction as its events and moves `unit_counters` by the
 * difference, so a retried or replaced batch moves nothing twice, and the counters equal a recomputation from the
 * cases' rows and events. Also the drill-down from a figure to the cases behind it.
 */
export const caseContributions = pgTable(
  'case_contributions',
  {
    caseId: text('case_id').notNull(),
    unitId: text('unit_id').notNull(),
    categoryId: text('category_id').notNull(),
    /** The local date (the calendar's offset) of the moment that decided it. */
    day: text('day').notNull(),
    counter: text('counter').notNull(),
    round: integer('round').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.unitId, t.day, t.counter, t.round] }),
    index('case_contributions_drill_idx').on(t.unitId, t.counter, t.day),
  ],
);

/** Sums of case_contributions per unit × category × local day × counter: what the figures and rankings read. */
export const unitCounters = pgTable(
  'unit_counters',
  {
    unitId: text('unit_id').notNull(),
    categoryId: text('category_id').notNull(),
    day: text('day').notNull(),
    counter: text('counter').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId, t.categoryId, t.counter] }), index('unit_counters_unit_day_idx').on(t.unitId, t.day)],
);

/**
 * unit_counters summed over categories (unit × local day × counter), kept by the same statement that moves
 * unit_counters: what rankings and unit figures read. A month of a large city is a few thousand rows here against
 * about as many rows as cases in unit_counters (units × categories × days is larger than a month's cases), so the
 * ranking aggregate reads 100× fewer rows (bench/metrics.ts).
 */
export const unitDayCounters = pgTable(
  'unit_day_counters',
  {
    unitId: text('unit_id').notNull(),
    day: text('day').notNull(),
    counter: text('counter').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId, t.counter] }), index('unit_day_counters_unit_day_idx').on(t.unitId, t.day)],
);

/** Versioned assessment policy documents (domain/assessment.policy.ts). One is active. */
export const assessmentPolicies = pgTable(
  'assessment_policies',
  {
    version: integer('version').primaryKey(),
    document: jsonb('document').notNull(),
    active: boolean('active').notNull().default(false),
    note: text('note'),
    createdAt: tz('created_at').notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('assessment_policies_one_active').on(t.active).where(sql`${t.active}`)],
);

/**
 * A published ranking: one level, one period, frozen with the assessment policy version it used. A correction is a
 * new version of the same (level, within, period kind, period); the earlier stays readable and names its successor.
 */
export const rankingPublications = pgTable(
  'ranking_publications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    level: text('level').notNull(),
    /** The unit whose subtree the ranked units were taken from (`within=d01`: the streets of d01); null: the whole tree. */
    within: text('within'),
    periodKind: text('period_kind').notNull(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    policyVersion: integer('policy_version').notNull(),
    /** The ranking as published (rows with ranks, scores, figures and their counts). */
    ranking: jsonb('ranking').notNull(),
    /** Whether the published ranking may be read without signing in (never personal data or case numbers). */
    public: boolean('public').notNull().default(false),
    note: text('note'),
    publishedAt: tz('published_at').notNull().defaultNow(),
    publishedBy: text('published_by').notNull(),
  },
  // One numbering of versions per ranking: level, peer group (within; the whole tree as ''), period kind and period.
  (t) => [uniqueIndex('ranking_publications_version').on(t.level, sql`coalesce(${t.within}, '')`, t.periodKind, t.period, t.version)],
);

/** Each reconciliation of a period: the counters recomputed from the raw rows and the drift found (expected: none). */
export const assessmentReconciliations = pgTable('assessment_reconciliations', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  fromDay: text('from_day').notNull(),
  toDay: text('to_day').notNull(),
  casesChecked: integer('cases_checked').notNull(),
  /** Counter rows whose stored sum differed from the recomputation: { unitId, categoryId, day, counter, stored, recomputed }[]. */
  drift: jsonb('drift').notNull(),
  repaired: boolean('repaired').notNull().default(false),
  startedAt: tz('started_at').notNull(),
  finishedAt: tz('finished_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------------------------
// Analysis (未诉先办) and reports

/** Versioned analysis policy documents (domain/analysis.policy.ts), kept like assessment_policies. One is active. */
export const analysisPolicies = pgTable(
  'analysis_policies',
  {
    version: integer('version').primaryKey(),
    document: jsonb('document').notNull(),
    active: boolean('active').notNull().default(false),
    note: text('note'),
    createdAt: tz('created_at').notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('analysis_policies_one_active').on(t.active).where(sql`${t.active}`)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Generated reports (reports/): a daily notice, weekly summary or monthly report of one period for one scope (a unit's
 * subtree; null: the whole city), as a self-contained HTML file and an XLSX workbook, with the figures they were
 * rendered from. Generating a period again makes its next version; an earlier version never changes.
 */
export const reports = pgTable(
  'reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    scopeUnitId: text('scope_unit_id'),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    html: text('html').notNull(),
    xlsx: bytea('xlsx').notNull(),
    /** The figures the files were rendered from (counts, shares, links; no personal data). */
    figures: jsonb('figures').notNull(),
    analysisPolicyVersion: integer('analysis_policy_version').notNull(),
    /** What made it: the workflow run and scope (a retried store finds its own row instead of adding a version). */
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_version').on(t.kind, sql`coalesce(${t.scopeUnitId}, '')`, t.period, t.version),
    uniqueIndex('reports_source').on(t.source),
    index('reports_scope_idx').on(t.scopeUnitId, t.id),
  ],
);

/**
 * Group complaints (群体诉求) and surges flagged by the analysis (domain/analysis.rules.ts), each once: `key` is the
 * finding's stable identity (a group's category, place and first case; a surge's category, unit and first day), so a
 * run that finds it again adds nothing, and its notices are written with it.
 */
export const analysisAlerts = pgTable(
  'analysis_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    categoryId: text('category_id').notNull(),
    /** The unit told (the place's street, or the unit the cases are at); null: the city platform. */
    unitId: text('unit_id'),
    detectedAt: tz('detected_at').notNull(),
    /** The finding's figures and place (cell or unit), its case numbers for a group; no personal data. */
    details: jsonb('details').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('analysis_alerts_key').on(t.kind, t.key),
    index('analysis_alerts_detected_idx').on(t.detectedAt),
    // A case's flagged group complaint, looked up when the case is read (api/group-flags.ts): groups only, by category and time.
    index('analysis_alerts_group_idx').on(t.categoryId, t.detectedAt).where(sql`${t.kind} = 'group_complaint'`),
  ],
);

/**
 * Photos, videos and links that come with a case (issue 22). The case holds references only: a file's bytes live
 * in the attachment store (platform storage: local disk under the data folder, or an S3-compatible bucket) under
 * `storageKey`, never in Temporal payloads or history; a link (Open311's `media_url`, an app's photo address) is
 * kept as `url` and never fetched by the server. No foreign key to cases: the API records an intake's links and
 * files before the worker has written the case's row.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    kind: text('kind').$type<'file' | 'link'>().notNull(),
    /** kind = link: the address as given (http or https only). */
    url: text('url'),
    /** kind = file: the key in the attachment store. */
    storageKey: text('storage_key'),
    /** kind = file: the type sniffed from the content (not from the name or the client's header). */
    mediaType: text('media_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    /** The name the uploader gave, cleaned; shown, never used as a path. */
    fileName: text('file_name'),
    /** When in the case it came: intake, complainant (later, with the case code), handling (by the unit), reply. */
    stage: text('stage').$type<'intake' | 'complainant' | 'handling' | 'reply'>().notNull(),
    /** Who added it: { kind: 'channel' | 'complainant' | 'staff', id, unitId? } (no names or phone numbers). */
    addedBy: jsonb('added_by').$type<{ kind: 'channel' | 'complainant' | 'staff'; id: string; unitId?: string | null }>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    /** Withdrawn (by whoever may): the row stays for the timeline, the file is deleted from the store. */
    removedAt: tz('removed_at'),
    /** Who withdrew it (migration 0015): { kind, id, unitId? } like addedBy. */
    removedBy: jsonb('removed_by').$type<{ kind: 'channel' | 'complainant' | 'staff'; id: string; unitId?: string | null }>(),
  },
  (t) => [
    index('attachments_case_idx').on(t.caseId, t.createdAt),
    check('attachments_kind', sql`(${t.kind} = 'link' and ${t.url} is not null) or (${t.kind} = 'file' and ${t.storageKey} is not null)`),
  ],
);
