import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it.each([
    [undefined, ['loopback']],
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ['192.168.1.5,::1', ['192.168.1.5', '::1']],
  ])('TRUST_PROXY=%s → %j', (value, expected) => {
    const env = value === undefined ? {} : { TRUST_PROXY: value };
    expect(loadConfig(env).TRUST_PROXY).toEqual(expected);
  });

  it.each(['nginx', '10.0.0.0/8/1', '300.1.1.1', 'loopback,'])(
    'refuses TRUST_PROXY=%s, naming it',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );

  it('visitor tokens last 30 days unless told otherwise; a bad value names the variable', () => {
    expect(loadConfig({}).VISITOR_TOKEN_TTL_DAYS).toBe(30);
    expect(loadConfig({ VISITOR_TOKEN_TTL_DAYS: '7' }).VISITOR_TOKEN_TTL_DAYS).toBe(7);
    expect(() => loadConfig({ VISITOR_TOKEN_TTL_DAYS: 'soon' })).toThrow(/VISITOR_TOKEN_TTL_DAYS/);
  });
});

describe('RETRAIN_AFTER_CORRECTIONS', () => {
  it.each([
    { value: undefined, expected: 50 },
    { value: '0', expected: 0 },
    { value: '200', expected: 200 },
  ])('$value gives $expected', ({ value, expected }) => {
    const env = value === undefined ? {} : { RETRAIN_AFTER_CORRECTIONS: value };
    expect(loadConfig(env).RETRAIN_AFTER_CORRECTIONS).toBe(expected);
  });

  it.each(['-1', '2.5', 'often', ''])('"%s" stops start-up with a message naming it', (value) => {
    expect(() => loadConfig({ RETRAIN_AFTER_CORRECTIONS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RETRAIN_AFTER_CORRECTIONS: value })).toThrow(/RETRAIN_AFTER_CORRECTIONS/);
  });
});

describe('SMTP_URL and SMTP_FROM', () => {
  it('e-mail replies are off without SMTP_URL; the sender defaults to the shop at support@ its host', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({}).mailFrom).toEqual({ name: 'Harbor & Pine', address: 'support@localhost' });
    expect(loadConfig({ PUBLIC_URL: 'https://help.shop.example/' }).mailFrom.address).toBe(
      'support@help.shop.example',
    );
  });

  it.each(['smtp://user:pass@mail.example.com:587', 'smtps://mail.example.com', 'smtp://127.0.0.1:2525'])(
    'takes SMTP_URL=%s',
    (value) => {
      expect(loadConfig({ SMTP_URL: value }).SMTP_URL).toBe(value);
    },
  );

  it.each(['mail.example.com', 'http://mail.example.com', 'smtp://', 'smtp://exa mple.com'])(
    'refuses SMTP_URL=%s, naming it',
    (value) => {
      expect(() => loadConfig({ SMTP_URL: value })).toThrow(/SMTP_URL/);
    },
  );

  it.each([
    ['help@shop.example', { name: null, address: 'help@shop.example' }],
    ['Harbor & Pine <help@shop.example>', { name: 'Harbor & Pine', address: 'help@shop.example' }],
    ['"Pine, Support" <help@shop.example>', { name: 'Pine, Support', address: 'help@shop.example' }],
  ])('reads SMTP_FROM=%s', (value, expected) => {
    expect(loadConfig({ SMTP_FROM: value }).mailFrom).toEqual(expected);
  });

  it.each(['not an address', 'Shop <nobody>', 'Shop <help@shop.example> extra'])(
    'refuses SMTP_FROM=%s',
    (value) => {
      expect(() => loadConfig({ SMTP_FROM: value })).toThrow(/SMTP_FROM/);
    },
  );
});
