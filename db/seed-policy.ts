/**
 * The default case policy, version 1: DOMAIN.md's numbers as data. It is loaded into case_policies once;
 * from then on the table is the source, and an edit is a new version (cases keep the version they opened under).
 */
import type { CasePolicy } from '../domain/policy.types.js';

export const defaultCasePolicy: CasePolicy = {
  version: 2,
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
  // Weekends only until the official holiday calendar is loaded (deadlines issue).
  calendar: { utcOffsetMinutes: 480, holidays: [], workdays: [] },
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
};
