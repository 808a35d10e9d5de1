import type { Agent } from '@hitl/shared/models';
import {
  type AssignmentMode,
  type AssignmentSettingsView,
  assignmentModeSchema,
} from '@hitl/shared/team-presence';
import { createId } from '../../lib/ids';
import { assertPermitted } from '../auth/assert-permitted';
import { authorOf, nowIso, type ServiceContext } from '../service-context';

const ASSIGNMENT_SETTING = 'assignment_mode';

/**
 * The mode in force: the one an admin chose in the console (kept in the store, so every node reads the same
 * one at each escalation), else ASSIGNMENT_MODE.
 */
export async function readAssignmentMode(ctx: ServiceContext): Promise<AssignmentMode> {
  const saved = assignmentModeSchema.safeParse((await ctx.store.getSetting(ASSIGNMENT_SETTING))?.value);
  return saved.success ? saved.data : ctx.assignment.mode;
}

export async function readAssignmentSettings(ctx: ServiceContext): Promise<AssignmentSettingsView> {
  return {
    mode: await readAssignmentMode(ctx),
    maxOpen: ctx.assignment.maxOpen,
    awayAfterMs: ctx.assignment.awayAfterMs,
  };
}

/** An admin switches between manual claims and automatic assignment (audited: `assignment.changed`). */
export async function setAssignmentMode(
  ctx: ServiceContext,
  admin: Agent,
  mode: AssignmentMode,
): Promise<AssignmentSettingsView> {
  assertPermitted(admin, 'team.manage');
  const from = await readAssignmentMode(ctx);
  const at = nowIso(ctx);
  await ctx.store.putSetting(ASSIGNMENT_SETTING, mode, at);
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(admin),
    action: 'assignment.changed',
    target: null,
    data: { from, to: mode },
    at,
  });
  return readAssignmentSettings(ctx);
}
