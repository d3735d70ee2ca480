/**
 * The soak's actions through the API, each as the person whose desk it is (bench/soak/run.ts), and what each does to
 * the ledger: an Update answers the case after it (the ledger takes its state from the answer), a signal answers
 * 202 (the ledger applies what the signal does). A 409 means the case is not where the soak thought: it is read
 * again and the ledger corrected (counted as a conflict, not an error).
 *
 * MIX: how many of each action a hotline does per complaint received, roughly: most complaints go the whole way
 * (sign for, contact, reply, callback); a quarter wait for a dispatcher, 1 in 20 is answered at intake; some are
 * returned, reassigned, escalated, urged, extended or put on hold; the desks read cases, timelines, actions and
 * queues far more often than they write. Each action takes a case in a state that fits from the ledger's pools.
 */
import { performance } from 'node:perf_hooks';
import { MAX_ESCALATION_LEVEL, type CaseStatus } from '../../domain/case.types.js';
import { benchComplaint } from '../fixtures.js';
import { HttpError, type HttpClient } from '../load.js';
import type { Entry, Ledger } from './ledger.js';
import { weighted } from './ledger.js';
import type { Outcome, Recorder } from './recorder.js';
import { CALLBACK, CATEGORIES, DISPATCHER, handlerOf, INTAKE, RUN, STREETS, SUPERVISOR } from './run.js';

/** Per complaint received (`open` = 1): the expected number of each action in phase 2. */
export const MIX = {
  open: 1,
  dispatch: 0.3,
  accept: 1.08,
  return: 0.05,
  contact: 1.0,
  progress: 0.5,
  reply: 1.0,
  callback: 1.1,
  reassign: 0.03,
  escalate: 0.05,
  urge: 0.1,
  extension: 0.03,
  hold: 0.01,
  resume: 0.01,
  'read:case': 2.0,
  'read:list': 1.0,
  'read:events': 0.3,
  'read:actions': 1.0,
} as const;
export type MixAction = keyof typeof MIX;
/** The names latencies are recorded under that are reads (the rest change a case). */
export const READS = ['read:case', 'read:list', 'read:events', 'read:actions'] as const;

/** How a complaint comes in: dispatched by the catalogue at intake, left to a dispatcher, answered at intake (triage). */
export const INTAKE_KINDS = { catalogue: 0.7, dispatcher: 0.25, triage: 0.05 } as const;
/** The callback's answers: satisfied (closes), unsatisfied (another round with the same unit), nobody answered. */
export const CALLBACK_ANSWERS = { satisfied: 0.85, unsatisfied: 0.07, no_answer: 0.08 } as const;

const HANDLING: readonly CaseStatus[] = ['dispatched', 'accepted', 'contacted'];
const OPEN: readonly CaseStatus[] = ['received', 'dispatched', 'accepted', 'contacted', 'replied', 'returned', 'on_hold'];

/** The case as the API answers it: what the ledger keeps of it. */
interface CaseAnswer {
  id: string;
  status: CaseStatus;
  unitId: string | null;
  escalationLevel: number;
  returnDueAt: string | null;
  designatedUnitId: string | null;
  extensions: unknown[];
}

export interface ActContext {
  http: () => HttpClient;
  ledger: Ledger;
  recorder: Recorder;
  random: () => number;
  /** Complaints numbered across the run (bench/fixtures.ts benchComplaint: a caller of its own each, 1 in 20 a repeat). */
  nextComplaint: () => number;
}

/** What the ledger keeps of an answer. */
export function entryPatch(view: CaseAnswer, now = Date.now()): Pick<Entry, 'status' | 'unit' | 'escalation' | 'mayReturn' | 'extended'> {
  return {
    status: view.status,
    unit: view.unitId,
    escalation: view.escalationLevel,
    // The unit may return it inside its window, unless it was designated to it (or it came back for re-handling: no window).
    mayReturn: view.returnDueAt !== null && Date.parse(view.returnDueAt) > now + 10_000 && view.designatedUnitId !== view.unitId,
    extended: view.extensions.length > 0,
  };
}

/** Runs one request, timed, and records it under `name`: its answer, or null after a 409 or another failure. */
export async function timed<T>(ctx: Pick<ActContext, 'recorder'>, name: string, call: () => Promise<T>): Promise<{ value: T } | { outcome: Exclude<Outcome, 'ok'>; error: string }> {
  const t0 = performance.now();
  try {
    const value = await call();
    ctx.recorder.record(name, performance.now() - t0, 'ok');
    return { value };
  } catch (err) {
    const outcome = err instanceof HttpError && err.status === 409 ? 'conflict' : 'error';
    const error = err instanceof Error ? err.message : String(err);
    ctx.recorder.record(name, performance.now() - t0, outcome, error);
    return { outcome, error };
  }
}

const otherStreet = (ctx: ActContext, not: string | null) => {
  const choices = STREETS.filter((s) => s !== not);
  return choices[Math.floor(ctx.random() * choices.length)]!;
};

