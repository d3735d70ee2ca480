/**
 * Tracing: one OpenTelemetry tracer provider per process, exporting spans over OTLP/HTTP (JSON) when
 * OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) is set, nothing at all otherwise. A request's span (api/telemetry.ts)
 * is the parent of the Temporal client's StartWorkflow / StartWorkflowUpdate span, whose context travels in the
 * workflow's headers to the worker: RunWorkflow / HandleUpdate, then StartActivity and RunActivity (the record's write)
 * — one trace from the API through the workflow to the record (platform/temporal-interceptors.ts,
 * workflows/interceptors.ts).
 *
 * Spans carry ids and codes only: case id, unit id, category, status, route, request id — never a complainant's name,
 * phone or address (annotateSpan takes only those keys; the workflow's spans are filtered on their way out).
 */
import { context, propagation, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Config } from './config.js';

export interface TracingOptions {
  /** Where spans go: the full OTLP/HTTP traces URL (…/v1/traces). */
  url: string;
  headers?: Record<string, string>;
  serviceName: string;
  /** The share of new traces kept (0…1); a request arriving with a sampled parent is always kept. */
  sampleRatio: number;
}

export interface Tracing {
  /** The tracer of the process's own spans (the API's request spans). */
  tracer: Tracer;
  /** Where the workflow sandbox's spans go (the SDK's exporter sink), filtered to plain attributes. */
  workflowSpans: SpanProcessor;
  resource: Resource;
  /** Exports what is buffered, then stops (the last shutdown step). */
  shutdown(): Promise<void>;
}

/** The configured tracing, or undefined when no OTLP endpoint is set. `service`: this process's default name. */
export function tracingOptions(
  cfg: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' | 'OTEL_EXPORTER_OTLP_HEADERS' | 'OTEL_SERVICE_NAME' | 'OTEL_TRACES_SAMPLER_ARG'>,
  service: string,
): TracingOptions | undefined {
  const url = cfg.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (cfg.OTEL_EXPORTER_OTLP_ENDPOINT && `${cfg.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`);
  if (!url) return undefined;
  return { url, ...(cfg.OTEL_EXPORTER_OTLP_HEADERS && { headers: cfg.OTEL_EXPORTER_OTLP_HEADERS }), serviceName: cfg.OTEL_SERVICE_NAME ?? service, sampleRatio: cfg.OTEL_TRACES_SAMPLER_ARG };
}

/**
 * Registers the process's tracer provider (context through AsyncLocalStorage, W3C trace context) and its OTLP
 * exporter. Once per process, before the Temporal client and worker are made; undefined options: nothing (and the
 * SDK is not even loaded: a process that does not trace carries none of it).
 */
export async function startTracing(options: TracingOptions | undefined): Promise<Tracing | undefined> {
  if (!options) return undefined;
  const [{ OTLPTraceExporter }, { Resource }, { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler }, { NodeTracerProvider }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-trace-node'),
  ]);
  const resource = new Resource({ 'service.name': options.serviceName });
  const exporter = new OTLPTraceExporter({ url: options.url, ...(options.headers && { headers: options.headers }) });
  const processor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 });
  const provider = new NodeTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    tracer: provider.getTracer('hotline'),
    workflowSpans: plainAttributes(processor),
    resource,
    async shutdown() {
      await provider.shutdown();
      // Leave the process as it was (tests start and stop tracing in one process).
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** What a span may say about a case: identifiers and codes, nothing a complainant told. */
export interface CaseSpanAttributes {
  caseId?: string | null | undefined;
  unitId?: string | null | undefined;
  categoryId?: string | null | undefined;
  status?: string | null | undefined;
}

/** Adds the case's identifiers to the active span (none without tracing: a no-op costing a context read). */
export function annotateSpan(a: CaseSpanAttributes): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  const attributes: Attributes = {};
  if (a.caseId) attributes['hotline.case_id'] = a.caseId;
  if (a.unitId) attributes['hotline.unit_id'] = a.unitId;
  if (a.categoryId) attributes['hotline.category'] = a.categoryId;
  if (a.status) attributes['hotline.case_status'] = a.status;
  span.setAttributes(attributes);
}

/**
 * The SDK's workflow span exporter copies the whole WorkflowInfo into each span's attributes (memo, search attributes,
 * last result…). Only plain values pass here: strings, numbers and booleans (and lists of them), not objects, and
 * never the workflow's memo or last result.
 */
const DROPPED = new Set(['memo', 'lastResult', 'lastFailure']);
function plainAttributes(next: SpanProcessor): SpanProcessor {
  const plain = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return {
    onStart: (span, ctx) => next.onStart(span, ctx),
    onEnd(span: ReadableSpan) {
      const attributes: Attributes = {};
      for (const [k, v] of Object.entries(span.attributes)) {
        if (DROPPED.has(k)) continue;
        if (plain(v) || (Array.isArray(v) && v.every(plain))) attributes[k] = v;
      }
      // The sink's spans are plain objects (their spanContext() an own property): a copy with other attributes.
      next.onEnd({ ...span, attributes } as ReadableSpan);
    },
    forceFlush: () => next.forceFlush(),
    shutdown: () => Promise.resolve(),
  };
}
