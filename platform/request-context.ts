/**
 * The request an action belongs to, for as long as its handler (and what it awaits) runs: the API wraps every route
 * handler in it (api/telemetry.ts), and the Temporal client's interceptor reads it to send the request id with each
 * workflow start, Update and signal (platform/temporal-interceptors.ts), so the worker's and the activities' log
 * lines of that request carry it too.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<string>();

/** Runs `fn` as part of the request `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run(requestId, fn);
}

/** The request id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore();
}
