/**
 * What the product's Temporal Schedules share (the assessment's reconciliation, the reports): creating one or bringing
 * an existing one to its settings, setting them up at worker boot with retries in the background, and the time zone
 * of the city's calendar they run in.
 */
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';

/** Creates the Schedule, or sets an existing one to the settings (spec, action, policies, paused or not). */
export async function ensureSchedule<W extends Workflow>(client: Client, options: ScheduleOptions<ScheduleOptionsStartWorkflowAction<W>>): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const { spec, action, policies, state } = options;
  await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec, action, policies: { ...previous.policies, ...policies }, state: { ...previous.state, ...state } }));
  return 'updated';
}

/**
 * At worker boot: `setUp` now, and on failure again every `retryMs` (30 s) in the background, at most `attempts`
 * times in all (20), without holding the process open: a worker started on a database the API has not seeded yet
 * gets its Schedules once it is. A failure is reported (`log`) and the worker goes on: cases come first.
 */
export function setUpWithRetries(what: string, deps: { log: (line: string) => void; retryMs?: number; attempts?: number }, setUp: () => Promise<void>): Promise<boolean> {
  const attempt = async (left: number): Promise<boolean> => {
    try {
      await setUp();
      return true;
    } catch (err) {
      const again = left > 1;
      deps.log(`${what} not set up${again ? ' (trying again)' : ''}: ${err instanceof Error ? err.message : String(err)}`);
      if (again) setTimeout(() => void attempt(left - 1), deps.retryMs ?? 30_000).unref();
      return false;
    }
  };
  return attempt(deps.attempts ?? 20);
}

/**
 * The IANA zone of the city's calendar: its region's, or (an inline calendar with a whole-hour offset) the matching
 * Etc/GMT zone, else UTC.
 */
export function zoneOf({ calendar, timeZone }: { calendar: { utcOffsetMinutes: number }; timeZone: string | null }): string {
  if (timeZone) return timeZone;
  const hours = calendar.utcOffsetMinutes / 60;
  if (!Number.isInteger(hours) || hours === 0) return 'UTC';
  // POSIX-style names: Etc/GMT-8 is eight hours east of Greenwich.
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
