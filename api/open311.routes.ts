/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2, each resource in .json and .xml,
 * service discovery at /open311/discovery.{json,xml}. Requests are opened and read with a channel's API key, sent
 * as the spec's `api_key` parameter (query or form body; X-API-Key works too). Everything here answers in the
 * spec's shapes, errors included (an array of code and description, in the format the path asks for), never
 * problem+json and never a 500.
 */
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { grantedRoleOf, principalOf } from './auth.js';
import { CONTENT_TYPES, formatOfPath, open311Errors, OPEN311_FORMATS, render, splitExtension, type Open311Format } from './open311.format.js';
import type { Params } from './open311.mapping.js';
import type { GeoReportService } from './open311.service.js';
import { problem, problemOf, type Problem } from './problem.js';

export const OPEN311_PREFIX = '/open311';

/** The answer of a problem in the spec's error shape and the format of the path (JSON when it names none). */
function sendErrors(reply: FastifyReply, req: FastifyRequest, p: Problem): FastifyReply {
  const format = formatOfPath(req.url) ?? 'json';
  const { status, errors } = open311Errors(p);
  if (p.status === 503) reply.header('retry-after', String(typeof p.retryAfterSeconds === 'number' ? p.retryAfterSeconds : 1));
  return reply.code(status).header('x-request-id', String(req.id)).header('content-type', CONTENT_TYPES[format]).send(render(format, 'errors', errors));
}

/** Errors raised before a route is found (a malformed percent-escape, an over-long parameter) under /open311. */
export function handleOpen311FrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendErrors(reply, req, problemOf(err, req));
}

function send(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200): FastifyReply {
  return reply.code(status).header('content-type', CONTENT_TYPES[format]).send(render(format, root, value));
}

/** `HL….json` → the id and format; an extension other than .json or .xml is no resource (404). */
function resource(file: string, what: string): { name: string; format: Open311Format } {
  const split = splitExtension(file);
  if (!split) throw new DomainError('not_found', `no ${what} ${file}: append .json or .xml`);
  return split;
}

/** A parameter as the query parser gives it: once a string, repeated a list (the handlers judge it). */
const param = (description: string) => z.union([z.string(), z.array(z.string())]).optional().describe(description);
const common = {
  jurisdiction_id: param('ignored: this endpoint serves one jurisdiction'),
};
const keyParam = param("the channel's API key (hl_<id>.<secret>); or send X-API-Key");
const fileParams = (what: string) => z.object({ file: z.string().min(1).max(120).describe(`${what}, then .json or .xml`) });

const POST_FIELDS =
  'Form fields (application/x-www-form-urlencoded): api_key (a channel’s key: the case is of its channel), service_code, a location ' +
  '(lat and long, address_string, or address_id: a unit of the org tree, e.g. a community), and optionally description (≤ 4,000 ' +
  'characters), media_url (an http(s) link, kept and never fetched), first_name, last_name, phone (the complainant: without a phone ' +
  'nobody is reached back), email, device_id, account_id (checked, not stored), attribute[code] (attribute[code][] for a ' +
  'multivaluelist) as the service definition asks. The case opens through the intake of POST /v1/cases (idempotent with an ' +
  'Idempotency-Key header; repeats linked; dispatched by the catalogue when it names one unit). 201 with the service_request_id ' +
  '(the case number) at once; 200 for a repeat of the same request under the same Idempotency-Key.';

