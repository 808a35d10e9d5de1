import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

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
