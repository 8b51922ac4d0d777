import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { configFailure, only } from './helpers';

/* E-mail notifications are configured by environment alone; a wrong value must stop the start-up saying how to fix it. */

describe('notification configuration', () => {
  it('sends nothing by default and has the documented timings', () => {
    const env = parseEnv(only());
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.NOTIFY_AFTER_SECONDS).toBe(120);
    expect(env.NOTIFY_DIGEST_MINUTES).toBe(15);
    expect(env.NOTIFY_MAX_PER_HOUR).toBe(20);
    expect(env.NOTIFY_RETRY_SECONDS).toEqual([60, 300, 1800, 7200]);
  });

  it('accepts smtp:// and smtps:// URLs, an address and a named sender', () => {
    const env = parseEnv(
      only({
        SMTP_URL: 'smtps://user:p%40ss@smtp.example.com:465',
        NOTIFY_EMAIL: 'me@example.com',
        MAIL_FROM: 'Tanya <chat@example.com>',
        NOTIFY_RETRY_SECONDS: '1,2',
      }),
    );
    expect(env.SMTP_URL).toBe('smtps://user:p%40ss@smtp.example.com:465');
    expect(env.MAIL_FROM).toBe('Tanya <chat@example.com>');
    expect(env.NOTIFY_RETRY_SECONDS).toEqual([1, 2]);
    expect(parseEnv(only({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'chat@example.com' })).SMTP_URL).toBe('smtp://127.0.0.1:2525');
  });

  it('refuses wrong values with the form expected', () => {
    expect(configFailure({ SMTP_URL: 'user at smtp host' })).toMatch(/SMTP_URL: must be smtp:\/\/user:password@host:587/);
    expect(configFailure({ SMTP_URL: 'http://smtp.example.com' })).toMatch(/SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
    expect(configFailure({ NOTIFY_EMAIL: 'me' })).toMatch(/NOTIFY_EMAIL: must be the address/);
    expect(configFailure({ MAIL_FROM: 'Tanya' })).toMatch(/MAIL_FROM: must be an address/);
    expect(configFailure({ NOTIFY_AFTER_SECONDS: '-1' })).toMatch(/NOTIFY_AFTER_SECONDS/);
    expect(configFailure({ NOTIFY_RETRY_SECONDS: '1 min' })).toMatch(/NOTIFY_RETRY_SECONDS: must be a comma-separated list of seconds/);
  });
});