export function open311Routes(open311: GeoReportService): FastifyPluginAsyncZod {
  return async (app) => {
    // Form bodies here only; and no JSON bodies: GeoReport posts forms.
    await app.register(formbody);
    app.removeContentTypeParser('application/json');
    app.setErrorHandler((err: FastifyError, req, reply) => sendErrors(reply, req, problemOf(err, req)));
    app.setNotFoundHandler((req, reply) =>
      sendErrors(reply, req, problem(req, 404, 'route_not_found', `no resource ${req.method} ${req.url.split('?')[0]} (GET ${OPEN311_PREFIX}/discovery.json lists the endpoint)`)),
    );

    for (const format of OPEN311_FORMATS) {
      app.get(
        `/discovery.${format}`,
        {
          config: { access: 'public' },
          schema: { tags: ['open311'], summary: `Open311 service discovery (${format.toUpperCase()})`, querystring: z.looseObject({}) },
        },
        async (req, reply) => send(reply, format, 'discovery', open311.discovery(`${req.protocol}://${req.host}`)),
      );

      app.get(
        `/v2/services.${format}`,
        {
          config: { access: 'public' },
          schema: {
            tags: ['open311'],
            summary: `GeoReport v2 GET Service List (${format.toUpperCase()}): the taxonomy's leaf categories`,
            querystring: z.looseObject(common),
          },
        },
        async (_req, reply) => send(reply, format, 'services', open311.services()),
      );

      app.post(
        `/v2/requests.${format}`,
        {
          config: { access: 'case.open', apiKeyParam: true },
          schema: {
            tags: ['open311'],
            summary: `GeoReport v2 POST Service Request (${format.toUpperCase()}): opens a case`,
            description: POST_FIELDS,
            consumes: ['application/x-www-form-urlencoded'],
          },
        },
        async (req, reply) => {
          const header = req.headers['idempotency-key'];
          const key = typeof header === 'string' && header.trim() !== '' ? header.trim().slice(0, 200) : undefined;
          const { created, answer } = await open311.create((req.body ?? {}) as Params, key, principalOf(req), grantedRoleOf(req));
          return send(reply, format, 'service_requests', answer, created ? 201 : 200);
        },
      );

      app.get(
        `/v2/requests.${format}`,
        {
          config: { access: 'case.list', apiKeyParam: true },
          schema: {
            tags: ['open311'],
            summary: `GeoReport v2 GET Service Requests (${format.toUpperCase()}): the caller's requests, newest first`,
            description:
              "A channel's key reads the requests it opened, nothing else. Default: the most recent 90 days; a range may not span more " +
              'than 90 days; at most 1,000 requests. No personal data: no name or phone, the address and coordinates masked.',
            querystring: z.looseObject({
              ...common,
              api_key: keyParam,
              service_request_id: param('comma delimited; overrides every other filter'),
              service_code: param('comma delimited'),
              start_date: param('w3 date-time with offset: requested_datetime from'),
              end_date: param('w3 date-time with offset: requested_datetime until'),
              status: param('open, closed, or both comma delimited'),
            }),
          },
        },
        async (req, reply) => send(reply, format, 'service_requests', await open311.list(req.query as Params, principalOf(req))),
      );
    }

    app.get(
      '/v2/services/:file',
      {
        config: { access: 'public' },
        schema: {
          tags: ['open311'],
          summary: 'GeoReport v2 GET Service Definition: services/<service_code>.json or .xml',
          params: fileParams('the service_code'),
          querystring: z.looseObject(common),
        },
      },
      async (req, reply) => {
        const { name, format } = resource(req.params.file, 'service');
        return send(reply, format, 'service_definition', open311.definition(name));
      },
    );

    app.get(
      '/v2/requests/:file',
      {
        config: { access: 'case.read', apiKeyParam: true },
        schema: {
          tags: ['open311'],
          summary: 'GeoReport v2 GET Service Request: requests/<service_request_id>.json or .xml',
          description: "Answered when the caller may read the case (a channel's key: one it opened); 404 otherwise, as for none.",
          params: fileParams('the service_request_id'),
          querystring: z.looseObject({ ...common, api_key: keyParam }),
        },
      },
      async (req, reply) => {
        const { name, format } = resource(req.params.file, 'service request');
        return send(reply, format, 'service_requests', await open311.get(name, principalOf(req)));
      },
    );

    app.get(
      '/v2/tokens/:file',
      {
        config: { access: 'case.read', apiKeyParam: true },
        schema: {
          tags: ['open311'],
          summary: 'GeoReport v2 GET service_request_id from a token: tokens/<token>.json or .xml',
          description: 'Every service is realtime (the POST answers the id), so a token is the service_request_id itself: answered at once when that case exists and the caller may read it.',
          params: fileParams('the token'),
          querystring: z.looseObject({ ...common, api_key: keyParam }),
        },
      },
      async (req, reply) => {
        const { name, format } = resource(req.params.file, 'token');
        return send(reply, format, 'service_requests', await open311.token(name, principalOf(req)));
      },
    );
  };
}
