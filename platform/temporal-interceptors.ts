/**
 * The Temporal interceptors outside the sandbox: the API's client sends the request id (and, when tracing, the span
 * context) with every workflow start, Update and signal; the worker's activities put the request id into their log
 * lines and run inside their RunActivity span; the workflow sandbox's spans leave through the `exporter` sink. The
 * workflow side is workflows/interceptors.ts.
 */
import { trace } from '@opentelemetry/api';
import type {
  ClientInterceptors,
  WorkflowClientInterceptor,
  WorkflowSignalInput,
  WorkflowSignalWithStartInput,
  WorkflowStartInput,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateWithStartInput,
} from '@temporalio/client';
import type { Headers } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client/index.js';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker/index.js';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions.js';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { requestIdOf, withRequestIdHeader } from '../workflows/request-id.js';
import { currentRequestId } from './request-context.js';
import type { Tracing } from './tracing.js';

const withId = (headers: Headers) => withRequestIdHeader(headers, currentRequestId());

/** Puts the id of the request being handled (platform/request-context.ts) into the headers of what the client sends. */
const requestIdClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input: WorkflowStartInput, next) => next({ ...input, headers: withId(input.headers) }),
  startUpdate: (input: WorkflowStartUpdateInput, next) => next({ ...input, headers: withId(input.headers) }),
  startUpdateWithStart: (input: WorkflowStartUpdateWithStartInput, next) =>
    next({ ...input, workflowStartHeaders: withId(input.workflowStartHeaders), updateHeaders: withId(input.updateHeaders) }),
  signal: (input: WorkflowSignalInput, next) => next({ ...input, headers: withId(input.headers) }),
  signalWithStart: (input: WorkflowSignalWithStartInput, next) => next({ ...input, headers: withId(input.headers) }),
};

/** The product's client interceptors: the request id always; the span context when this process traces. */
export function clientInterceptors(tracing: Tracing | undefined): ClientInterceptors {
  return { workflow: [...(tracing ? [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] : []), requestIdClientInterceptor] };
}

/** The request id from the activity's headers, in every log line the activity (and the SDK about it) writes. */
const requestIdActivityInterceptors: ActivityInterceptorsFactory = () => {
  let requestId: string | undefined;
  return {
    inbound: {
      execute(input, next) {
        requestId = requestIdOf(input.headers);
        if (requestId) trace.getActiveSpan()?.setAttribute('hotline.request_id', requestId);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) => next(requestId ? { ...attributes, requestId } : attributes),
    },
  };
};

/** The case worker's activity interceptors: RunActivity spans when tracing (outermost), the request id always. */
export function activityInterceptors(tracing: Tracing | undefined): ActivityInterceptorsFactory[] {
  return [
    ...(tracing
      ? [
          ((ctx) => ({
            inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }),
            outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
          })) satisfies ActivityInterceptorsFactory,
        ]
      : []),
    requestIdActivityInterceptors,
  ];
}

/**
 * The sink the workflow interceptors send their spans to (workflows/interceptors.ts). Always registered: a workflow
 * started by a tracing API may run on a worker that does not trace, whose sink then drops the spans.
 */
export function workflowSinks(tracing: Tracing | undefined): InjectedSinks<OpenTelemetrySinks> {
  return {
    exporter: tracing ? makeWorkflowExporter(tracing.workflowSpans, tracing.resource) : { export: { fn: () => undefined } },
  };
}
