import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffMs, dingtalkSignedUrl } from './delivery.js';
import { maskSecret, parseRobotSettings } from './settings.js';

describe('delivery rules', () => {
  it('backs off exponentially from the base, capped at a day', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(40, 60_000)).toBe(86_400_000);
  });

  it('signs DingTalk webhooks with timestamp + HMAC-SHA256 of "timestamp\\nsecret", base64 and URL-encoded', () => {
    const url = dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', 1700000000000);
    const u = new URL(url);
    expect(u.searchParams.get('access_token')).toBe('abc');
    expect(u.searchParams.get('timestamp')).toBe('1700000000000');
    expect(u.searchParams.get('sign')).toBe(crypto.createHmac('sha256', 'SECxyz').update('1700000000000\nSECxyz').digest('base64'));
    expect(dingtalkSignedUrl('https://x/send?access_token=abc', null)).toBe('https://x/send?access_token=abc');
  });

  it('masks secrets and reads malformed settings as off', () => {
    expect(maskSecret('SEC1234567890abcd')).toBe('SEC1…abcd');
    expect(maskSecret('short')).toBe('••••');
    expect(maskSecret(null)).toBeNull();
    expect(parseRobotSettings({ dingtalk: { enabled: 'yes', url: 3 }, webhookKinds: ['a', 1] })).toEqual({
      dingtalk: { enabled: false, url: null, secret: null }, wecom: { enabled: false, url: null }, webhookKinds: ['a'],
    });
  });
});
