import { describe, expect, it } from 'vitest';
import { agentRoles } from './models';
import { can, permissions, refusals } from './permissions';

describe('permissions', () => {
  it.each([
    [
      'agent',
      [
        'conversation.work',
        'conversation.email-reply',
        'conversation.search',
        'correction.create',
        'knowledge.read',
        'canned.read',
        'policy.read',
        'export.redacted',
        'team.read',
      ],
    ],
    [
      'reviewer',
      [
        'conversation.work',
        'conversation.email-reply',
        'conversation.search',
        'correction.create',
        'correction.review',
        'knowledge.read',
        'knowledge.edit',
        'canned.read',
        'canned.edit',
        'policy.read',
        'analytics.view',
        'export.redacted',
        'team.read',
      ],
    ],
    ['admin', Object.keys(permissions)],
  ] as const)('%s may do exactly %j', (role, allowed) => {
    const granted = Object.keys(permissions).filter((p) => can(role, p as keyof typeof permissions));
    expect(granted.sort()).toEqual([...allowed].sort());
  });

  it('every permission names known roles and has a refusal message', () => {
    for (const [permission, roles] of Object.entries(permissions)) {
      for (const role of roles) expect(agentRoles).toContain(role);
      expect(refusals[permission as keyof typeof permissions]).toMatch(/\w/);
    }
  });
});
