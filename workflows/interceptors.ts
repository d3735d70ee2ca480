/**
 * The workflow interceptors of the case worker, bundled with the workflows (runtime/case-worker.ts,
 * WORKFLOW_INTERCEPTOR_MODULES). They run inside the sandbox: deterministic, no Node imports.
 *
 * - Request ids: a start, Update or signal the API sent carries the request's id in a header (workflows/request-id.ts).
 *   The workflow's log lines written while it handles that message carry it as `requestId`, and so do the activities
 *   it leads to — the header is passed on — so one request's lines can be found in the API's, the worker's and the
 *   activities' logs.
 * - Tracing: a message that carries a trace context (the API traces, OTEL_*) is handled inside the SDK's
 *   OpenTelemetry interceptors — RunWorkflow, HandleUpdate, HandleSignal, then StartActivity for what they schedule
 *   — whose spans leave through the worker's `exporter` sink. A message without one costs nothing: the OpenTelemetry
 *   interceptors are not even made. Whether a message carries a context is in its history, so replay takes the same
 *   path.
 *
 * Which request a piece of work belongs to: the case's record is written by a loop of the workflow's own (the
 * projector), not inside the handler that changed the case. So an activity scheduled, or a line logged, in the same
 * workflow activation as a message arrived belongs to that message (the batch that records an Update is traced under
 * its HandleUpdate and logged with its request id); any other, to the run (the request that opened the case). The
 * activation is told by the workflow's clock, which stands still within one. No AsyncLocalStorage of our own: the
 * sandbox's instances live as long as their workflow, and every promise of every cached case pays for each one
 * (a full bench with one per case doubled the worker's CPU per case); when traced, the SDK's OpenTelemetry context
 * manager carries a handler's span across its awaits.
 */
import * as otel from '@opentelemetry/api';
import type { Headers } from '@temporalio/common';
import {
  workflowInfo,
  type ActivateInput,
  type ActivityInput,
  type ContinueAsNewInput,
  type DisposeInput,
  type GetLogAttributesInput,
  type LocalActivityInput,
  type Next,
  type QueryInput,
  type SignalInput,
  type SignalWorkflowInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowInternalsInterceptor,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation.js';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';
import { requestIdOf, withRequestIdHeader } from './request-id.js';

/** Where a piece of the workflow's work comes from: the request's id and, when traced, the span context it runs in. */
interface Origin {
  requestId: string | undefined;
  trace: otel.Context | undefined;
}

export const interceptors = (): WorkflowInterceptors => {
  /** The latest message and the workflow time it arrived at (constant within one activation). */
  let latest: (Origin & { at: number }) | undefined;
  /** The start of this run (its request id, read from the first activation before the workflow starts). */
  let runOrigin: Origin | undefined;
  /** Whether any message of this run carried a trace context: then outbound calls are traced too. */
  let traced = false;
  let otelInbound: OpenTelemetryInboundInterceptor | undefined;
  let otelOutbound: OpenTelemetryOutboundInterceptor | undefined;
  const tracingIn = () => (otelInbound ??= new OpenTelemetryInboundInterceptor());
  const tracingOut = () => (otelOutbound ??= new OpenTelemetryOutboundInterceptor());
  const carriesTrace = (headers: Headers | undefined) => headers?.[TRACE_HEADER] !== undefined;

  /** Runs a message's handler in its origin (inside its span when traced: `next` is then called by the tracing interceptor). */
  function enter<T>(headers: Headers, handler: () => Promise<T>): Promise<T> {
    const requestId = requestIdOf(headers);
    const origin: Origin = { requestId, trace: traced ? otel.context.active() : undefined };
    if (origin.trace) {
      otel.trace.getSpan(origin.trace)?.setAttribute('hotline.case_id', workflowInfo().workflowId);
      if (requestId) otel.trace.getSpan(origin.trace)?.setAttribute('hotline.request_id', requestId);
    }
    latest = { ...origin, at: Date.now() };
    return handler();
  }

  /** Where work belongs: the message of this activation, else the run. */
  function originNow(): Origin | undefined {
    return latest && latest.at === Date.now() ? latest : runOrigin;
  }
  function inOrigin<T>(origin: Origin | undefined, fn: () => T): T {
    return origin?.trace ? otel.context.with(origin.trace, fn) : fn();
  }

  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
      if (!carriesTrace(input.headers)) return enter(input.headers, () => next(input));
      traced = true;
      return tracingIn().execute(input, (i) => enter(i.headers, () => next(i)));
    },
    handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>) {
      if (!carriesTrace(input.headers)) return enter(input.headers, () => next(input));
      traced = true;
      return tracingIn().handleUpdate(input, (i) => enter(i.headers, () => next(i)));
    },
    validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>) {
      if (!carriesTrace(input.headers)) return next(input);
      traced = true;
      return tracingIn().validateUpdate(input, next);
    },
    handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>) {
      if (!carriesTrace(input.headers)) return enter(input.headers, () => next(input));
      traced = true;
      return tracingIn().handleSignal(input, (i) => enter(i.headers, () => next(i)));
    },
    handleQuery(input: QueryInput, next: Next<WorkflowInboundCallsInterceptor, 'handleQuery'>) {
      // A query changes nothing and schedules nothing: traced when asked, no request id.
      return carriesTrace(input.headers) ? tracingIn().handleQuery(input, next) : next(input);
    },
  };

  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
      const origin = originNow();
      const withId = { ...input, headers: withRequestIdHeader(input.headers, origin?.requestId) };
      return inOrigin(origin, () => (traced ? tracingOut().scheduleActivity(withId, next) : next(withId)));
    },
    scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>) {
      const origin = originNow();
      const withId = { ...input, headers: withRequestIdHeader(input.headers, origin?.requestId) };
      return inOrigin(origin, () => (traced ? tracingOut().scheduleLocalActivity(withId, next) : next(withId)));
    },
    signalWorkflow(input: SignalWorkflowInput, next: Next<WorkflowOutboundCallsInterceptor, 'signalWorkflow'>) {
      const origin = originNow();
      const withId = { ...input, headers: withRequestIdHeader(input.headers, origin?.requestId) };
      return inOrigin(origin, () => (traced ? tracingOut().signalWorkflow(withId, next) : next(withId)));
    },
    continueAsNew(input: ContinueAsNewInput, next: Next<WorkflowOutboundCallsInterceptor, 'continueAsNew'>) {
      // The next run continues the trace; a request id belongs to its request, not to every later run.
      return traced ? tracingOut().continueAsNew(input, next) : next(input);
    },
    getLogAttributes(input: GetLogAttributesInput, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>) {
      // A log line belongs to this activation's message, else to the run.
      const origin = originNow();
      const attributes = origin?.requestId ? { ...input, requestId: origin.requestId } : input;
      return traced ? tracingOut().getLogAttributes(attributes, next) : next(attributes);
    },
  };

  const internals: WorkflowInternalsInterceptor = {
    activate(input: ActivateInput, next: Next<WorkflowInternalsInterceptor, 'activate'>) {
      // The first activation starts the run: its request id is known before the SDK logs "Workflow started".
      const start = input.activation.jobs?.[0]?.initializeWorkflow;
      if (start) runOrigin = { requestId: requestIdOf((start.headers ?? undefined) as Headers | undefined), trace: undefined };
      next(input);
    },
    dispose(input: DisposeInput, next: Next<WorkflowInternalsInterceptor, 'dispose'>) {
      if (otelInbound || otelOutbound) new OpenTelemetryInternalsInterceptor().dispose(input, next);
      else next(input);
    },
  };

  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
