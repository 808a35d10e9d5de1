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
