/**
 * The default case policy: DOMAIN.md's numbers as data. It is loaded into case_policies once (a newer default
 * replaces an older default still in force, db/seed.ts); from then on the table is the source, and an edit is a new
 * version (PUT /v1/policies; cases keep the version they opened under).
 *
 * Version 3 counts working days on the official calendar of region CN (work_calendars / calendar_years), filled in
 * when the policy is loaded, instead of weekends only, and sets the extension (延期) limits. Version 4 adds the
 * callback attempts, the review and rating windows and the repeat-complaint cards. Version 5 adds the bounds on
 * when an intake may say a complaint was received (`intake`) and names the hotline centre's unit
 * (`centreUnitId`), the owner of the callback clock.
 */
import type { PolicyDocument } from '../domain/policy.schema.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { CN_OFFICIAL_CALENDAR, OFFICIAL_CALENDAR_YEARS } from './calendar-data.js';

/** The document the seed stores: its calendar is the region's, from the database. */
export const defaultPolicyDocument: PolicyDocument = {
  version: 5,
  yellowRatio: 0.75,
  maxExtraRounds: 2,
  clocks: {
    emergency: {
      signFor: { amount: 15, unit: 'minutes' },
      contact: { amount: 1, unit: 'hours' },
      reply: { amount: 1, unit: 'days' },
    },
    utilities: {
      signFor: { amount: 30, unit: 'minutes' },
      contact: { amount: 2, unit: 'hours' },
      reply: { amount: 1, unit: 'working_days' },
    },
    urgent: {
      signFor: { amount: 1, unit: 'working_days' },
      contact: { amount: 1, unit: 'working_days' },
      reply: { amount: 2, unit: 'working_days' },
      callback: { amount: 1, unit: 'working_days' },
    },
    general: {
      signFor: { amount: 1, unit: 'working_days' },
      contact: { amount: 1, unit: 'working_days' },
      reply: { amount: 5, unit: 'working_days' },
      callback: { amount: 1, unit: 'working_days' },
    },
    complex: {
      signFor: { amount: 1, unit: 'working_days' },
      contact: { amount: 1, unit: 'working_days' },
      reply: { amount: 15, unit: 'working_days' },
      callback: { amount: 1, unit: 'working_days' },
    },
  },
  // Version 3: the official calendar (holidays and make-up working days) of mainland China.
  calendarRegion: 'CN',
  // Version 2: dispatch rules (退单 window, designation, joint handling, overdue ladder).
  returnWindow: {
    emergency: { amount: 1, unit: 'working_days' },
    utilities: { amount: 1, unit: 'working_days' },
    urgent: { amount: 1, unit: 'working_days' },
    general: { amount: 1, unit: 'working_days' },
    complex: { amount: 2, unit: 'working_days' },
  },
  designateAfterReturns: 3,
  // Not in DOMAIN.md: a cooperating unit reports well before the lead's reply is due.
  cooperationReport: {
    emergency: { amount: 4, unit: 'hours' },
    utilities: { amount: 4, unit: 'hours' },
    urgent: { amount: 1, unit: 'working_days' },
    general: { amount: 3, unit: 'working_days' },
    complex: { amount: 10, unit: 'working_days' },
  },
  overdueLadder: [
    { after: { amount: 1, unit: 'working_days' }, level: 2 },
    { after: { amount: 5, unit: 'working_days' }, level: 3, cityNotice: true },
  ],
  // Version 3: extensions (延期) of the reply deadline (DOMAIN.md defaults).
  extension: { maxDays: 10, approvableWithoutSupervisor: 1 },
  // Version 4: closing the loop. Unreachable after 3 attempts → not a valid callback (DOMAIN.md).
  callbackMaxAttempts: 3,
  // Not in DOMAIN.md: a case closed unsatisfied waits 10 working days for the third-party review, and the
  // complainant may rate online for 7 days after the reply (the case's workflow stays that long to take them).
  reviewWindow: { amount: 10, unit: 'working_days' },
  ratingWindow: { amount: 7, unit: 'days' },
  // Version 5: the callback is the hotline centre's own duty (DOMAIN.md): its warnings go to the centre's leaders.
  centreUnitId: 'hotline-centre',
  // Repeat complaints (Hefei Luyang): 30 days, the same place (or within 200 m) and category, or the same
  // complainant and category; 3 → yellow card (unit head, level 1), 4 → orange (bureau leadership, level 2),
  // 5+ → red (bureau head, level 3).
  repeats: {
    window: { amount: 30, unit: 'days' },
    distanceMeters: 200,
    cards: [
      { count: 3, card: 'yellow', level: 1 },
      { count: 4, card: 'orange', level: 2 },
      { count: 5, card: 'red', level: 3 },
    ],
  },
  // Version 5, not in DOMAIN.md: a channel may hand a complaint over up to 72 hours after it was received (a
  // weekend's letters, a telephony backlog); a stated time up to 2 minutes ahead of the API's clock is clock skew.
  intake: {
    receivedAtMaxAge: { amount: 72, unit: 'hours' },
    receivedAtClockSkew: { amount: 2, unit: 'minutes' },
  },
};

/**
 * The default policy resolved without a database: its calendar is the official one the seed loads (every year of
 * db/calendar-data.ts). For pure tests and tools; running code loads the policy with db/policy.ts.
 */
export const defaultCasePolicy: CasePolicy = {
  ...defaultPolicyDocument,
  calendar: {
    region: CN_OFFICIAL_CALENDAR.region,
    utcOffsetMinutes: CN_OFFICIAL_CALENDAR.utcOffsetMinutes,
    holidays: CN_OFFICIAL_CALENDAR.holidays,
    workdays: CN_OFFICIAL_CALENDAR.workdays,
    workingHours: CN_OFFICIAL_CALENDAR.workingHours,
    years: OFFICIAL_CALENDAR_YEARS,
  },
};
