/**
 * The request id in Temporal headers: the API's client puts the id of the request that started a case, or sent an
 * Update or a signal, into the header `hotline-request-id`; the worker's interceptors read it and put it into the
 * workflow's and the activities' log lines (workflows/interceptors.ts, platform/temporal-interceptors.ts). Headers are
 * not encrypted (the payload codec does not see them): an id is not personal data. Workflow-safe (no Node imports).
 */
import { defaultPayloadConverter, type Headers } from '@temporalio/common';

export const REQUEST_ID_HEADER = 'hotline-request-id';

/** What a request id may look like (the API keeps a caller's X-Request-Id only when it does, api/app.ts). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** The headers with the request id added (unchanged without one). */
export function withRequestIdHeader(headers: Headers, requestId: string | undefined): Headers {
  return requestId ? { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
}

/** The request id the headers carry, if one that looks like one (anything else is ignored, never logged). */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  const payload = headers?.[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  try {
    const id: unknown = defaultPayloadConverter.fromPayload(payload);
    return typeof id === 'string' && REQUEST_ID_PATTERN.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
