import { z } from 'zod';
import { agentRoleSchema, idSchema } from './models';

/**
 * online: a console of the agent is connected and in use; away: connected but idle (the console says so
 * after a while without activity); offline: no console connected, on any node.
 */
export const presenceStatuses = ['online', 'away', 'offline'] as const;
export const presenceStatusSchema = z.enum(presenceStatuses);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

/** What a console reports about itself. */
export const presenceSetSchema = z.object({ status: z.enum(['online', 'away']) });
export type PresenceSetInput = z.infer<typeof presenceSetSchema>;

/** How new escalations reach agents: they claim from the queue, or the least busy online agent gets them. */
export const assignmentModes = ['manual', 'auto'] as const;
export const assignmentModeSchema = z.enum(assignmentModes);
export type AssignmentMode = z.infer<typeof assignmentModeSchema>;

/** `PUT /api/admin/assignment` (admins): how new escalations reach agents, on every node at once. */
export const assignmentModeUpdateSchema = z.strictObject({ mode: assignmentModeSchema });
export type AssignmentModeUpdate = z.infer<typeof assignmentModeUpdateSchema>;

export const teamMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: agentRoleSchema,
  presence: presenceStatusSchema,
  /** Conversations they own now (state `agent`). */
  open: z.number().int().min(0),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** `GET /api/team`: the active team with presence and load, and the assignment settings in force. */
export const assignmentSettingsSchema = z.object({
  mode: assignmentModeSchema,
  /** The most conversations one agent may own at once; null: no limit. */
  maxOpen: z.number().int().min(1).nullable(),
  /** After this long without activity a console reports its agent away. */
  awayAfterMs: z.number().int().min(1),
});
export type AssignmentSettingsView = z.infer<typeof assignmentSettingsSchema>;

export const teamResponseSchema = z.object({
  members: z.array(teamMemberSchema),
  assignment: assignmentSettingsSchema,
});
export type TeamResponse = z.infer<typeof teamResponseSchema>;

export const conversationTransferSchema = z.object({ conversationId: idSchema, toAgentId: idSchema });
export type ConversationTransferInput = z.infer<typeof conversationTransferSchema>;
