/** pino options shared by the API and the worker: personal data is redacted wherever it may appear. */
import type { LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-case-code"]',
  'req.headers["authorization-extras"]',
  'req.headers.cookie',
  'complainant',
  '*.complainant',
  '*.*.complainant',
  '*.*.*.complainant',
  'phone',
  '*.phone',
  '*.*.phone',
  'complainantName',
  'complainantPhone',
  '*.complainantName',
  '*.complainantPhone',
];

export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}
