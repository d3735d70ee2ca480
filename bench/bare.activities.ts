/** The bare workflows' only activity: does nothing, so what is measured is Temporal's own round trip. */
export async function noop(): Promise<void> {}

/** The herd's one activity (bench/herd.workflows.ts): does nothing but say when it ran (the worker's wall clock, ms). */
export async function wallClock(): Promise<number> {
  return Date.now();
}
