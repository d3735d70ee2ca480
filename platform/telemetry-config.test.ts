/**
 * The METRICS_* and OTEL_* variables (platform/config.ts) and what tracing makes of them (platform/tracing.ts):
 * defaults, bind addresses the SDK's exporter can take, collector headers, the traces URL; a bad value stops start-up
 * naming the variable, never echoing a header's value.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, parseBindAddress, parseHeaderList } from './config.js';
import { tracingOptions } from './tracing.js';
import { openWorkflowsQuery } from '../api/metrics.js';

describe('METRICS_* configuration', () => {
  it('is on by default, on the loopback address, the API and the worker on ports of their own', () => {
    const cfg = loadConfig({});
    expect(cfg.METRICS).toBe(true);
    expect(cfg.METRICS_API_BIND).toEqual({ host: '127.0.0.1', port: 9464, text: '127.0.0.1:9464' });
    expect(cfg.METRICS_WORKER_BIND).toEqual({ host: '127.0.0.1', port: 9465, text: '127.0.0.1:9465' });
    expect(cfg.METRICS_GAUGE_TTL).toBe(15);
    expect(loadConfig({ METRICS: 'false', METRICS_GAUGE_TTL: '1m' })).toMatchObject({ METRICS: false, METRICS_GAUGE_TTL: 60 });
  });

  it('takes IPv4 and bracketed IPv6 addresses with a port; host names and bad ports are refused, naming the variable', () => {
    expect(parseBindAddress('0.0.0.0:9464')).toEqual({ host: '0.0.0.0', port: 9464, text: '0.0.0.0:9464' });
    expect(parseBindAddress('[::1]:9465')).toEqual({ host: '::1', port: 9465, text: '[::1]:9465' });
    for (const bad of ['localhost:9464', '127.0.0.1', '127.0.0.1:0', '127.0.0.1:70000', '::1:9464', '999.1.1.1:9464', ':9464']) {
      expect(() => parseBindAddress(bad), bad).toThrow(/an IP address and a port/);
    }
    expect(() => loadConfig({ METRICS_WORKER_BIND: 'localhost:9465' })).toThrow(/METRICS_WORKER_BIND: an IP address and a port/);
    expect(() => loadConfig({ METRICS_GAUGE_TTL: '0s' })).toThrow(/METRICS_GAUGE_TTL/);
  });
});

describe('OTEL_* configuration', () => {
  it('traces nothing without an endpoint', () => {
    expect(tracingOptions(loadConfig({}), 'hotline-api')).toBeUndefined();
  });

  it('sends to <endpoint>/v1/traces, or to the traces endpoint as given, under the process\'s service name unless one is set', () => {
    expect(tracingOptions(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }), 'hotline-worker')).toEqual({
      url: 'http://collector:4318/v1/traces',
      serviceName: 'hotline-worker',
      sampleRatio: 1,
    });
    const cfg = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.gov/otlp/v1/traces',
      OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20abc,x-tenant=city',
      OTEL_SERVICE_NAME: 'hotline-api-2',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(tracingOptions(cfg, 'hotline-api')).toEqual({
      url: 'https://traces.example.gov/otlp/v1/traces',
      headers: { authorization: 'Bearer abc', 'x-tenant': 'city' },
      serviceName: 'hotline-api-2',
      sampleRatio: 0.25,
    });
  });

  it('refuses malformed headers without quoting their values, a ratio outside 0…1 and an endpoint that is not http(s)', () => {
    expect(parseHeaderList(' a=1 , b=x%3Dy ')).toEqual({ a: '1', b: 'x=y' });
    let message = '';
    try {
      loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=secret-token,=novalue' });
    } catch (err) {
      message = String(err);
    }
    expect(message).toMatch(/OTEL_EXPORTER_OTLP_HEADERS: entries must be key=value/);
    expect(message).not.toContain('secret-token');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'k=%E0%A4%A' })).toThrow(/the value of "k" is not percent-encoded/);
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});

describe('the count of open case workflows', () => {
  it('asks visibility for running case workflows whose case is not closed, on this task queue when its name is plain', () => {
    expect(openWorkflowsQuery('hotline-cases')).toBe("WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = 'hotline-cases' AND CaseStatus != 'closed'");
    expect(openWorkflowsQuery("x' OR 'a'='a")).toBe("WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND CaseStatus != 'closed'");
  });
});
