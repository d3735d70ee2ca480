/**
 * The worker's own metrics, served with the Temporal SDK's on the worker's Prometheus endpoint (METRICS_WORKER_BIND,
 * runtime/bootstrap.ts installTemporalRuntime). Kept apart from runtime/case-worker.ts so the API process, which only
 * needs the buckets, does not load the worker's activities.
 */
import type { MetricMeter } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';

/** Buckets of hotline_projection_lag (seconds): a write in the same workflow task takes milliseconds, an outage minutes. */
export const PROJECTION_LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

/**
 * The worker's own metrics, served with the SDK's on the worker's Prometheus endpoint (METRICS_WORKER_BIND):
 * how long after a change its record was written, and payloads that could not be decoded.
 */
export interface WorkerMetrics {
  projectionLag: { record(seconds: number): void };
  payloadDecodeFailures: { add(n: number): void };
}

export function workerMetrics(meter: MetricMeter = Runtime.instance().metricMeter): WorkerMetrics {
  return {
    projectionLag: meter.createHistogram(
      'hotline_projection_lag',
      'float',
      // With the exporter's unit suffix: hotline_projection_lag_seconds.
      'seconds',
      'Seconds from a change of a case in its workflow to its write to the record (the workflow clock to the commit)',
    ),
    payloadDecodeFailures: meter.createCounter('hotline_payload_decode_failures', '1', 'Workflow payloads the worker could not decode (a key not in PAYLOAD_KEYS, tampering)'),
  };
}
