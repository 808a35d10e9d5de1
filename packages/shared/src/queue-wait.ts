import { z } from 'zod';

/**
 * Where a conversation waiting for a person stands: its place in its site's queue (the order the console's
 * queue uses, 1 = next) and about how long until someone joins. `expectedWaitMs` is null when there is
 * nothing to go on (no takeover measured lately, or nobody online).
 */
export const queueStatusSchema = z.object({
  conversationId: z.string(),
  position: z.number().int().min(1),
  expectedWaitMs: z.number().int().min(0).nullable(),
});
export type QueueStatus = z.infer<typeof queueStatusSchema>;
