import { escalationPolicySchema } from '@hitl/shared/policy';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { missingFields } from './missing-fields';

const schema = z.strictObject({
  mode: z.enum(['a', 'b']).default('a'),
  nested: z.strictObject({ level: z.number().default(1), note: z.string().optional() }).prefault({}),
  list: z.array(z.string()).default([]),
  optional: z.string().optional(),
});

describe('missingFields', () => {
  it.each([
    [{}, ['mode', 'nested', 'list']],
    [{ mode: 'a', nested: {}, list: [] }, ['nested.level']],
    [{ mode: 'a', nested: { level: 2 }, list: [] }, []],
    [{ mode: 'a', nested: { level: 2, note: 'x' }, list: [], optional: 'y' }, []],
    [null, []],
    ['text', []],
  ])('%j leaves out %j', (value, missing) => {
    expect(missingFields(schema, value)).toEqual(missing);
  });

  it('an inherited property does not count as given', () => {
    const value = Object.create({ mode: 'a', nested: { level: 1 }, list: [] });
    expect(missingFields(schema, value)).toEqual(['mode', 'nested', 'list']);
  });

  it('names every top-level field of an empty policy that has a default', () => {
    const missing = missingFields(escalationPolicySchema, {});
    expect(missing).toEqual(expect.arrayContaining(['mode', 'confidenceThreshold', 'topics', 'rules']));
    // Optional: leaving it out means one band.
    expect(missing).not.toContain('reviewThreshold');
  });
});
