import { describe, expect, it } from 'vitest';
import { cleanIdentity } from './page-context';

describe('cleanIdentity', () => {
  it('keeps the known fields as trimmed strings within the limits', () => {
    expect(
      cleanIdentity({ name: '  Dana ', email: 'dana@example.com', externalId: 7, admin: true, role: 'x' }),
    ).toEqual({ name: 'Dana', email: 'dana@example.com' });
    expect(cleanIdentity({ name: 'n'.repeat(500) })?.name).toHaveLength(120);
  });

  it('is null when nothing usable is left', () => {
    expect(cleanIdentity({ name: '   ', email: null })).toBeNull();
    expect(cleanIdentity('Dana')).toBeNull();
    expect(cleanIdentity(null)).toBeNull();
  });
});
