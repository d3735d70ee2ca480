/** The NOTIFY_* variables (platform/config.ts): defaults, and a webhook without its URL or secret stops start-up. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';

const SECRET = 's'.repeat(32);

describe('NOTIFY_* configuration', () => {
  it('defaults: the log channel, a pass every second, batches of 100, 8 attempts', () => {
    expect(loadConfig({})).toMatchObject({ NOTIFY_CHANNEL: 'log', NOTIFY_POLL_MS: 1000, NOTIFY_BATCH: 100, NOTIFY_MAX_ATTEMPTS: 8 });
    expect(loadConfig({ NOTIFY_POLL_MS: '250', NOTIFY_BATCH: '20', NOTIFY_MAX_ATTEMPTS: '3' })).toMatchObject({ NOTIFY_POLL_MS: 250, NOTIFY_BATCH: 20, NOTIFY_MAX_ATTEMPTS: 3 });
  });

  it('the webhook channel needs a URL and a secret of at least 32 characters', () => {
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'webhook' })).toThrow(/NOTIFY_WEBHOOK_URL: required[\s\S]*NOTIFY_WEBHOOK_SECRET: required/);
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: 'https://sms.example/hook', NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/NOTIFY_WEBHOOK_SECRET: at least 32/);
    expect(loadConfig({ NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9000/hook', NOTIFY_WEBHOOK_SECRET: SECRET })).toMatchObject({ NOTIFY_CHANNEL: 'webhook' });
  });

  it('refuses other channels, a URL that is not http(s), nonsense numbers, and plain http in production', () => {
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'sms' })).toThrow(/NOTIFY_CHANNEL/);
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: 'ftp://x/y', NOTIFY_WEBHOOK_SECRET: SECRET })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFY_MAX_ATTEMPTS/);
    expect(() => loadConfig({ NOTIFY_BATCH: 'many' })).toThrow(/NOTIFY_BATCH/);
    const production = { NODE_ENV: 'production', NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: 'http://sms.internal/hook', NOTIFY_WEBHOOK_SECRET: SECRET };
    expect(() => loadConfig(production)).toThrow(/NOTIFY_WEBHOOK_URL: must be https/);
  });
});
