import { describe, expect, it } from 'vitest';
import { open } from './case.machine.js';
import { refusedAction } from './case.refusals.js';
import type { CaseIntake } from './case.types.js';
import { sampleIntake } from '../test/support/domain-fixtures.js';

const intake: CaseIntake = sampleIntake({ title: '噪音', description: '夜间施工', complainant: { name: '张三', phone: '13812345678' } });
const T0 = Date.parse('2026-03-09T09:30:00+08:00');

describe('refusedAction', () => {
  it('records the attempt by the system, with what it claimed (short strings only), and changes nothing else', () => {
    const s = open('HL0000000000000001', intake, T0, { id: 'agent-1', role: 'intake_agent' }).state;
    const t = refusedAction(s, 'escalate', 'missing', T0 + 60_000, { id: 'x'.repeat(500), role: 'supervisor', unitId: 42 });
    expect(t.events).toEqual([
      {
        seq: s.seq + 1,
        type: 'action_refused',
        at: new Date(T0 + 60_000).toISOString(),
        actor: { id: 'system', role: 'system' },
        data: { action: 'escalate', reason: 'missing', claimedActor: { id: 'x'.repeat(64), role: 'supervisor', unitId: null } },
      },
    ]);
    expect(t.notifications).toEqual([]);
    expect({ ...t.state, seq: s.seq, updatedAt: s.updatedAt }).toEqual(s);
  });

  it('takes a claimed actor that is not an object', () => {
    const s = open('HL0000000000000001', intake, T0, { id: 'agent-1', role: 'intake_agent' }).state;
    expect(refusedAction(s, 'progress', 'malformed', T0, 'nobody').events[0]!.data.claimedActor).toEqual({ id: null, role: null, unitId: null });
  });
});
