/** The bare workflows' only activity: does nothing, so what is measured is Temporal's own round trip. */
export async function noop(): Promise<void> {}
