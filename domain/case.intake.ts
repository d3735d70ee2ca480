/**
 * Intake rules that depend on the channel a complaint came through (issue 15): when it was received, and whether
 * anyone can be reached for it. Pure: the API asks `receivedAtRefusal` for an early 422, the machine asks
 * `clockStartOf` for the start of the clocks that start at intake (so a case opened without the API's check still
 * obeys the policy).
 */
import { dueAt } from './deadlines.js';
import type { CaseIntake } from './case.types.js';
import type { CasePolicy, DurationSpec } from './policy.types.js';

/** A wall-clock policy length in milliseconds (the intake bounds are wall-clock lengths: policy.schema.ts). */
const spanMs = (spec: DurationSpec, policy: CasePolicy) => dueAt(0, spec, policy.calendar);

const phrase = (spec: DurationSpec) => `${spec.amount} ${spec.amount === 1 ? spec.unit.replace(/s$/, '') : spec.unit}`;

/** The instant an intake stated, or null when it stated none (or nothing readable). */
export function statedReceivedAt(intake: Pick<CaseIntake, 'receivedAt'>): number | null {
  const ms = intake.receivedAt ? Date.parse(intake.receivedAt) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Why a stated receivedAt cannot be accepted now, or null when it can. Refused: later than now plus the clock
 * skew the policy allows, earlier than the policy's maximum age, or any value under a policy that sets no bounds.
 * Without a policy (the API has not loaded one yet) nothing is refused here: the case clamps it (`clockStartOf`).
 */
export function receivedAtRefusal(receivedAtMs: number, policy: CasePolicy | undefined, now: number): string | null {
  if (!policy) return null;
  const bounds = policy.intake;
  if (!bounds) return `the policy in force (version ${policy.version}) sets no intake bounds (intake.receivedAtMaxAge): a receivedAt cannot be accepted under it`;
  const skew = spanMs(bounds.receivedAtClockSkew, policy);
  if (receivedAtMs > now + skew) {
    return `lies in the future: later than the hotline's clock (${new Date(now).toISOString()}) by more than the ${phrase(bounds.receivedAtClockSkew)} of clock skew the policy allows`;
  }
  const earliest = now - spanMs(bounds.receivedAtMaxAge, policy);
  if (receivedAtMs < earliest) {
    return `is more than ${phrase(bounds.receivedAtMaxAge)} ago (intake.receivedAtMaxAge): the earliest accepted now is ${new Date(earliest).toISOString()}`;
  }
  return null;
}

/**
 * When the clocks that start at intake start: the stated receivedAt, never later than the opening (clock skew)
 * and never earlier than the policy's maximum age allows; the opening itself when nothing was stated.
 */
export function clockStartOf(intake: Pick<CaseIntake, 'receivedAt'>, policy: CasePolicy, now: number): number {
  const stated = statedReceivedAt(intake);
  if (stated === null) return now;
  const maxAge = policy.intake?.receivedAtMaxAge;
  const earliest = maxAge ? now - spanMs(maxAge, policy) : -Infinity;
  return Math.min(now, Math.max(stated, earliest));
}
