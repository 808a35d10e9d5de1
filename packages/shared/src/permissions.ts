import type { AgentRole } from './models';

/**
 * Who may do what: the one table the server enforces (every route and socket event that is not open to
 * every agent asks it) and the console reads to show only what a role may do.
 */
export const permissions = {
  /** See the queue and every live conversation, claim, reply, hand back, close their own. */
  'conversation.work': ['agent', 'reviewer', 'admin'],
  /** Search every conversation's messages, closed ones included, and filter the list. */
  'conversation.search': ['agent', 'reviewer', 'admin'],
  /** Close or transfer a conversation another agent owns (handing back stays the owner's). */
  'conversation.release-others': ['admin'],
  /** Answer the e-mail a customer left by e-mail (not in a conversation another agent owns). */
  'conversation.email-reply': ['agent', 'reviewer', 'admin'],
  /** Mark a bot reply wrong and write the right one; mark review-later items; review drafts. */
  'correction.create': ['agent', 'reviewer', 'admin'],
  /** Approve or reject someone else's correction (a second person). */
  'correction.review': ['reviewer', 'admin'],
  'knowledge.read': ['agent', 'reviewer', 'admin'],
  /** Create, edit, retire, restore and import articles. */
  'knowledge.edit': ['reviewer', 'admin'],
  /** Read the team's canned responses and insert them in the composer. */
  'canned.read': ['agent', 'reviewer', 'admin'],
  /** Create, edit and delete canned responses (audited). */
  'canned.edit': ['reviewer', 'admin'],
  'policy.read': ['agent', 'reviewer', 'admin'],
  /** Change the escalation policy, also by applying threshold advice. */
  'policy.edit': ['admin'],
  'audit.read': ['admin'],
  /** Add team members, change their roles, deactivate and reactivate them. */
  'team.manage': ['admin'],
  /** Add, change and remove widget site keys: allowed origins, greeting, display name. */
  'site.manage': ['admin'],
  /** See the active team with presence and load (to transfer a conversation). */
  'team.read': ['agent', 'reviewer', 'admin'],
  /** The analytics page: where the bot fails, where the experts' time goes, whether the loop is learning. */
  'analytics.view': ['reviewer', 'admin'],
  /** Download corrections with personal data redacted. */
  'export.redacted': ['agent', 'reviewer', 'admin'],
  /** Download corrections as they were written, personal data included (audited). */
  'export.unredacted': ['admin'],
} as const satisfies Record<string, readonly AgentRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: AgentRole, permission: Permission): boolean {
  return (permissions[permission] as readonly AgentRole[]).includes(role);
}

/** What a refusal says, per permission. */
export const refusals: Record<Permission, string> = {
  'conversation.work': 'Log in as an agent.',
  'conversation.search': 'Log in as an agent.',
  'conversation.release-others': 'Only admins can close or transfer a conversation another agent owns.',
  'conversation.email-reply': 'Log in as an agent.',
  'correction.create': 'Log in as an agent.',
  'correction.review': 'Only reviewers and admins can review corrections.',
  'knowledge.read': 'Log in as an agent.',
  'knowledge.edit': 'Only reviewers and admins can change the knowledge base.',
  'canned.read': 'Log in as an agent.',
  'canned.edit': 'Only reviewers and admins can change the canned responses.',
  'policy.read': 'Log in as an agent.',
  'policy.edit': 'Only admins can change the escalation policy.',
  'audit.read': 'Only admins can read the audit trail.',
  'team.manage': 'Only admins can manage the team.',
  'site.manage': 'Only admins can manage site keys.',
  'team.read': 'Log in as an agent.',
  'analytics.view': 'Only reviewers and admins can see the analytics.',
  'export.redacted': 'Log in as an agent.',
  'export.unredacted': 'Only admins can export corrections without redaction.',
};
