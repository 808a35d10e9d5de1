import { describe, expect, it } from 'vitest';
import { createId } from './ids';

describe('createId', () => {
  it('gives distinct, prefixed, URL-safe ids, also across refills of its random pool', () => {
    const ids = Array.from({ length: 2_000 }, () => createId('msg'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^msg_[0-9a-z]+[0-9a-f]{16}$/);
  });
});
