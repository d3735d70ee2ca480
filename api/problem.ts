/**
 * The one error handler: every error becomes application/problem+json (RFC 9457) with a stable `code`.
 * Route handlers never catch and translate; they throw, and this maps.
 */
import { isGrpcServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../domain/errors.js';

const STATUS: Record<ErrorCode, number> = {
  invalid_transition: 409,
  case_not_found: 404,
  not_found: 404,
  validation_failed: 400,
  unknown_reference: 400,
  idempotency_key_reused: 422,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
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

function problem(req: FastifyRequest, status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
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

function send(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

/** Field errors from a zod validation failure, with the request part the field sits in. */
function fieldErrors(err: FastifyError): FieldError[] {
  const context = (err as { validationContext?: string }).validationContext ?? 'body';
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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    send(reply, problem(req, 404, 'route_not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(reply, problem(req, 400, 'validation_failed', 'the request does not match the schema', { errors: fieldErrors(err) }));
    }
    if (err instanceof DomainError) return send(reply, fromDomain(req, err.code, err.message, err.details));
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause;
      if (cause instanceof ApplicationFailure && cause.type && cause.type in STATUS) {
        const details = (cause.details?.[0] ?? {}) as Record<string, unknown>;
        return send(reply, fromDomain(req, cause.type as ErrorCode, cause.message, details));
      }
    }
    if (err instanceof WorkflowNotFoundError) {
      return send(reply, problem(req, 404, 'case_not_found', 'no such case'));
    }
    if (isGrpcServiceError(err) || (err as { name?: string }).name === 'ServiceError') {
      req.log.error({ err }, 'temporal unavailable');
      return send(reply, problem(req, 503, 'unavailable', 'the workflow service is unavailable; retry later'));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response does not match its schema');
      return send(reply, problem(req, 500, 'internal', 'internal error'));
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'unhandled error');
      return send(reply, problem(req, 500, 'internal', 'internal error'));
    }
    const code = (err.code ?? 'bad_request').toLowerCase();
    return send(reply, problem(req, status, code, err.message));
  });
}

/** The problem+json response schema shared by every route's documented error responses. */
export { STATUS as ERROR_STATUS };