/** Reads the case again after a 409 and puts it back in the pool of the state it is really in. */
async function resync(ctx: ActContext, entry: Entry): Promise<void> {
  try {
    const view = await ctx.http().get<CaseAnswer>(`/v1/cases/${entry.id}`, DISPATCHER);
    ctx.ledger.release(entry, entryPatch(view));
  } catch {
    ctx.ledger.release(entry);
  }
}

/**
 * An Update through the API on a taken case, as `actor`: the ledger follows the answer (and the case goes back to
 * its pool, unless `keep`: the caller acts on it again); a 409 re-reads the case. Returns the answer, or null.
 */
async function update(ctx: ActContext, entry: Entry, name: string, path: string, body: unknown, actor: Record<string, string>, keep = false): Promise<CaseAnswer | null> {
  const r = await timed(ctx, name, () => ctx.http().post<CaseAnswer>(`/v1/cases/${entry.id}/${path}`, body, actor, [200]));
  if ('value' in r) {
    if (keep) Object.assign(entry, entryPatch(r.value));
    else ctx.ledger.release(entry, entryPatch(r.value));
    return r.value;
  }
  if (r.outcome === 'conflict') await resync(ctx, entry);
  else ctx.ledger.release(entry);
  return null;
}

/** A signal through the API (202) on a taken case: the ledger applies `after` when it was accepted. */
async function signal(ctx: ActContext, entry: Entry, name: string, body: unknown, actor: Record<string, string>, after: Partial<Entry>): Promise<void> {
  const r = await timed(ctx, name, () => ctx.http().post(`/v1/cases/${entry.id}/${name}`, body, actor, [202]));
  if ('value' in r) ctx.ledger.release(entry, after);
  else if (r.outcome === 'conflict') await resync(ctx, entry);
  else ctx.ledger.release(entry);
}

export type IntakeKind = keyof typeof INTAKE_KINDS | 'timed';

/**
 * Opens a complaint of `kind` at a random street (the timed ones with `receivedAt`), records it as `name` and adds
 * it to the ledger. Returns the case, or null when the API refused it.
 */
export async function openCase(ctx: ActContext, kind: IntakeKind, o: { name?: string; receivedAt?: Date } = {}): Promise<Entry | null> {
  const n = ctx.nextComplaint();
  const street = STREETS[Math.floor(ctx.random() * STREETS.length)]!;
  const body = benchComplaint(n, {
    categoryId: kind === 'catalogue' || kind === 'triage' ? CATEGORIES.catalogue : kind === 'timed' ? CATEGORIES.timed : CATEGORIES.dispatcher,
    location: { address: `临江市${street}幸福路${(n % 500) + 1}号`, areaUnitId: street },
    ...(kind === 'triage' && { triage: { outcome: 'consultation', note: '已当场解答政策咨询' } }),
    ...(o.receivedAt && { receivedAt: o.receivedAt.toISOString() }),
  });
  const r = await timed(ctx, o.name ?? 'open', () => ctx.http().post<CaseAnswer>('/v1/cases', body, { ...INTAKE, 'idempotency-key': `soak-${RUN.id}-${n}` }, [201]));
  if (!('value' in r)) return null;
  return ctx.ledger.add({ id: r.value.id, kind, timed: kind === 'timed', ...entryPatch(r.value) });
}

/** The bodies of the unit's steps, the same in phase 1 and phase 2. */
const BODIES = {
  accept: {},
  contact: { method: 'phone', note: '已电话联系诉求人' },
  reply: { content: '经现场核实已处理完毕', resolved: true },
} as const;

/** The states a seeded case reaches, and the steps after its opening that take it there (phase 1). */
export const SEED_PATHS = {
  received: [],
  dispatched: [],
  accepted: ['accept'],
  contacted: ['accept', 'contact'],
  replied: ['accept', 'contact', 'reply'],
} as const satisfies Partial<Record<CaseStatus, ReadonlyArray<keyof typeof BODIES>>>;

/** One step of a seeded case by the handler of its unit: false when it did not go through. */
export async function seedStep(ctx: ActContext, id: string, step: keyof typeof BODIES): Promise<boolean> {
  const e = ctx.ledger.takeId(id);
  if (!e) return false;
  return (await update(ctx, e, step, step, BODIES[step], handlerOf(e.unit ?? STREETS[0]!))) !== null;
}

/** Takes a case in one of `statuses` that fits: undefined (the action is skipped) when there is none. */
const take = (ctx: ActContext, statuses: readonly CaseStatus[], fits?: (e: Entry) => boolean) => ctx.ledger.take(statuses, fits);

