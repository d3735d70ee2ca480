/**
 * A refused action: an Update or signal that reached the case without the API's proof that it sent it (see
 * platform/action-assertion.ts). Nothing about the case changes; the attempt is written into its timeline, by the
 * system, with what it claimed to be — so a supervisor reading the timeline sees that someone tried.
 */
import { record, type Transition } from './case.record.js';
import type { Actor, CaseState } from './case.types.js';

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

/** Claimed values come from whoever sent the action: kept short, and only if they are strings. */
const claimed = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, 64) : null);

export function refusedAction(state: CaseState, action: string, reason: string, now: number, claimedActor: unknown): Transition {
  const a = claimedActor && typeof claimedActor === 'object' ? (claimedActor as Record<string, unknown>) : {};
  const claim = { id: claimed(a.id), role: claimed(a.role), unitId: claimed(a.unitId) };
  return record(state, [{ type: 'action_refused', data: { action, reason, claimedActor: claim } }], now, SYSTEM_ACTOR);
}
