/**
 * What each request does for operators (registered by buildApp before any route):
 * - its handler, and everything it awaits, runs as part of the request (platform/request-context.ts): the workflow
 *   starts, Updates and signals it sends carry its request id to the worker;
 * - with metrics (METRICS), one histogram observation when it is answered (api/metrics.ts);
 * - with tracing (OTEL_*), a server span named by method and route pattern — `POST /v1/cases` — the parent of the
 *   Temporal client's spans; a caller's `traceparent` is honoured. It carries the request id, the route and the status,
 *   and the case's identifiers the services add (annotateSpan); never a URL, a header or a body.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { withRequestId } from '../platform/request-context.js';
import type { ApiMetrics } from './metrics.js';

/** The label and span name of a request no route matched. */
export const UNMATCHED_ROUTE = 'unmatched';

export function registerTelemetry(app: FastifyInstance, o: { metrics?: ApiMetrics | undefined; tracer?: Tracer | undefined }): void {
  const spans = new WeakMap<FastifyRequest, Span>();

  app.addHook('onRoute', (route) => {
    const handler = route.handler as (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) => unknown;
    route.handler = function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
      const run = () => withRequestId(req.id, () => handler.call(this, req, reply));
      const span = o.tracer && spans.get(req);
      return span ? context.with(trace.setSpan(context.active(), span), run) : run();
    } as RouteHandlerMethod;
  });

  const { tracer, metrics } = o;
  if (tracer) {
    app.addHook('onRequest', (req, _reply, done) => {
      const route = req.routeOptions.url ?? UNMATCHED_ROUTE;
      const parent = propagation.extract(ROOT_CONTEXT, req.headers);
      spans.set(
        req,
        tracer.startSpan(
          `${req.method} ${route}`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route, 'hotline.request_id': req.id } },
          parent,
        ),
      );
      done();
    });
    const end = (req: FastifyRequest, status: number | null) => {
      const span = spans.get(req);
      if (!span) return;
      spans.delete(req);
      if (status === null) span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client went away' });
      else {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    };
    app.addHook('onResponse', (req, reply, done) => {
      end(req, reply.statusCode);
      done();
    });
    app.addHook('onRequestAbort', (req, done) => {
      end(req, null);
      done();
    });
  }
  if (metrics) {
    // A callback hook: no promise per request.
    app.addHook('onResponse', (req, reply, done) => {
      metrics.observeRequest(req.method, req.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
}
