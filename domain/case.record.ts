/**
 * How a transition is written down: drafts of events (with the notices they cause) are numbered as the case's
 * next events and expanded into outbox rows. Shared by the machine's actions and its clocks.
 */
import type { Actor, CaseEvent, CaseEventType, CaseNotification, CaseState, NotificationKind } from './case.types.js';

export interface Transition {
  state: CaseState;
  events: CaseEvent[];
  notifications: CaseNotification[];
}

export interface Notice {
  kind: NotificationKind;
  recipient: string;
  message: string;
  /** The unit told; the case's unit when absent. */
  unitId?: string | null;
}

export interface Draft {
  type: CaseEventType;
  data: Record<string, unknown>;
  notices?: Notice[];
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Numbers the drafts as the case's next events and expands their notices. */
export function record(state: CaseState, drafts: Draft[], now: number, actor: Actor): Transition {
  const s: CaseState = { ...state, updatedAt: iso(now) };
  const events: CaseEvent[] = [];
  const notifications: CaseNotification[] = [];
  for (const d of drafts) {
    s.seq += 1;
    events.push({ seq: s.seq, type: d.type, at: iso(now), actor, data: d.data });
    for (const n of d.notices ?? []) {
      notifications.push({ caseId: s.caseId, seq: s.seq, kind: n.kind, unitId: n.unitId ?? s.unitId, recipient: n.recipient, message: n.message });
    }
  }
  return { state: s, events, notifications };
}

/** One transition from several in a row (each applied to the state the previous one left). */
export function chain(first: Transition, ...steps: Array<(s: CaseState) => Transition>): Transition {
  let t = first;
  for (const step of steps) {
    const next = step(t.state);
    t = { state: next.state, events: [...t.events, ...next.events], notifications: [...t.notifications, ...next.notifications] };
  }
  return t;
}