/** One action of the mix. Returns false when no case fitted (skipped). */
export async function act(ctx: ActContext, action: MixAction): Promise<boolean> {
  const handler = (e: Entry) => handlerOf(e.unit ?? STREETS[0]!);
  switch (action) {
    case 'open':
      await openCase(ctx, weighted(INTAKE_KINDS, ctx.random));
      return true;
    case 'dispatch': {
      const e = take(ctx, ['received', 'returned']);
      if (!e) return false;
      await update(ctx, e, 'dispatch', 'dispatch', { unitId: otherStreet(ctx, null), note: '属地街道处理' }, DISPATCHER);
      return true;
    }
    case 'accept': {
      const e = take(ctx, ['dispatched']);
      if (!e) return false;
      await update(ctx, e, 'accept', 'accept', BODIES.accept, handler(e));
      return true;
    }
    case 'return': {
      const e = take(ctx, ['dispatched', 'accepted'], (x) => x.mayReturn);
      if (!e) return false;
      await update(ctx, e, 'return', 'return', { reason: 'not_our_duty', note: '经核实不属于本单位职责' }, handler(e));
      return true;
    }
    case 'contact': {
      const e = take(ctx, ['accepted']);
      if (!e) return false;
      await update(ctx, e, 'contact', 'contact', BODIES.contact, handler(e));
      return true;
    }
    case 'progress': {
      const e = take(ctx, ['accepted', 'contacted']);
      if (!e) return false;
      await update(ctx, e, 'progress', 'progress', { note: '已约谈相关方，正在协调' }, handler(e));
      return true;
    }
    case 'reply': {
      const e = take(ctx, ['contacted']);
      if (!e) return false;
      await update(ctx, e, 'reply', 'reply', BODIES.reply, handler(e));
      return true;
    }
    case 'callback': {
      const e = take(ctx, ['replied']);
      if (!e) return false;
      const answer = weighted(CALLBACK_ANSWERS, ctx.random);
      const body =
        answer === 'no_answer'
          ? { outcome: 'no_answer' }
          : { contacted: true, resolved: answer === 'satisfied', satisfaction: answer === 'satisfied' ? 'satisfied' : 'unsatisfied' };
      await update(ctx, e, 'callback', 'callback', body, CALLBACK);
      return true;
    }
    case 'reassign': {
      const e = take(ctx, HANDLING);
      if (!e) return false;
      const to = otherStreet(ctx, e.unit);
      // The new unit's clocks start again; whether it may return the case the soak does not assume.
      await signal(ctx, e, 'reassign', { unitId: to, reason: '属地调整，改派至所在街道' }, DISPATCHER, { status: 'dispatched', unit: to, mayReturn: false });
      return true;
    }
    case 'escalate': {
      const e = take(ctx, OPEN, (x) => x.escalation < MAX_ESCALATION_LEVEL);
      if (!e) return false;
      await signal(ctx, e, 'escalate', { reason: '群众反映强烈，提级督办' }, SUPERVISOR, { escalation: e.escalation + 1 });
      return true;
    }
    case 'urge': {
      const e = take(ctx, HANDLING);
      if (!e) return false;
      await signal(ctx, e, 'urge', { note: '请加快办理进度' }, SUPERVISOR, {});
      return true;
    }
    case 'extension': {
      const e = take(ctx, ['accepted', 'contacted'], (x) => !x.extended);
      if (!e) return false;
      // The unit asks; the city dispatcher decides at once (the first extension needs no supervisor).
      const asked = await update(ctx, e, 'request_extension', 'extension-requests', { days: 3, reason: '需协调多个部门联合处置' }, handler(e), true);
      if (asked) await update(ctx, e, 'decide_extension', 'extension-requests/decision', { approve: true, note: '同意延期' }, DISPATCHER);
      return true;
    }
    case 'hold': {
      const e = take(ctx, ['accepted', 'contacted']);
      if (!e) return false;
      await update(ctx, e, 'hold', 'hold', { reason: '需待季节性施工条件具备', reviewDates: [new Date(Date.now() + 7 * 86_400_000).toISOString()] }, DISPATCHER);
      return true;
    }
    case 'resume': {
      const e = take(ctx, ['on_hold']);
      if (!e) return false;
      await update(ctx, e, 'resume', 'resume', { note: '施工条件已具备，恢复办理' }, DISPATCHER);
      return true;
    }
    case 'read:case': {
      const e = ctx.ledger.pickAny();
      if (!e) return false;
      await timed(ctx, action, () => ctx.http().get(`/v1/cases/${e.id}`, e.unit ? handler(e) : DISPATCHER));
      return true;
    }
    case 'read:events': {
      const e = ctx.ledger.pickAny();
      if (!e) return false;
      await timed(ctx, action, () => ctx.http().get(`/v1/cases/${e.id}/events`, SUPERVISOR));
      return true;
    }
    case 'read:actions': {
      const e = ctx.ledger.pickAny();
      if (!e) return false;
      await timed(ctx, action, () => ctx.http().get(`/v1/cases/${e.id}/actions`, e.unit ? handler(e) : DISPATCHER));
      return true;
    }
    case 'read:list': {
      // A unit's queue at its desk: its cases in one state, newest first, first page.
      const street = STREETS[Math.floor(ctx.random() * STREETS.length)]!;
      const status = HANDLING[Math.floor(ctx.random() * HANDLING.length)]!;
      await timed(ctx, action, () => ctx.http().get(`/v1/cases?unitId=${street}&status=${status}`, handlerOf(street)));
      return true;
    }
  }
}
