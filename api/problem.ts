/**
 * The one error handler: every error becomes application/problem+json (RFC 9457) with a stable `code`.
 * Route handlers never catch and translate; they throw, and this maps.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { isGrpcServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { scrubDatabaseError } from '../db/errors.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';

/** Fastify's default; a longer path parameter is answered 414 uri_too_long (a case number has 18 characters). */
export const MAX_PARAM_LENGTH = 100;

const STATUS: Record<ErrorCode, number> = {
  invalid_transition: 409,
  case_not_found: 404,
  not_found: 404,
  validation_failed: 400,
  unknown_reference: 400,
  idempotency_key_reused: 422,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
  file_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  411: 'Length Required',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Fastify's own refusals (routing, content-type parsing, body reading), by Fastify error code: the status
 * Fastify chose and the stable code clients see instead of the FST_ERR_* name.
 */
const FRAMEWORK: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', detail: 'the URL is not valid: a path segment has a malformed percent-escape' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', detail: `a path parameter is longer than ${MAX_PARAM_LENGTH} characters` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', detail: 'send the body as application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', detail: 'the request body is larger than this API accepts' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_content_length', detail: 'the body size does not match Content-Length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'the body is empty but the content type is application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'the body is not valid JSON' },
};

export interface FieldError {
  field: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  state?: string;
  [extra: string]: unknown;
}

export function problem(req: FastifyRequest, status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `urn:hotline:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: req.url,
    requestId: String(req.id),
    ...extra,
  };
}

/** What a 503 asks the caller to wait when its cause does not say (seconds). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

function send(reply: FastifyReply, p: Problem): FastifyReply {
  // Every 503 is temporary: it says when to try again (its own retryAfterSeconds, or a second).
  if (p.status === 503) reply.header('retry-after', String(typeof p.retryAfterSeconds === 'number' ? p.retryAfterSeconds : UNAVAILABLE_RETRY_AFTER_SECONDS));
  return reply.code(p.status).header('x-request-id', p.requestId).type('application/problem+json').send(p);
}

/** Request parts as fields name them: Fastify's validation context 'querystring' is 'query' (like req.query). */
const PART: Record<string, string> = { querystring: 'query' };

/** Field errors from a zod validation failure, with the request part the field sits in. */
function fieldErrors(err: FastifyError): FieldError[] {
  const raw = (err as { validationContext?: string }).validationContext ?? 'body';
  const context = PART[raw] ?? raw;
  return (err.validation ?? []).map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const params = v.params as { issue?: { path?: PropertyKey[] } } | undefined;
    const issuePath = params?.issue?.path?.map(String).join('.');
    return { field: [context, issuePath || path].filter(Boolean).join('.'), reason: v.message ?? 'invalid' };
  });
}

function fromDomain(req: FastifyRequest, code: ErrorCode, message: string, details: Record<string, unknown>): Problem {
  return problem(req, STATUS[code], code, message, details);
}

/**
 * Maps any error to its problem; 500 only for what no rule covers (logged with the error). Also for adapters that
 * answer errors in another shape (Open311): the same mapping, written their way.
 */
export function problemOf(err: FastifyError, req: FastifyRequest): Problem {
  if (hasZodFastifySchemaValidationErrors(err)) {
    return problem(req, 400, 'validation_failed', 'the request does not match the schema', { errors: fieldErrors(err) });
  }
  if (err instanceof DomainError) return fromDomain(req, err.code, err.message, err.details);
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in STATUS) {
      const details = (cause.details?.[0] ?? {}) as Record<string, unknown>;
      return fromDomain(req, cause.type as ErrorCode, cause.message, details);
    }
  }
  if (err instanceof WorkflowNotFoundError) return problem(req, 404, 'case_not_found', 'no such case');
  if (isGrpcServiceError(err) || (err as { name?: string }).name === 'ServiceError') {
    req.log.error({ err }, 'temporal unavailable');
    return problem(req, 503, 'unavailable', 'the workflow service is unavailable; retry later');
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response does not match its schema');
    return problem(req, 500, 'internal', 'internal error');
  }
  const known = err.code ? FRAMEWORK[err.code] : undefined;
  if (known) return problem(req, known.status, known.code, known.detail);
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) {
    req.log.error({ err: scrubDatabaseError(err) }, 'unhandled error');
    return problem(req, 500, 'internal', 'internal error');
  }
  // Fastify's JSON parser (secure-json-parse) throws a SyntaxError with statusCode 400 and no code, also for
  // a body that tries __proto__ / constructor.prototype.
  if (err instanceof SyntaxError) return problem(req, 400, 'malformed_json', `the body is not acceptable JSON: ${err.message}`);
  // Any other 4xx: its own code, or for a Fastify error not listed above the status's name, never an FST_ERR_*.
  const code = (err.code && !err.code.startsWith('FST_') ? err.code : (TITLES[status] ?? 'client error')).toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return problem(req, status, code, err.message);
}

/** The one error handler. Also Fastify's frameworkErrors option (errors raised before a route is found). */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, problemOf(err, req));
}

/**
 * Fastify's clientErrorHandler: requests Node's HTTP parser refuses before there is a request at all (not
 * HTTP/1.1, headers over the size limit, too slow). Fastify's default answers them with its own JSON; this
 * writes the same problem+json as everything else, with a fresh request id, and closes the connection.
 */
export function handleClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'the request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'the request headers are larger than this server accepts']
        : [400, 'malformed_request', 'the request is not valid HTTP/1.1'];
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: `urn:hotline:problem:${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: `urn:uuid:${requestId}`,
    requestId,
  } satisfies Problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    send(reply, problem(req, 404, 'route_not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  app.setErrorHandler(handleError);
}

/** The problem+json response schema shared by every route's documented error responses. */
export { STATUS as ERROR_STATUS };
