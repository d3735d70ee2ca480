/** The reconciliation Schedule's settings (runtime/assessment-schedule.ts) and their configuration: pure. */
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { assessmentScheduleOptions, ASSESSMENT_SCHEDULE_ID, zoneOf } from './assessment-schedule.js';

describe('the reconciliation Schedule', () => {
  it('runs daily at 02:00 by default, on, overlap SKIP, catching up within a day', () => {
    const cfg = loadConfig({});
    expect([cfg.ASSESSMENT_RECONCILE, cfg.ASSESSMENT_RECONCILE_CRON, cfg.ASSESSMENT_RECONCILE_TIMEZONE]).toEqual([true, '0 2 * * *', undefined]);
    const o = assessmentScheduleOptions({ taskQueue: 'q', cron: cfg.ASSESSMENT_RECONCILE_CRON, timeZone: 'Asia/Shanghai', enabled: cfg.ASSESSMENT_RECONCILE });
    expect(o).toMatchObject({
      scheduleId: ASSESSMENT_SCHEDULE_ID,
      spec: { cronExpressions: ['0 2 * * *'], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowId: ASSESSMENT_SCHEDULE_ID, taskQueue: 'q', args: [{}] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: { paused: false },
    });
    expect(assessmentScheduleOptions({ taskQueue: 'q', cron: '@every 6h', timeZone: 'UTC', enabled: false }).state).toMatchObject({ paused: true });
  });

  it('takes a cron expression, a shorthand or an interval, and an IANA zone; refuses anything else naming the variable', () => {
    for (const ok of ['0 2 * * *', '30 1 * * MON-FRI', '0 0 2 * * * *', '@daily', '@every 6h', '@every 1d/2h']) {
      expect(loadConfig({ ASSESSMENT_RECONCILE_CRON: ok }).ASSESSMENT_RECONCILE_CRON).toBe(ok);
    }
    for (const bad of ['daily', '0 2 * *', 'CRON_TZ=Asia/Shanghai 0 2 * * *', '@every often']) {
      expect(() => loadConfig({ ASSESSMENT_RECONCILE_CRON: bad })).toThrow(/ASSESSMENT_RECONCILE_CRON/);
    }
    expect(loadConfig({ ASSESSMENT_RECONCILE_TIMEZONE: 'Asia/Urumqi', ASSESSMENT_RECONCILE: 'false' })).toMatchObject({ ASSESSMENT_RECONCILE_TIMEZONE: 'Asia/Urumqi', ASSESSMENT_RECONCILE: false });
    expect(() => loadConfig({ ASSESSMENT_RECONCILE_TIMEZONE: 'Mars/Olympus' })).toThrow(/ASSESSMENT_RECONCILE_TIMEZONE/);
  });

  it('reads the cron in the calendar region’s zone, or one that has its offset', () => {
    expect(zoneOf({ calendar: { utcOffsetMinutes: 480 }, timeZone: 'Asia/Shanghai' })).toBe('Asia/Shanghai');
    expect(zoneOf({ calendar: { utcOffsetMinutes: 480 }, timeZone: null })).toBe('Etc/GMT-8');
    expect(zoneOf({ calendar: { utcOffsetMinutes: -300 }, timeZone: null })).toBe('Etc/GMT+5');
    expect(zoneOf({ calendar: { utcOffsetMinutes: 330 }, timeZone: null })).toBe('UTC');
  });
});
