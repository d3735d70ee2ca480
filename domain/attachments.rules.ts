/**
 * Who adds a photo or video to a case, at which stage, in which state of the case; who withdraws one; what the
 * complainant sees. Pure rules over plain data; the attachments service asks them after the access table
 * (domain/access.ts: `case.attach`, `case.detach`, `case.read`) has said the caller may act on this case at all.
 *
 * Stages: `intake` (intake agents and dispatchers, until a unit has signed for the case), `handling` (the handling
 * unit while it works on the case), `reply` (the handling unit: the photo of the fixed pavement that goes with the
 * reply, also just after it), `complainant` (the complainant, with the case code, until the case is closed).
 */
import type { Role } from './access.js';
import type { CaseStatus } from './case.types.js';

export const ATTACHMENT_STAGES = ['intake', 'complainant', 'handling', 'reply'] as const;
export type AttachmentStage = (typeof ATTACHMENT_STAGES)[number];

/** Who added or withdrew an attachment: a member of staff, a channel (an API key) or the complainant; never a name. */
export interface AttachmentActor {
  kind: 'staff' | 'channel' | 'complainant';
  id: string;
  unitId?: string | null;
}

const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'dispatched', 'accepted', 'contacted', 'on_hold', 'replied', 'returned'];

/** Per stage: the roles that add at it and the states of the case it is open in. Order: the default stage first. */
export const STAGE_RULES: Record<AttachmentStage, { roles: readonly Role[]; statuses: readonly CaseStatus[] }> = {
  intake: { roles: ['intake_agent', 'dispatcher'], statuses: ['received', 'returned', 'dispatched'] },
  handling: { roles: ['unit_handler', 'unit_leader'], statuses: ['accepted', 'contacted', 'on_hold'] },
  reply: { roles: ['unit_handler', 'unit_leader'], statuses: ['accepted', 'contacted', 'on_hold', 'replied'] },
  complainant: { roles: ['complainant'], statuses: OPEN_STATUSES },
};
const STAGE_ORDER: readonly AttachmentStage[] = ['intake', 'handling', 'reply', 'complainant'];

export type AttachDecision =
  | { outcome: 'allow'; stage: AttachmentStage; role: Role }
  /** None of the caller's roles adds at that stage (403). */
  | { outcome: 'forbidden'; stages: AttachmentStage[] }
  /** The stage is the caller's, but not in this state of the case (409), with the states it is open in. */
  | { outcome: 'wrong_state'; stage: AttachmentStage; statuses: readonly CaseStatus[] };

/**
 * The stage an upload goes in. `roles`: the caller's roles that hold `case.attach` on this case. Asked for a stage,
 * that one; otherwise the first stage, in order, that one of the roles adds at in this state (a unit's upload after
 * its reply goes with the reply).
 */
export function attachStage(roles: readonly Role[], status: CaseStatus, asked?: AttachmentStage): AttachDecision {
  const candidates = asked ? [asked] : STAGE_ORDER;
  const theirs = candidates.filter((stage) => STAGE_RULES[stage].roles.some((r) => roles.includes(r)));
  if (!theirs.length) return { outcome: 'forbidden', stages: STAGE_ORDER.filter((stage) => STAGE_RULES[stage].roles.some((r) => roles.includes(r))) };
  for (const stage of theirs) {
    const rule = STAGE_RULES[stage];
    if (rule.statuses.includes(status)) return { outcome: 'allow', stage, role: rule.roles.find((r) => roles.includes(r))! };
  }
  const first = theirs[0]!;
  return { outcome: 'wrong_state', stage: first, statuses: STAGE_RULES[first].statuses };
}

/** Roles that may withdraw any attachment of a case they hold `case.detach` on (a photo that shows a bystander). */
const MODERATORS: readonly Role[] = ['supervisor'];

export type DetachDecision = { outcome: 'allow' } | { outcome: 'forbidden'; why: string } | { outcome: 'wrong_state' };

/**
 * Whether the caller may withdraw an attachment: a supervisor any, any time; everyone else (holding `case.detach`
 * here) only what they added themselves, while the case is open.
 */
export function mayDetach(caller: { id: string; roles: readonly Role[] }, addedBy: AttachmentActor, status: CaseStatus): DetachDecision {
  if (caller.roles.some((r) => MODERATORS.includes(r))) return { outcome: 'allow' };
  if (addedBy.id !== caller.id) return { outcome: 'forbidden', why: 'only who added an attachment (or a supervisor) withdraws it' };
  return status === 'closed' ? { outcome: 'wrong_state' } : { outcome: 'allow' };
}

/**
 * What the complainant sees of their case's attachments: what came at intake (their own photos given to the
 * channel, an app's links), what they added, and the unit's reply photos; not the unit's working photos
 * (`handling`), which are internal like its progress notes; nothing withdrawn.
 */
export function visibleToComplainant(a: { stage: AttachmentStage; removedAt: Date | string | null }): boolean {
  return a.removedAt === null && a.stage !== 'handling';
}

/** Who added it, as the complainant's view says it: themselves, the hotline, or the unit. */
export function publicSource(a: { stage: AttachmentStage; addedBy: AttachmentActor }): 'you' | 'hotline' | 'unit' {
  if (a.addedBy.kind === 'complainant') return 'you';
  return a.stage === 'handling' || a.stage === 'reply' ? 'unit' : 'hotline';
}
