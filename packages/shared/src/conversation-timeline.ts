import { z } from 'zod';
import { closeOutcomeSchema } from './close-outcomes';
import { authorSchema, draftStatusSchema, reasonSchema } from './models';

/** What a conversation's history records, kept for good (a hand-back clears `reasons`, not this). */
export const timelineKinds = [
  'escalated',
  'claimed',
  'transferred',
  'handed_back',
  'unassigned',
  'draft_held',
  'draft_reviewed',
  'corrected',
  'closed',
] as const;
export const timelineKindSchema = z.enum(timelineKinds);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

export const timelineEventSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  kind: timelineKindSchema,
  /** Who did it; null for the bot, the policy or the server (an escalation, an offline agent's return). */
  actor: authorSchema.nullable(),
  at: z.string(),
  /** escalated, draft_held: why. */
  reasons: z.array(reasonSchema).optional(),
  /** transferred: from whom to whom; unassigned: whose it was. */
  from: authorSchema.optional(),
  to: authorSchema.optional(),
  /** draft_reviewed: approved, edited or rejected. */
  decision: draftStatusSchema.optional(),
  /** The draft or reply concerned (draft_held, draft_reviewed, corrected). */
  messageId: z.string().optional(),
  correctionId: z.string().optional(),
  /** closed: how it ended. */
  outcome: closeOutcomeSchema.optional(),
  tags: z.array(z.string()).optional(),
  /** claimed: how long the customer had waited since the escalation (absent on a take-over from the bot). */
  waitedMs: z.number().int().min(0).optional(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** `GET /api/conversations/:id/timeline`, oldest first. */
export const timelineResponseSchema = z.object({ events: z.array(timelineEventSchema) });
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;
