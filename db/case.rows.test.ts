/**
 * The case's row (db/case.rows.ts), without a database: what the projection writes holds every column, a batch
 * rewrites only what may change, and the row read back gives the view the live case gives.
 */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseViewOf } from '../api/cases.presenter.js';
import { apply, opening } from '../domain/case.machine.js';
import type { Actor, CaseIntake, CaseState } from '../domain/case.types.js';
import { caseRow, rowToCase, type CaseRow } from './case.rows.js';
import { cases } from './schema.js';
import { defaultCasePolicy } from './seed-policy.js';
import { sampleIntake } from '../test/support/domain-fixtures.js';

const T0 = Date.parse('2026-11-16T10:00:00+08:00');
const actor: Actor = { id: 'agent-7', role: 'dispatcher' };
const intake: CaseIntake = sampleIntake({ channelTicketId: 'T-1', channelKeyId: 'abcdef012345', location: { address: '阜南路123号', areaUnitId: 'd01-s03', lat: 31.86, lng: 117.28 } });

/** A case dispatched for joint handling and signed for: clocks running, a copy, cooperating parts. */
function handledCase(): CaseState {
  const ctx = (now: number) => ({ now, actor, policy: defaultCasePolicy });
  let { state } = opening('HL0123456789ABCDEF', intake, { policy: defaultCasePolicy, slaClass: 'general' }, T0, actor);
  state = apply(state, { kind: 'dispatch', payload: { unitId: 'd01-s03', cooperating: ['dept-cg'], copyTo: ['d01'] } }, ctx(T0 + 60_000)).state;
  state = apply(state, { kind: 'accept', payload: {} }, ctx(T0 + 120_000)).state;
  return state;
}

/** The row as PostgreSQL hands it back: the inserted values (every column is given). */
const asRead = (values: object): CaseRow => values as CaseRow;

describe('the case row', () => {
  it('the first batch writes every column of cases', () => {
    const { insert } = caseRow(handledCase(), intake, 1);
    expect(Object.keys(insert ?? {}).sort()).toEqual(Object.keys(getTableColumns(cases)).sort());
  });

  it('later batches rewrite what may change, never the intake nor what is fixed at opening', () => {
    const { set, insert } = caseRow(handledCase(), null, 2);
    expect(insert).toBeNull();
    // The intake's columns and those fixed at opening are written once; every other column, every batch.
    const once = ['title', 'description', 'channel', 'channelTicketId', 'idempotencyKey', 'channelKeyId', 'complainantName', 'complainantPhone', 'address', 'areaUnitId', 'lat', 'lng', 'id', 'categoryId', 'noContact', 'receivedAt', 'receivedAtStatedBy', 'createdAt'];
    expect(Object.keys(set).sort()).toEqual(Object.keys(getTableColumns(cases)).filter((c) => !once.includes(c)).sort());
    expect(set).toMatchObject({ status: 'accepted', cooperatingUnitIds: ['dept-cg'], copiedUnitIds: ['d01'], projectionVersion: 2 });
  });

  it('reads back as the view the live case gives (but the members of a group, which the row does not hold)', () => {
    const state = { ...handledCase(), linkedCaseIds: [] };
    const { insert } = caseRow(state, intake, 1);
    const recorded = caseViewOf(rowToCase(asRead(insert!)), 'record');
    expect(recorded).toEqual({ ...caseViewOf({ state, intake }, 'workflow'), source: 'record' });
    expect(recorded.replyDueAt).not.toBeNull();
    expect(recorded.owing).toEqual(['dept-cg']);
  });

  it('a case from before the fields added later is written, and read, with their defaults', () => {
    const { dispatches, copiedUnitIds, cooperation, disputed, repeatCount, noContact, receivedAt, rating, ...old } = handledCase();
    const { insert } = caseRow(old, intake, 1);
    expect(insert).toMatchObject({ dispatchHistory: [], copiedUnitIds: [], cooperation: [], disputed: false, repeatCount: 1, noContact: false, rating: null });
    expect(insert?.receivedAt).toEqual(new Date(old.createdAt));
    expect(caseViewOf({ state: old, intake }, 'workflow')).toMatchObject({ dispatches: [], repeatCount: 1, receivedAt: old.createdAt, rating: null });
  });
});
